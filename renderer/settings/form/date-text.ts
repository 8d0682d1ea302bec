import { formatDateFr, isIsoDate, parseFrenchDate, type IsoDate } from '../../../core/dates/dates';

/** « 1er janvier 2027 », « vendredi 15 octobre 2026 »: the French ordinal for the first of the month. */
export function frenchDay(day: IsoDate, pattern = 'd MMMM yyyy'): string {
  return formatDateFr(day, pattern).replace(/(^|\s)1 /, '$11er ');
}

/** `2027-01-01` → `01/01/2027`, the way dates are typed in the office. */
export function toTypedDate(day: string): string {
  return isIsoDate(day) ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

/**
 * What a person typed (`1/1/2027`, `01/01/27`) → the ISO day, or the French reason it is not
 * one. A plain text field rather than `<input type="date">`: the native picker follows the
 * system's language, and shows mm/dd/yyyy on an English Windows.
 */
export function readTypedDate(text: string): { day: IsoDate | null; error: string | null } {
  if (text.trim() === '') return { day: null, error: null };
  try {
    return { day: parseFrenchDate(text), error: null };
  } catch (error) {
    return { day: null, error: error instanceof RangeError ? error.message : `« ${text} » n’est pas une date (exemple : 14/04/2025).` };
  }
}

/** `12h`, `12h30`, `9:05` → `12:00`, `12:30`, `09:05`; anything else is left as typed (the backend says why). */
export function normaliseTime(text: string): string {
  const match = /^\s*(\d{1,2})\s*[h:]\s*(\d{2})?\s*$/i.exec(text);
  if (!match) return text.trim();
  return `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
}
