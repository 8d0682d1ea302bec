import type { Db } from '../db/database';
import { addDays, type IsoDate } from '../dates/dates';
import { mondayOf, planDeliveries } from '../deliveries/plan';
import { billedStatusSql } from '../invoicing/blockers';
import { compareFr } from '../text/collate';
import { OPEN_WEEKS } from './dashboard-tasks';
import { billedRecordGroups, closedDays, weekLabeller } from './week-counts';

/** Baskets delivered (billed records) in one ISO week, for one formula. */
export interface WeekFormulaCount {
  week: string;
  monday: string;
  formulaId: number;
  formula: string;
  count: number;
}

/** Baskets delivered per ISO week and formula: the billed delivery records, as invoicing bills them. */
export function basketsPerWeek(db: Db, from: IsoDate, to: IsoDate): WeekFormulaCount[] {
  const label = weekLabeller();
  const cells = new Map<string, WeekFormulaCount>();
  for (const g of billedRecordGroups(db, from, to)) {
    const week = label(g.date);
    const key = `${week}|${g.formula_id}`;
    const cell = cells.get(key);
    if (cell) cell.count += g.baskets;
    else cells.set(key, { week, monday: mondayOf(g.date as IsoDate), formulaId: g.formula_id, formula: g.formula, count: g.baskets });
  }
  return [...cells.values()].sort((a, b) => a.week.localeCompare(b.week) || compareFr(a.formula, b.formula));
}

export interface WeekCancellations {
  week: string;
  monday: string;
  /** Baskets of validated days recorded « annulé ». */
  recorded: number;
  /** Baskets of days not validated yet that the plan shows cancelled (cancellations already known). */
  planned: number;
  count: number;
}

/**
 * Cancelled baskets per ISO week: the records of validated days, plus the planner's cancelled
 * baskets on the days not validated (from `OPEN_WEEKS` weeks back, as the dashboard looks).
 */
export function cancellationsPerWeek(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): WeekCancellations[] {
  const label = weekLabeller();
  const weeks = new Map<string, WeekCancellations>();
  const add = (day: string, recorded: number, planned: number) => {
    const week = label(day);
    const line = weeks.get(week) ?? { week, monday: mondayOf(day as IsoDate), recorded: 0, planned: 0, count: 0 };
    line.recorded += recorded;
    line.planned += planned;
    line.count += recorded + planned;
    weeks.set(week, line);
  };
  const records = db.all<{ d: string; n: number }>(
    "SELECT delivery_date AS d, sum(quantity) AS n FROM deliveries WHERE delivery_date BETWEEN ? AND ? AND status = 'cancelled' GROUP BY delivery_date",
    [from, to],
  );
  for (const r of records) add(r.d, r.n, 0);
  const planFrom = [from, addDays(mondayOf(today), -7 * (OPEN_WEEKS - 1))].sort().at(-1)! as IsoDate;
  if (planFrom <= to) {
    const closed = closedDays(db, planFrom, to);
    for (const b of planDeliveries(db, { from: planFrom, to, unsorted: true })) {
      if (b.status === 'cancelled' && !closed.has(b.date)) add(b.date, 0, b.quantity);
    }
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

export interface DepotUse {
  depotId: number;
  depot: string;
  garden: string;
  /** Distinct subscribers with a billed basket at the depot in the period. */
  subscribers: number;
  baskets: number;
  /** Days with at least one billed basket at the depot. */
  deliveryDays: number;
  /** Baskets ÷ delivery days, to two decimals; null without a delivery. */
  averagePerDay: number | null;
  capacity: number | null;
  /** Average per day ÷ capacity, in percent to one decimal; null without a capacity or a delivery. */
  capacityUsePercent: number | null;
}

/** Per depot, from the billed delivery records of the period: subscribers, baskets and the use of its places. */
export function depotUse(db: Db, from: IsoDate, to: IsoDate): DepotUse[] {
  const rows = db.all<{ id: number; name: string; garden: string; capacity: number | null; subscribers: number; baskets: number | null; days: number }>(
    `SELECT d.id, d.name, g.name AS garden, d.capacity, count(DISTINCT r.subscriber_id) AS subscribers, sum(r.quantity) AS baskets,
            count(DISTINCT r.delivery_date) AS days
     FROM depots d JOIN gardens g ON g.id = d.garden_id
     LEFT JOIN deliveries r ON r.depot_id = d.id AND r.delivery_date BETWEEN :from AND :to AND ${billedStatusSql(db)}
     WHERE d.archived_at IS NULL OR r.id IS NOT NULL
     GROUP BY d.id`,
    { ':from': from, ':to': to },
  );
  return rows
    .map((r) => {
      const baskets = r.baskets ?? 0;
      const average = r.days > 0 ? baskets / r.days : null;
      return {
        depotId: r.id,
        depot: r.name,
        garden: r.garden,
        subscribers: r.subscribers,
        baskets,
        deliveryDays: r.days,
        averagePerDay: average === null ? null : Math.round(average * 100) / 100,
        capacity: r.capacity,
        capacityUsePercent: average === null || !r.capacity ? null : Math.round((average / r.capacity) * 1000) / 10,
      };
    })
    .sort((a, b) => compareFr(a.garden, b.garden) || compareFr(a.depot, b.depot));
}
