import { addCents, cents, multiplyCents, ZERO, type Cents } from '../money/money';
import type { PlannedBasket } from './plan';

export interface CountLine {
  key: string;
  label: string;
  /** Baskets by formula name. */
  byFormula: Record<string, number>;
  total: number;
}

export interface WeekTotals {
  byFormula: Record<string, number>;
  byDepot: CountLine[];
  byRound: CountLine[];
  byGarden: CountLine[];
  /** Baskets due (status expected), quantities included. */
  total: number;
  /** What the due baskets will bill, at their price on the day. */
  amountCents: Cents;
  cancelled: number;
  closed: number;
  skipped: number;
}

function addTo(lines: Map<string, CountLine>, key: string, label: string, formula: string, quantity: number): void {
  let line = lines.get(key);
  if (!line) {
    line = { key, label, byFormula: {}, total: 0 };
    lines.set(key, line);
  }
  line.byFormula[formula] = (line.byFormula[formula] ?? 0) + quantity;
  line.total += quantity;
}

/** Packing counts of due baskets per formula, depot (round order kept), round and garden. */
export function summarizeBaskets(baskets: readonly PlannedBasket[]): WeekTotals {
  const byFormula: Record<string, number> = {};
  const depots = new Map<string, CountLine>();
  const rounds = new Map<string, CountLine>();
  const gardens = new Map<string, CountLine>();
  let total = 0;
  let amount: Cents = ZERO;
  let cancelled = 0;
  let closed = 0;
  let skipped = 0;
  for (const b of baskets) {
    if (b.status === 'cancelled') cancelled += b.quantity;
    if (b.status === 'closure') closed += b.quantity;
    if (b.status === 'holiday_skipped') skipped += b.quantity;
    if (b.status !== 'expected') continue;
    byFormula[b.formulaName] = (byFormula[b.formulaName] ?? 0) + b.quantity;
    addTo(depots, `${b.date}|${b.depotId}`, b.depotName, b.formulaName, b.quantity);
    addTo(rounds, b.round ? `${b.date}|${b.round.id}` : `${b.date}|-`, b.round ? b.round.name : 'Hors tournée', b.formulaName, b.quantity);
    addTo(gardens, String(b.gardenId), b.gardenName, b.formulaName, b.quantity);
    total += b.quantity;
    amount = addCents(amount, multiplyCents(b.unitPriceCents ?? cents(0), b.quantity));
  }
  return {
    byFormula,
    byDepot: [...depots.values()],
    byRound: [...rounds.values()],
    byGarden: [...gardens.values()],
    total,
    amountCents: amount,
    cancelled,
    closed,
    skipped,
  };
}
