import { addDays, formatDateFr, fromLocalDate, isoWeek, isoWeekday, type IsoDate } from '../../core/dates/dates';

/** The Monday of the ISO week holding `day` (the office's week starts on Monday). */
export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, 1 - isoWeekday(day));
}

export function todayOf(now: () => Date): IsoDate {
  return fromLocalDate(now());
}

/** ISO week number (1–53), as printed on French calendars. */
export function weekNumber(day: IsoDate): number {
  return Number(isoWeek(day).slice(6));
}

/**
 * « Semaine 50 — du lundi 7 au dimanche 13 décembre 2026 »; the month or the year is
 * repeated only when the week straddles one.
 */
export function weekLabel(day: IsoDate): string {
  const monday = mondayOf(day);
  const sunday = addDays(monday, 6);
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  const sameMonth = sameYear && monday.slice(0, 7) === sunday.slice(0, 7);
  const start = formatDateFr(monday, sameMonth ? 'EEEE d' : sameYear ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy');
  return `Semaine ${weekNumber(monday)} — du ${start} au ${formatDateFr(sunday)}`;
}

/** « mardi 8 décembre » (no year: the week's label already has it). */
export function dayLabel(day: IsoDate): string {
  return formatDateFr(day, 'EEEE d MMMM');
}

/** « mar. 8 », for compact tables. */
export function dayShort(day: IsoDate): string {
  return formatDateFr(day, 'EEE d');
}

export function weekDays(day: IsoDate): IsoDate[] {
  const monday = mondayOf(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
