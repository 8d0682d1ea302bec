import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, type IsoDate } from '../dates/dates';
import { billedStatusSql, monthRange, readCutover } from '../invoicing/blockers';
import { planDeliveries, type PlannedBasket } from '../deliveries/plan';
import { cents, type Cents } from '../money/money';
import { compareFr } from '../text/collate';
import { idField, isoDateField } from '../validation/fields';
import { displayName, endOfMonth } from './payment-common';
import { readPaymentSettings } from './payment-settings';
import { quarterlyBySubscriber, type Quarterly } from './quarterly-flat';

/** One basket still to come this month, at its price. */
export interface ExpectedBasket {
  date: string;
  formulaName: string;
  quantity: number;
  /** unit price × quantity (0 when the formula has no price that day). */
  amountCents: Cents;
}

/** A cheque payer's prepaid balance against what the month still costs (issue 7 item 4). */
export interface LowBalance {
  subscriberId: number;
  name: string;
  email: string;
  depotName: string;
  /** Ledger balance on the day before `from` (today by default). */
  balanceCents: Cents;
  /** Baskets from `from` to the month's end, expected (not cancelled, closed or skipped). */
  baskets: ExpectedBasket[];
  plannedCents: Cents;
  /** Baskets already delivered before `from` and not yet on an issued invoice (the run comes after the month). */
  uninvoicedCents: Cents;
  /** plannedCents + uninvoicedCents. */
  expectedBasketsCents: Cents;
  /** balanceCents − expectedBasketsCents. */
  expectedBalanceCents: Cents;
  thresholdCents: Cents;
  quarterly: Quarterly | null;
}

interface PayerRow {
  id: number;
  kind: string;
  first_name: string;
  last_name: string;
  email: string;
  balance: number;
}

/**
 * The first day whose baskets may still be invoiced: after the last issued month (a month is
 * invoiced once; what it left out stays out) and not before the cut-over (the old software
 * invoiced those). Keeps the search to a month or two instead of the whole history.
 */
function stillToInvoiceSince(db: Db): string {
  const lastIssued = db.get<{ m: string | null }>("SELECT max(month) AS m FROM invoice_runs WHERE status = 'issued'")?.m ?? null;
  const afterIssued = lastIssued ? addDays(monthRange(lastIssued).to, 1) : '0000-00-00';
  const cutover = readCutover(db) ?? '0000-00-00';
  return afterIssued > cutover ? afterIssued : cutover;
}

/** An unscoped plan the caller already made (the dashboard's), with the range it covers. */
export interface PlanSlice {
  from: IsoDate;
  to: IsoDate;
  baskets: readonly PlannedBasket[];
}

/** What a planned basket adds to the month's projection: unit price × quantity (0 without a price). */
export const expectedCents = (b: PlannedBasket): number => (b.unitPriceCents ?? 0) * b.quantity;

/**
 * The expected baskets of the window (not cancelled, closed or skipped). Taken from `planned`
 * when it covers the window: the planner plans week by week, so a wider range plans these
 * days alike; otherwise one planning pass for the whole association (or one subscriber).
 */
export function expectedBasketsIn(db: Db, window: { from: IsoDate; to: IsoDate }, planned?: PlanSlice, subscriberId?: number): PlannedBasket[] {
  const { from, to } = window;
  if (from > to) return [];
  const baskets =
    planned && planned.from <= from && planned.to >= to
      ? planned.baskets
      : planDeliveries(db, { from, to, unsorted: true, ...(subscriberId !== undefined ? { subscriberId } : {}) });
  return baskets.filter((b) => b.status === 'expected' && b.date >= from && b.date <= to && (subscriberId === undefined || b.subscriberId === subscriberId));
}

/**
 * Cheque payers' baskets delivered before `from` and not yet on an issued invoice, in cents.
 * Read payer by payer through deliveries(subscriber_id, delivery_date): cheque payers are a
 * fraction of the association, so this reads a fraction of the month's delivery records.
 */
export function uninvoicedBefore(db: Db, from: IsoDate): Map<number, number> {
  const rows = db.all<{ subscriber_id: number; total: number }>(
    `SELECT r.subscriber_id, sum(r.unit_price_cents * r.quantity) AS total FROM subscribers s CROSS JOIN deliveries r ON r.subscriber_id = s.id
     WHERE s.payment_method = 'cheque' AND r.delivery_date >= :since AND r.delivery_date < :from AND ${billedStatusSql(db)}
       AND NOT EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.delivery_id = r.id AND i.status = 'issued')
     GROUP BY r.subscriber_id`,
    { ':since': stillToInvoiceSince(db), ':from': from },
  );
  return new Map(rows.map((r) => [r.subscriber_id, r.total]));
}

