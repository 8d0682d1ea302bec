import { addDays, type IsoDate } from '../dates/dates';

export interface MembershipSettings {
  /** First day of the membership period: 1 January for a calendar year, 1 April… */
  periodStartMonth: number;
  periodStartDay: number;
  /** Joining on or after this day of the period runs to the end of the next period. */
  pivotMonth: number | null;
  pivotDay: number | null;
}

export interface MembershipPeriod {
  start: IsoDate;
  end: IsoDate;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, dayOfMonth: number): IsoDate {
  return `${year}-${pad(month)}-${pad(Math.min(dayOfMonth, daysInMonth(year, month)))}` as IsoDate;
}

/** The period (start and end) that contains `date`. */
export function periodContaining(date: IsoDate, settings: MembershipSettings): MembershipPeriod {
  const year = Number(date.slice(0, 4));
  const thisYearStart = day(year, settings.periodStartMonth, settings.periodStartDay);
  const startYear = date >= thisYearStart ? year : year - 1;
  const start = day(startYear, settings.periodStartMonth, settings.periodStartDay);
  const nextStart = day(startYear + 1, settings.periodStartMonth, settings.periodStartDay);
  return { start, end: addDays(nextStart, -1) };
}

/** The pivot day inside a period: its first occurrence on or after the period's start. */
function pivotIn(period: MembershipPeriod, settings: MembershipSettings): IsoDate | null {
  if (settings.pivotMonth === null || settings.pivotDay === null) return null;
  const startYear = Number(period.start.slice(0, 4));
  const candidate = day(startYear, settings.pivotMonth, settings.pivotDay);
  return candidate >= period.start ? candidate : day(startYear + 1, settings.pivotMonth, settings.pivotDay);
}

/**
 * The membership a subscriber joining on `joinDate` pays for: the current period, or, from
 * the pivot date on, the rest of this period and the whole next one.
 */
export function membershipForJoining(joinDate: IsoDate, settings: MembershipSettings): MembershipPeriod {
  const period = periodContaining(joinDate, settings);
  const pivot = pivotIn(period, settings);
  if (pivot === null || joinDate < pivot) return period;
  const next = periodContaining(addDays(period.end, 1), settings);
  return { start: period.start, end: next.end };
}
