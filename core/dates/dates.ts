import { format, getISOWeek, getISOWeekYear, isValid } from 'date-fns';
import { fr } from 'date-fns/locale';

/** A calendar day, `YYYY-MM-DD`. Never a JS Date across module boundaries. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };
/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string & { readonly __brand: 'IsoMonth' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Date invalide : « ${value} » (attendu AAAA-MM-JJ).`);
  return value;
}

/**
 * Local Date at noon for a day: noon keeps the same calendar day whatever daylight-saving
 * shift or time zone offset applies (Actual Budget does the same).
 */
export function toLocalNoon(day: IsoDate): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0, 0);
}

export function fromLocalDate(date: Date): IsoDate {
  if (!isValid(date)) throw new RangeError('Date invalide.');
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as IsoDate;
}

export function addDays(day: IsoDate, days: number): IsoDate {
  const date = toLocalNoon(day);
  date.setDate(date.getDate() + days);
  return fromLocalDate(date);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: IsoDate): number {
  const js = toLocalNoon(day).getDay();
  return js === 0 ? 7 : js;
}

/** ISO week label `YYYY-Www`. */
export function isoWeek(day: IsoDate): string {
  const date = toLocalNoon(day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

export function monthOf(day: IsoDate): IsoMonth {
  return day.slice(0, 7) as IsoMonth;
}

/** `lundi 14 avril 2025` by default; any date-fns pattern otherwise. */
export function formatDateFr(day: IsoDate, pattern = 'EEEE d MMMM yyyy'): string {
  return format(toLocalNoon(day), pattern, { locale: fr });
}

/** `14/04/2025`, the short form of forms and spreadsheets. */
export function formatDateShortFr(day: IsoDate): string {
  return format(toLocalNoon(day), 'dd/MM/yyyy');
}

/** Parses `dd/mm/yyyy` (or `d/m/yy` → 20yy) as typed in France. */
export function parseFrenchDate(input: string): IsoDate {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(input);
  if (!match) throw new RangeError(`« ${input} » n'est pas une date (exemple : 14/04/2025).`);
  const [, d = '', m = '', y = ''] = match;
  const year = y.length === 2 ? `20${y}` : y;
  const candidate = `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isIsoDate(candidate)) throw new RangeError(`La date « ${input} » n'existe pas.`);
  return candidate;
}

/** Same day `months` later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as IsoDate;
}
