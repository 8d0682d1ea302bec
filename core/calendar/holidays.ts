import { addDays, type IsoDate } from '../dates/dates';

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** The eleven French public holidays (Code du travail, art. L3133-1), sorted by date. */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const fixed = (mmdd: string, name: string): PublicHoliday => ({ date: `${year}-${mmdd}` as IsoDate, name });
  const easter = easterSunday(year);
  const holidays = [
    fixed('01-01', 'Jour de l’an'),
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    fixed('05-01', 'Fête du Travail'),
    fixed('05-08', 'Victoire 1945'),
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    fixed('07-14', 'Fête nationale'),
    fixed('08-15', 'Assomption'),
    fixed('11-01', 'Toussaint'),
    fixed('11-11', 'Armistice 1918'),
    fixed('12-25', 'Noël'),
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

/** Holidays between two days inclusive, across years. */
export function holidaysBetween(from: IsoDate, to: IsoDate): PublicHoliday[] {
  const result: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of frenchPublicHolidays(year)) if (holiday.date >= from && holiday.date <= to) result.push(holiday);
  }
  return result;
}
