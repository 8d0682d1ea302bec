import type { Db } from '../db/database';
import { addDays, isoWeekday, toLocalNoon, type IsoDate } from '../dates/dates';
import { getISOWeek } from 'date-fns';
import { holidaysBetween } from '../calendar/holidays';
import { isAvailableInMonth } from '../formulas/formulas';
import { cents, type Cents } from '../money/money';
import { loadPlanData, type ClosureData, type DepotData, type FormulaData, type PlanData, type PlanScope, type RoundSlot, type StaticPlanData, type VersionData } from './plan-data';
import { compareFr } from '../text/collate';

export type PlannedStatus = 'expected' | 'cancelled' | 'closure' | 'holiday_skipped';

/** One basket a subscription would get on a date, and whether it is still due. */
export interface PlannedBasket {
  /** Delivery day, after any holiday shift. */
  date: IsoDate;
  /** The depot's usual day that week. */
  scheduledDate: IsoDate;
  chainId: number;
  versionId: number;
  subscriberId: number;
  subscriberName: string;
  lastName: string;
  phone: string;
  email: string;
  formulaId: number;
  formulaName: string;
  depotId: number;
  depotName: string;
  gardenId: number;
  gardenName: string;
  round: Pick<RoundSlot, 'id' | 'code' | 'name' | 'colour' | 'position'> | null;
  quantity: number;
  /** Price per basket on the delivery day; null when the formula has no price yet then. */
  unitPriceCents: Cents | null;
  vatRateBp: number;
  /** A temporary change of depot or formula applies. */
  temporary: boolean;
  isDiscovery: boolean;
  status: PlannedStatus;
  /** Closure label, cancellation reason or holiday name. */
  reason: string;
  cancellationId: number | null;
  closureId: number | null;
  holidayName: string | null;
}

/** A closure being previewed, not yet saved. */
export type ClosureSpec = Omit<ClosureData, 'id'> & { id?: number };

export interface PlanOptions extends PlanScope {
  from: IsoDate;
  to: IsoDate;
  /** Closures to apply as if saved (the preview of a new closure). */
  extraClosures?: readonly ClosureSpec[];
  /** Saved closures to ignore (what a closure changed, compared with the plan without it). */
  excludeClosureIds?: readonly number[];
  /** Skip the display order (date, round, depot, name) when only totals are wanted. */
  unsorted?: boolean;
  /** The settings already read by a bulk caller (`loadStaticPlanData`), valid while none of them changes. */
  staticData?: StaticPlanData;
}

export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, 1 - isoWeekday(day));
}

function covers(range: { from_date: string; to_date: string }, day: string): boolean {
  return range.from_date <= day && range.to_date >= day;
}

function priceOn(formula: FormulaData, day: string): Cents | null {
  let price: number | null = null;
  for (const p of formula.prices) {
    if (p.valid_from > day) break;
    price = p.price_cents;
  }
  return price === null ? null : cents(price);
}

/** Frequencies (issue 4): every week, even or odd ISO weeks, or the first delivery of the month. */
export function frequencyDelivers(frequency: VersionData['frequency'], scheduled: IsoDate): boolean {
  switch (frequency) {
    case 'weekly':
      return true;
    case 'biweekly_even':
      return getISOWeek(toLocalNoon(scheduled)) % 2 === 0;
    case 'biweekly_odd':
      return getISOWeek(toLocalNoon(scheduled)) % 2 === 1;
    case 'monthly':
      return Number(scheduled.slice(8, 10)) <= 7;
  }
}

function closureFor(closures: readonly ClosureSpec[], depot: DepotData, day: string): ClosureSpec | undefined {
  return closures.find(
    (c) =>
      covers(c, day) &&
      (c.scope === 'organisation' || (c.scope === 'garden' && c.garden_id === depot.garden_id) || (c.scope === 'depot' && c.depot_id === depot.id)),
  );
}

function displayName(v: VersionData): string {
  return v.kind === 'organisation' ? v.last_name : [v.first_name, v.last_name].filter(Boolean).join(' ');
}

/** A week's days and ISO-week parity, computed once per week rather than once per subscription. */
interface PlanWeek {
  days: readonly IsoDate[];
  /** 0 for an even ISO week, 1 for an odd one (a whole ISO week shares its number). */
  parity: number;
}

function weekOf(monday: IsoDate): PlanWeek {
  return { days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)), parity: getISOWeek(toLocalNoon(monday)) % 2 };
}

function deliversInWeek(frequency: VersionData['frequency'], scheduled: IsoDate, parity: number): boolean {
  if (frequency === 'biweekly_even') return parity === 0;
  if (frequency === 'biweekly_odd') return parity === 1;
  return frequencyDelivers(frequency, scheduled);
}

