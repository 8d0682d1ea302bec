import type { IsoDate } from '../../core/dates/dates';
import type { PlannedBasket } from '../../core/deliveries/plan';
import type { CountLine, WeekTotals } from '../../core/deliveries/week-summary';

export type RoundInfo = NonNullable<PlannedBasket['round']>;

export interface DepotGroup {
  key: string;
  depotId: number;
  depotName: string;
  gardenName: string;
  baskets: PlannedBasket[];
  /** Due baskets per formula (the backend's packing counts), empty when all are off. */
  counts: CountLine | undefined;
}

export interface RoundGroup {
  key: string;
  round: RoundInfo | null;
  depots: DepotGroup[];
  counts: CountLine | undefined;
}

export interface DayGroup {
  date: IsoDate;
  rounds: RoundGroup[];
  /** Due baskets of the day, quantities included. */
  due: number;
  /** Cancelled, closed or skipped baskets of the day (greyed, not counted). */
  off: number;
}

/**
 * Day → round → depot, in the order the backend sorted the baskets (date, round, the
 * depot's place in the round, name). Counts come from the backend's totals, keyed the same
 * way (`date|depotId`, `date|roundId`), so the screen never recomputes a business total.
 */
export function groupWeek(baskets: readonly PlannedBasket[], totals: WeekTotals): DayGroup[] {
  const depotCounts = new Map(totals.byDepot.map((line) => [line.key, line]));
  const roundCounts = new Map(totals.byRound.map((line) => [line.key, line]));
  const days: DayGroup[] = [];
  for (const basket of baskets) {
    let day = days.at(-1);
    if (!day || day.date !== basket.date) {
      day = { date: basket.date, rounds: [], due: 0, off: 0 };
      days.push(day);
    }
    const roundKey = `${basket.date}|${basket.round ? basket.round.id : '-'}`;
    let round = day.rounds.find((r) => r.key === roundKey);
    if (!round) {
      round = { key: roundKey, round: basket.round, depots: [], counts: roundCounts.get(roundKey) };
      day.rounds.push(round);
    }
    const depotKey = `${basket.date}|${basket.depotId}`;
    let depot = round.depots.find((d) => d.key === depotKey);
    if (!depot) {
      depot = { key: depotKey, depotId: basket.depotId, depotName: basket.depotName, gardenName: basket.gardenName, baskets: [], counts: depotCounts.get(depotKey) };
      round.depots.push(depot);
    }
    depot.baskets.push(basket);
    if (basket.status === 'expected') day.due += basket.quantity;
    else day.off += basket.quantity;
  }
  return days;
}

/** Formula names in a stable order (alphabetical, French), for the columns of count tables. */
export function formulaColumns(totals: WeekTotals): string[] {
  return Object.keys(totals.byFormula).sort((a, b) => a.localeCompare(b, 'fr'));
}

/** The date of a `date|id` totals key. */
export function dateOfKey(key: string): IsoDate {
  return key.slice(0, 10) as IsoDate;
}

/** Keeps the baskets whose subscriber's name holds `query` (accents and case ignored). */
export function filterBaskets(baskets: readonly PlannedBasket[], query: string): readonly PlannedBasket[] {
  const needle = fold(query.trim());
  if (!needle) return baskets;
  return baskets.filter((b) => fold(b.subscriberName).includes(needle));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}
