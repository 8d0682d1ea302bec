import type { Db } from '../db/database';
import { isoWeek, type IsoDate } from '../dates/dates';
import { billedStatusSql } from '../invoicing/blockers';
import type { PlannedBasket } from '../deliveries/plan';
import { compareFr } from '../text/collate';

/** A count of baskets for one formula (or garden, or depot): what the charts and tables show. */
export interface NamedCount {
  id: number;
  name: string;
  count: number;
}

/** `YYYY-Www` of many days: the reports label thousands of records with a few dozen weeks. */
export function weekLabeller(): (day: string) => string {
  const cache = new Map<string, string>();
  return (day) => {
    let week = cache.get(day);
    if (week === undefined) {
      week = isoWeek(day as IsoDate);
      cache.set(day, week);
    }
    return week;
  };
}

/** Adds `count` under `id`, keeping the first name seen. */
export function tally(map: Map<number, NamedCount>, id: number, name: string, count: number): void {
  const line = map.get(id);
  if (line) line.count += count;
  else map.set(id, { id, name, count });
}

export const byName = (a: { name: string }, b: { name: string }) => compareFr(a.name, b.name);

/** The days of [from, to] already validated: their delivery records, not the plan, say what happened. */
export function closedDays(db: Db, from: string, to: string): Set<string> {
  return new Set(db.all<{ d: string }>('SELECT delivery_date AS d FROM delivery_days WHERE delivery_date BETWEEN ? AND ?', [from, to]).map((r) => r.d));
}

/** One grouped row of billed delivery records (the lines invoicing bills). */
export interface RecordGroup {
  date: string;
  formula_id: number;
  formula: string;
  depot_id: number;
  depot: string;
  garden_id: number;
  garden: string;
  baskets: number;
}

/** Billed delivery records of [from, to] (delivered, and not collected when billed), grouped in SQL by day, formula and depot. */
export function billedRecordGroups(db: Db, from: string, to: string): RecordGroup[] {
  return db.all<RecordGroup>(
    `SELECT r.delivery_date AS date, r.formula_id, f.name AS formula, r.depot_id, d.name AS depot, d.garden_id, g.name AS garden, sum(r.quantity) AS baskets
     FROM deliveries r JOIN formulas f ON f.id = r.formula_id JOIN depots d ON d.id = r.depot_id JOIN gardens g ON g.id = d.garden_id
     WHERE r.delivery_date BETWEEN :from AND :to AND ${billedStatusSql(db)}
     GROUP BY r.delivery_date, r.formula_id, r.depot_id`,
    { ':from': from, ':to': to },
  );
}

/** Due baskets of the plan, as the same groups (the future and the days not validated yet). */
export function plannedGroups(baskets: readonly PlannedBasket[], keep: (b: PlannedBasket) => boolean): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  for (const b of baskets) {
    if (b.status !== 'expected' || !keep(b)) continue;
    const key = `${b.date}|${b.formulaId}|${b.depotId}`;
    const group = groups.get(key);
    if (group) group.baskets += b.quantity;
    else {
      groups.set(key, {
        date: b.date,
        formula_id: b.formulaId,
        formula: b.formulaName,
        depot_id: b.depotId,
        depot: b.depotName,
        garden_id: b.gardenId,
        garden: b.gardenName,
        baskets: b.quantity,
      });
    }
  }
  return [...groups.values()];
}
