import { addDays, formatDateFr, isoWeek, type IsoDate } from '../../../../core/dates/dates';
import { mondayOf } from '../../../week/week-dates';

/** « S12 · 16 mars »: the ISO week number the office uses, and its Monday to place it in the year. */
export function weekTick(week: string, monday: string): string {
  return `S${Number(week.slice(6))} · ${formatDateFr(monday as IsoDate, 'd MMM')}`;
}

/** « mars 2026 » for `2026-03`. */
export function monthTick(month: string): string {
  return formatDateFr(`${month}-01` as IsoDate, 'MMM yyyy');
}

/** Every ISO week touching [from, to], so a week without baskets shows as a gap, not as nothing. */
export function weeksOf(from: string, to: string): { week: string; monday: IsoDate }[] {
  const weeks: { week: string; monday: IsoDate }[] = [];
  for (let monday = mondayOf(from as IsoDate); monday <= to; monday = addDays(monday, 7)) weeks.push({ week: isoWeek(monday), monday });
  return weeks;
}
