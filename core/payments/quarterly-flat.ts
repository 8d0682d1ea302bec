import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import type { Frequency } from '../formulas/formulas';
import { cents, roundHalfUp, type Cents } from '../money/money';

/**
 * The amount a cheque payer is asked for three months ahead (issue 7 item 3: « the expected
 * quarterly flat amount comes from their formula »). The formula's own « forfait trimestriel »
 * when it has one (× the quantity); otherwise 13 weeks of baskets at today's price, divided
 * by the frequency (every other week: half; monthly: 3 baskets a quarter).
 */
export interface QuarterlyLine {
  chainId: number;
  formulaId: number;
  formulaName: string;
  quantity: number;
  frequency: Frequency;
  amountCents: Cents;
  /** `formula`: the formula's forfait; `computed`: 13 weeks × price × quantity ÷ frequency. */
  source: 'formula' | 'computed';
}

export interface Quarterly {
  amountCents: Cents;
  lines: QuarterlyLine[];
  /** The formulas' names joined, for a letter: « Petit panier, Panier fruits ». */
  formulaLabel: string;
}

/** Baskets in a quarter (13 weeks), times two so that every-other-week stays an integer. */
const HALF_BASKETS_PER_QUARTER: Record<Frequency, number> = { weekly: 26, biweekly_even: 13, biweekly_odd: 13, monthly: 6 };

export function quarterlyAmount(line: { flatCents: number | null; priceCents: number | null; quantity: number; frequency: Frequency }): { amountCents: Cents; source: 'formula' | 'computed' } | null {
  if (line.flatCents !== null) return { amountCents: cents(line.flatCents * line.quantity), source: 'formula' };
  if (line.priceCents === null) return null;
  return { amountCents: roundHalfUp(line.priceCents * line.quantity * HALF_BASKETS_PER_QUARTER[line.frequency], 2), source: 'computed' };
}

interface VersionRow {
  subscriber_id: number;
  chain_id: number;
  formula_id: number;
  formula_name: string;
  quantity: number;
  frequency: Frequency;
  flat_cents: number | null;
  price_cents: number | null;
  depot_name: string;
}

/** The quarterly amount and depot of each subscriber's subscriptions in force on `day` (one query). */
export function quarterlyBySubscriber(db: Db, day: IsoDate, subscriberIds: readonly number[]): Map<number, { quarterly: Quarterly | null; depotName: string }> {
  const result = new Map<number, { quarterly: Quarterly | null; depotName: string }>();
  if (subscriberIds.length === 0) return result;
  const rows = db.all<VersionRow>(
    `SELECT v.subscriber_id, v.chain_id, v.formula_id, f.name AS formula_name, v.quantity, v.frequency, f.quarterly_flat_cents AS flat_cents, d.name AS depot_name,
       (SELECT p.price_cents FROM formula_prices p WHERE p.formula_id = f.id AND p.valid_from <= :day ORDER BY p.valid_from DESC LIMIT 1) AS price_cents
     FROM subscriptions v JOIN formulas f ON f.id = v.formula_id JOIN depots d ON d.id = v.depot_id
     WHERE v.start_date <= :day AND (v.end_date IS NULL OR v.end_date >= :day) AND v.subscriber_id IN (${subscriberIds.map(Number).join(',')})
     ORDER BY v.subscriber_id, v.chain_id`,
    { ':day': day },
  );
  for (const r of rows) {
    const entry = result.get(r.subscriber_id) ?? { quarterly: null, depotName: r.depot_name };
    const amount = quarterlyAmount({ flatCents: r.flat_cents, priceCents: r.price_cents, quantity: r.quantity, frequency: r.frequency });
    if (amount) {
      const line: QuarterlyLine = { chainId: r.chain_id, formulaId: r.formula_id, formulaName: r.formula_name, quantity: r.quantity, frequency: r.frequency, ...amount };
      const lines = [...(entry.quarterly?.lines ?? []), line];
      entry.quarterly = {
        lines,
        amountCents: cents(lines.reduce((sum, l) => sum + l.amountCents, 0)),
        formulaLabel: [...new Set(lines.map((l) => l.formulaName))].join(', '),
      };
    }
    result.set(r.subscriber_id, entry);
  }
  return result;
}
