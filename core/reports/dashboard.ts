import { z } from 'zod';
import { defineHandler, type HandlerContext } from '../api/handler';
import { addDays, type IsoDate } from '../dates/dates';
import { mondayOf, planDeliveries } from '../deliveries/plan';
import { windowOf, type PlanSlice } from '../payments/balances';
import { paymentAlertsOn } from '../payments/payment-alerts';
import { discoveryEndingChains } from '../subscriptions/subscription-handlers';
import { loadSubscription } from '../subscriptions/subscription-store';
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

/**
 * Everything but the backup, synchronously. One planner pass serves the whole screen: from the
 * oldest open week to the later of a week ahead and the month's end, which the low-balance
 * count projects to; each figure keeps only its own days of it.
 */
export function buildDashboard(ctx: HandlerContext): Omit<Dashboard, 'lastBackupAt'> {
  const { db, clock } = ctx;
  const today = clock.today();
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const ahead = addDays(today, 6);
  const empty = !db.get('SELECT 1 FROM subscribers LIMIT 1');
  const closed = closedDays(db, addDays(monday, -7 * 8), ahead);
  const planFrom = openDaysPlanStart(db, today, closed);
  const month = windowOf(today, undefined);
  const planned: PlanSlice = { from: planFrom < monday ? planFrom : monday, to: month.to > ahead ? month.to : ahead, baskets: [] };
  if (!empty) planned.baskets = planDeliveries(db, { from: planned.from, to: planned.to, unsorted: true, withoutContact: true });
  // The week ahead, as the open weeks and the depots' next day read it (not the rest of the month).
  const baskets = planned.to > ahead ? planned.baskets.filter((b) => b.date <= ahead) : planned.baskets;

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
  const invoicing = monthTask(db, today);
  if (invoicing) tasks.push(invoicing);
  tasks.push(...paymentTasks(paymentAlertsOn(db, today, planned)));
  // As « Découverte » lists them; only a lone offer is loaded, to be named.
  const ending = discoveryEndingChains(db, today, 4);
  const discovery = discoveryTask(ending.length, ending.length === 1 ? loadSubscription(db, ending[0]!, today) : null);
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
