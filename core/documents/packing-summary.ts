import type { Db } from '../db/database';
import { formatDateFr, type IsoDate } from '../dates/dates';
import { planDeliveries } from '../deliveries/plan';
import { summarizeBaskets } from '../deliveries/week-summary';
import { compareFr } from '../text/collate';

/** The packing team's counts for one delivery day (bon de préparation). */
export interface PackingDay {
  date: IsoDate;
  dateLabel: string;
  /** Formula names, in a stable order: the columns. */
  formulas: string[];
  rounds: {
    name: string;
    colour: string | null;
    /** Depots in round order, counts by formula. */
    depots: { name: string; counts: Record<string, number>; total: number }[];
    counts: Record<string, number>;
    total: number;
  }[];
  gardens: { name: string; counts: Record<string, number>; total: number }[];
  counts: Record<string, number>;
  total: number;
}

/** Counts of each formula per depot (round order), per round and per garden, day by day. */
export function buildPackingSummary(db: Db, from: IsoDate, to: IsoDate): PackingDay[] {
  const due = planDeliveries(db, { from, to }).filter((b) => b.status === 'expected');
  const days = [...new Set(due.map((b) => b.date))].sort();
  return days.map((date) => {
    const baskets = due.filter((b) => b.date === date);
    const totals = summarizeBaskets(baskets);
    const formulas = Object.keys(totals.byFormula).sort((a, b) => compareFr(a, b));
    const roundKeys = [...new Set(baskets.map((b) => (b.round ? `${b.round.code}|${b.round.id}` : '~')))].sort();
    const rounds = roundKeys.map((key) => {
      const inRound = baskets.filter((b) => (b.round ? `${b.round.code}|${b.round.id}` : '~') === key);
      const first = inRound[0]!;
      const depotOrder = [...new Map(inRound.map((b) => [b.depotId, b])).values()].sort(
        (a, b) => (a.round?.position ?? 0) - (b.round?.position ?? 0) || compareFr(a.depotName, b.depotName),
      );
      const summary = summarizeBaskets(inRound);
      return {
        name: first.round?.name ?? 'Hors tournée',
        colour: first.round?.colour ?? null,
        depots: depotOrder.map((d) => {
          const line = summarizeBaskets(inRound.filter((b) => b.depotId === d.depotId));
          return { name: d.depotName, counts: line.byFormula, total: line.total };
        }),
        counts: summary.byFormula,
        total: summary.total,
      };
    });
    return {
      date: date as IsoDate,
      dateLabel: formatDateFr(date as IsoDate),
      formulas,
      rounds,
      gardens: totals.byGarden.map((g) => ({ name: g.label, counts: g.byFormula, total: g.total })).sort((a, b) => compareFr(a.name, b.name)),
      counts: totals.byFormula,
      total: totals.total,
    };
  });
}
