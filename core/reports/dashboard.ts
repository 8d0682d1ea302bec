import { z } from 'zod';
import { defineHandler, type HandlerContext } from '../api/handler';
import { addDays, type IsoDate } from '../dates/dates';
import { mondayOf, planDeliveries } from '../deliveries/plan';
import { paymentAlerts } from '../payments/payment-alerts';
import { discoveryEndingList } from '../subscriptions/subscription-handlers';
import {
  capacityTasks,
  discoveryTask,
  firstRunTasks,
  monthTask,
  openDaysPlanStart,
  openWeekTasks,
  paymentTasks,
  type DashboardTask,
} from './dashboard-tasks';
import { billedRecordGroups, byName, closedDays, plannedGroups, tally, type NamedCount } from './week-counts';

export interface DashboardWeek {
  monday: string;
  sunday: string;
  baskets: {
    /** Validated days count their billed delivery records; the other days the baskets due in the plan. */
    total: number;
    byFormula: { formulaId: number; name: string; count: number }[];
    byGarden: { gardenId: number; name: string; count: number }[];
  };
}

export interface Dashboard {
  week: DashboardWeek;
  tasks: DashboardTask[];
  /** ISO instant of the newest backup; null without one (or for a database not in a file). */
  lastBackupAt: string | null;
  /** No subscriber at all: the UI shows its first steps instead of figures. */
  empty: boolean;
}

/** Everything but the backup, synchronously: one planner pass from the oldest open week to a week ahead. */
export function buildDashboard(ctx: HandlerContext): Omit<Dashboard, 'lastBackupAt'> {
  const { db, clock } = ctx;
  const today = clock.today();
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const ahead = addDays(today, 6);
  const empty = !db.get('SELECT 1 FROM subscribers LIMIT 1');
  const closed = closedDays(db, addDays(monday, -7 * 8), ahead);
  const planFrom = openDaysPlanStart(db, today, closed);
  const baskets = empty ? [] : planDeliveries(db, { from: planFrom < monday ? planFrom : monday, to: ahead, unsorted: true });

  const formulas = new Map<number, NamedCount>();
  const gardens = new Map<number, NamedCount>();
  const groups = [
    ...billedRecordGroups(db, monday, sunday).filter((g) => closed.has(g.date)),
    ...plannedGroups(baskets, (b) => b.date >= monday && b.date <= sunday && !closed.has(b.date)),
  ];
  let total = 0;
  for (const g of groups) {
    tally(formulas, g.formula_id, g.formula, g.baskets);
    tally(gardens, g.garden_id, g.garden, g.baskets);
    total += g.baskets;
  }
  const week: DashboardWeek = {
    monday,
    sunday,
    baskets: {
      total,
      byFormula: [...formulas.values()].sort(byName).map((f) => ({ formulaId: f.id, name: f.name, count: f.count })),
      byGarden: [...gardens.values()].sort(byName).map((g) => ({ gardenId: g.id, name: g.name, count: g.count })),
    },
  };
  if (empty) return { week, tasks: firstRunTasks(db), empty };

  const tasks: DashboardTask[] = [...openWeekTasks(baskets, today, closed)];
  const month = monthTask(db, today);
  if (month) tasks.push(month);
  tasks.push(...paymentTasks(paymentAlerts.run(ctx, {})));
  const discovery = discoveryTask(discoveryEndingList.run(ctx, { weeks: 4 }));
  if (discovery) tasks.push(discovery);
  tasks.push(...capacityTasks(db, baskets, today as IsoDate, closed));
  return { week, tasks, empty };
}

/**
 * The first screen (issue 10): this week's baskets and what needs doing, each task with the
 * screen that does it. Asynchronous only to ask the host for its newest backup.
 */
export const dashboardGet = defineHandler({
  name: 'dashboard-get',
  input: z.object({}),
  mutates: false,
  run: async (ctx): Promise<Dashboard> => {
    const dashboard = buildDashboard(ctx);
    const backups = ctx.host ? await ctx.host.listBackups() : [];
    const lastBackupAt = backups.reduce<string | null>((newest, b) => (newest === null || b.createdAt > newest ? b.createdAt : newest), null);
    return { ...dashboard, lastBackupAt };
  },
});
