import { holidaysBetween } from '../calendar/holidays';
import { addDays, isoWeek, isoWeekday, type IsoDate } from '../dates/dates';
import type { DemoDepot, GardenKey } from './catalogue';

/**
 * The delivery days of the history, per depot, with closures and public holidays applied the
 * way the week planner (core/deliveries/plan.ts) applies the rows written for them: a demo
 * history is what the app itself would have planned.
 */

/** Yearly garden closures, as `MM-DD` ranges. Pont-Scorff: the letter's fortnight (11–24 April). */
export const GARDEN_CLOSURES: Record<GardenKey, { from: string; to: string; label: string }> = {
  'pont-scorff': { from: '04-11', to: '04-24', label: 'Coupure annuelle de la ferme de Pont-Scorff' },
  // DOMAIN.md: Riantec's own break comes at another date; the demo puts it in August.
  riantec: { from: '08-10', to: '08-23', label: 'Coupure estivale du jardin de Riantec' },
};

export interface DemoClosure {
  garden: GardenKey;
  from: IsoDate;
  to: IsoDate;
  label: string;
}

/** Each garden's closure, every year of the history and the coming one (entered in advance). */
export function demoClosures(from: IsoDate, to: IsoDate): DemoClosure[] {
  const closures: DemoClosure[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)) + 1; year++) {
    for (const [garden, c] of Object.entries(GARDEN_CLOSURES) as [GardenKey, (typeof GARDEN_CLOSURES)[GardenKey]][]) {
      closures.push({ garden, from: `${year}-${c.from}` as IsoDate, to: `${year}-${c.to}` as IsoDate, label: c.label });
    }
  }
  return closures;
}

export interface HolidayDecision {
  holiday: IsoDate;
  name: string;
  roundId: number;
  action: 'shift' | 'skip';
  shiftTo: IsoDate | null;
}

/**
 * The office's decision for each public holiday on a round's day: no baskets at Christmas and
 * New Year; otherwise the round delivers the day after (the day before on Fridays), as in
 * DOMAIN.md "mardi 8 mai férié → livraison mercredi 9 mai".
 */
export function demoHolidayDecisions(rounds: readonly { id: number; weekday: number }[], from: IsoDate, to: IsoDate): HolidayDecision[] {
  const decisions: HolidayDecision[] = [];
  for (const holiday of holidaysBetween(from, to)) {
    for (const round of rounds) {
      if (isoWeekday(holiday.date) !== round.weekday) continue;
      const skip = holiday.date.endsWith('-12-25') || holiday.date.endsWith('-01-01');
      decisions.push({ holiday: holiday.date, name: holiday.name, roundId: round.id, action: skip ? 'skip' : 'shift', shiftTo: skip ? null : addDays(holiday.date, round.weekday === 5 ? -1 : 1) });
    }
  }
  return decisions;
}

export interface Occurrence {
  /** The depot's usual day that week: frequencies, seasons and subscription dates use it. */
  scheduled: IsoDate;
  /** The day the delivery really happens (after a holiday shift). */
  date: IsoDate;
  /** `YYYY-MM` of the delivery day, for billing. */
  month: string;
  monthNumber: number;
  weekParity: 0 | 1;
  /** The first delivery of its month (monthly subscriptions take that one). */
  firstOfMonth: boolean;
  status: 'open' | 'closure' | 'holiday_skipped';
  /** Closure label or skipped holiday's name: the record's note, as the week closing writes it. */
  reason: string;
}

/** Every delivery day of `depot` from `from` to `to` (both included). */
export function depotOccurrences(depot: DemoDepot, from: IsoDate, to: IsoDate, closures: readonly DemoClosure[], decisions: readonly HolidayDecision[]): Occurrence[] {
  let day = from;
  while (isoWeekday(day) !== depot.weekday) day = addDays(day, 1);
  const own = closures.filter((c) => c.garden === depot.garden);
  const occurrences: Occurrence[] = [];
  for (; day <= to; day = addDays(day, 7)) {
    const decision = decisions.find((d) => d.holiday === day && d.roundId === depot.roundId);
    const date = decision?.shiftTo ?? day;
    if (date > to || date < from) continue;
    // As the planner does: a closure counts on the real delivery day, and wins over a holiday skip.
    const closure = own.find((c) => date >= c.from && date <= c.to);
    const skipped = decision?.action === 'skip';
    occurrences.push({
      scheduled: day,
      date,
      month: date.slice(0, 7),
      monthNumber: Number(day.slice(5, 7)),
      weekParity: (Number(isoWeek(day).slice(-2)) % 2) as 0 | 1,
      firstOfMonth: Number(day.slice(8)) <= 7,
      status: closure ? 'closure' : skipped ? 'holiday_skipped' : 'open',
      reason: closure ? closure.label : skipped ? decision.name : '',
    });
  }
  return occurrences;
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const utc = (day: IsoDate) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}