/**
 * Every cheque payer's month-end projection. One planning pass for all of them (the planner
 * loads a month for the whole association in a few queries), then in-memory grouping.
 * `countLowBalances` counts the same projection without the details.
 */
export function lowBalances(db: Db, window: { from: IsoDate; to: IsoDate }, subscriberId?: number): LowBalance[] {
  const { from } = window;
  const thresholdCents = readPaymentSettings(db).lowBalanceThresholdCents;
  const payers = db.all<PayerRow>(
    `SELECT s.id, s.kind, s.first_name, s.last_name, s.email,
       coalesce((SELECT sum(e.amount_cents) FROM ledger_entries e WHERE e.subscriber_id = s.id AND e.entry_date < :from), 0) AS balance
     FROM subscribers s WHERE s.payment_method = 'cheque' AND s.archived_at IS NULL AND (:one IS NULL OR s.id = :one)`,
    { ':from': from, ':one': subscriberId ?? null },
  );
  if (payers.length === 0) return [];
  const ids = new Set(payers.map((p) => p.id));
  const baskets = new Map<number, ExpectedBasket[]>();
  for (const b of expectedBasketsIn(db, window, undefined, subscriberId)) {
    if (!ids.has(b.subscriberId)) continue;
    const list = baskets.get(b.subscriberId) ?? [];
    list.push({ date: b.date, formulaName: b.formulaName, quantity: b.quantity, amountCents: cents(expectedCents(b)) });
    baskets.set(b.subscriberId, list);
  }
  const uninvoiced = uninvoicedBefore(db, from);
  const quarterly = quarterlyBySubscriber(db, from, [...ids]);
  return payers.map((p) => {
    const list = baskets.get(p.id) ?? [];
    const plannedCents = cents(list.reduce((sum, b) => sum + b.amountCents, 0));
    const uninvoicedCents = cents(uninvoiced.get(p.id) ?? 0);
    const expectedBasketsCents = cents(plannedCents + uninvoicedCents);
    return {
      subscriberId: p.id,
      name: displayName(p),
      email: p.email,
      depotName: quarterly.get(p.id)?.depotName ?? '',
      balanceCents: cents(p.balance),
      baskets: list,
      plannedCents,
      uninvoicedCents,
      expectedBasketsCents,
      expectedBalanceCents: cents(p.balance - expectedBasketsCents),
      thresholdCents,
      quarterly: quarterly.get(p.id)?.quarterly ?? null,
    };
  });
}

const windowInput = {
  /** First day of the baskets still expected; default tomorrow (and then the month is today's). */
  from: isoDateField('Date de début invalide (attendu AAAA-MM-JJ).').optional(),
};

/** From tomorrow to the end of this month, or from a given day to the end of its month. */
export function windowOf(today: IsoDate, from: IsoDate | undefined): { from: IsoDate; to: IsoDate } {
  return from ? { from, to: endOfMonth(from) } : { from: addDays(today, 1), to: endOfMonth(today) };
}

/** « Soldes bas »: cheque payers whose balance at the month's end falls under the threshold, lowest first. */
export const lowBalanceList = defineHandler({
  name: 'low-balance-list',
  input: z.object(windowInput),
  labels: { from: 'À partir du' },
  mutates: false,
  run: ({ db, clock }, input) => {
    const window = windowOf(clock.today(), input.from);
    const subscribers = lowBalances(db, window)
      .filter((l) => l.expectedBalanceCents < l.thresholdCents)
      .sort((a, b) => a.expectedBalanceCents - b.expectedBalanceCents || compareFr(a.name, b.name));
    return {
      ...window,
      thresholdCents: readPaymentSettings(db).lowBalanceThresholdCents,
      subscribers,
      emails: subscribers.map((s) => s.email).filter(Boolean),
    };
  },
});

/** The alert of the subscriber page: null unless an active cheque payer falls under the threshold. */
export const lowBalanceGet = defineHandler({
  name: 'low-balance-get',
  input: z.object({ subscriberId: idField, ...windowInput }),
  labels: { subscriberId: 'Adhérent', from: 'À partir du' },
  mutates: false,
  run: ({ db, clock }, input) => {
    const window = windowOf(clock.today(), input.from);
    const found = lowBalances(db, window, input.subscriberId)[0];
    // The last day projected, so the page can say « au 31/12/2026 ».
    return found && found.expectedBalanceCents < found.thresholdCents ? { ...found, periodEnd: window.to } : null;
  },
});
