import { easterSunday } from '../../calendar/holidays';
import { addDays, isoWeekday, type IsoDate } from '../../dates/dates';

/**
 * TARGET2 business days, the days on which SEPA collections settle (finance-rules §2.5, ECB
 * TARGET calendar): every weekday except 1 January, Good Friday, Easter Monday, 1 May,
 * 25 and 26 December. French public holidays that are not TARGET holidays (8 May, 14 July…)
 * are business days for the scheme.
 */
export function isTargetDay(day: IsoDate): boolean {
  if (isoWeekday(day) >= 6) return false;
  const monthDay = day.slice(5);
  if (monthDay === '01-01' || monthDay === '05-01' || monthDay === '12-25' || monthDay === '12-26') return false;
  const easter = easterSunday(Number(day.slice(0, 4)));
  return day !== addDays(easter, -2) && day !== addDays(easter, 1);
}

/** The day itself when it is a TARGET day, else the next TARGET day. */
export function nextTargetDay(day: IsoDate): IsoDate {
  let current = day;
  while (!isTargetDay(current)) current = addDays(current, 1);
  return current;
}

/**
 * The `n`-th TARGET day after `day` (n > 0) or before it (n < 0); n = 0 is `nextTargetDay(day)`.
 * `addTargetDays(collection, -1)` is the last day a file may reach the bank (D-1, §2.5).
 */
export function addTargetDays(day: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Nombre de jours ouvrés invalide : ${n}.`);
  if (n === 0) return nextTargetDay(day);
  const step = n > 0 ? 1 : -1;
  let current = day;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isTargetDay(current)) left--;
  }
  return current;
}