function planVersionWeek(
  data: PlanData,
  v: VersionData,
  week: PlanWeek,
  holidays: Map<string, string>,
  closures: readonly ClosureSpec[],
): PlannedBasket | null {
  const baseDepot = data.depots.get(v.depot_id);
  if (!baseDepot) return null;
  const usualDay = week.days[baseDepot.weekday - 1]!;
  const override = data.overrides.get(v.chain_id)?.find((o) => covers(o, usualDay));
  const depot = (override?.depot_id != null ? data.depots.get(override.depot_id) : undefined) ?? baseDepot;
  const formula = data.formulas.get(override?.formula_id ?? v.formula_id);
  if (!formula) return null;
  const scheduled = depot === baseDepot ? usualDay : week.days[depot.weekday - 1]!;
  if (scheduled < v.start_date || (v.end_date !== null && scheduled > v.end_date)) return null;
  if (!deliversInWeek(v.frequency, scheduled, week.parity)) return null;
  if (!isAvailableInMonth({ availableFromMonth: formula.available_from_month, availableToMonth: formula.available_to_month }, Number(scheduled.slice(5, 7)))) {
    return null;
  }
  const round = data.rounds.get(depot.id)?.find((r) => r.weekday === depot.weekday) ?? null;
  let date = scheduled;
  let status: PlannedStatus = 'expected';
  let reason = '';
  const holidayName = holidays.get(scheduled) ?? null;
  if (holidayName && round) {
    const decision = data.decisions.get(`${scheduled}|${round.id}`);
    if (decision?.action === 'shift' && decision.shift_to_date) date = decision.shift_to_date as IsoDate;
    if (decision?.action === 'skip') {
      status = 'holiday_skipped';
      reason = holidayName;
    }
  }
  const closure = closureFor(closures, depot, date);
  const cancellation = data.cancellations.get(v.chain_id)?.find((c) => covers(c, date) || covers(c, scheduled));
  if (closure) {
    status = 'closure';
    reason = closure.label;
  } else if (status === 'expected' && cancellation) {
    status = 'cancelled';
    reason = cancellation.reason;
  }
  return {
    date,
    scheduledDate: scheduled,
    chainId: v.chain_id,
    versionId: v.id,
    subscriberId: v.subscriber_id,
    subscriberName: displayName(v),
    lastName: v.last_name,
    phone: v.phone,
    email: v.email,
    formulaId: formula.id,
    formulaName: formula.name,
    depotId: depot.id,
    depotName: depot.name,
    gardenId: depot.garden_id,
    gardenName: depot.garden_name,
    round: round ? { id: round.id, code: round.code, name: round.name, colour: round.colour, position: round.position } : null,
    quantity: v.quantity,
    unitPriceCents: priceOn(formula, date),
    vatRateBp: formula.vat_rate_bp,
    temporary: override !== undefined,
    isDiscovery: v.is_discovery === 1,
    status,
    reason,
    cancellationId: status === 'cancelled' && cancellation ? cancellation.id : null,
    closureId: status === 'closure' && closure ? (closure.id ?? null) : null,
    holidayName,
  };
}

/**
 * Every basket due between two days, from subscriptions and their versions, temporary
 * changes, frequencies, availability, holidays, closures and cancellations. Reads only:
 * computing a week never writes (issue 5).
 */
export function planDeliveries(db: Db, options: PlanOptions): PlannedBasket[] {
  const firstMonday = mondayOf(options.from);
  const lastSunday = addDays(mondayOf(options.to), 6);
  const data = loadPlanData(db, firstMonday, lastSunday, options, options.staticData);
  const excluded = new Set(options.excludeClosureIds ?? []);
  const closures = [...data.closures.filter((c) => !excluded.has(c.id)), ...(options.extraClosures ?? [])];
  const holidays = new Map(holidaysBetween(firstMonday, lastSunday).map((h) => [h.date as string, h.name]));
  const baskets: PlannedBasket[] = [];
  for (let monday = firstMonday; monday <= lastSunday; monday = addDays(monday, 7)) {
    const week = weekOf(monday);
    const sunday = week.days[6]!;
    for (const v of data.versions) {
      if (v.start_date > sunday || (v.end_date !== null && v.end_date < monday)) continue;
      const basket = planVersionWeek(data, v, week, holidays, closures);
      if (basket && basket.date >= options.from && basket.date <= options.to) baskets.push(basket);
    }
  }
  // Figures (forecast, balances, counts) need no order; sorting 80,000 baskets by French names is not free.
  if (options.unsorted) return baskets;
  return baskets.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.round?.code ?? '~').localeCompare(b.round?.code ?? '~') ||
      (a.round?.position ?? 0) - (b.round?.position ?? 0) ||
      compareFr(a.depotName, b.depotName) ||
      compareFr(a.lastName, b.lastName) ||
      a.chainId - b.chainId,
  );
}
