import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateFr, formatDateShortFr, isIsoDate, isoDate, isoWeek, isoWeekday, parseFrenchDate, type IsoDate } from '../../../core';

// The office's time zone, where 29 March and 25 October lose and gain an hour. Node reads TZ
// on each Date operation, so setting it here makes the daylight-saving cases real.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const d = (value: string) => isoDate(value);

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '26-04-01', '2026-04-01T00:00', ' 2026-04-01', ''])(
    'refuses %j',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it('throws a French message through isoDate', () => {
    expect(() => isoDate('2026-02-29')).toThrow('Date invalide : « 2026-02-29 » (attendu AAAA-MM-JJ).');
  });
});

describe('addDays', () => {
  it('is in Europe/Paris for these tests (offsets differ in winter and summer)', () => {
    expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 15, 12).getTimezoneOffset()).toBe(-120);
  });

  it.each([
    // Spring forward: 29 March 2026 has 23 hours.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-03-28', 2, '2026-03-30'],
    // Fall back: 25 October 2026 has 25 hours.
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-10-26', -2, '2026-10-24'],
    // Weeks across both changes, month ends, leap years and the year boundary.
    ['2026-03-23', 7, '2026-03-30'],
    ['2026-10-20', 7, '2026-10-27'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
  });

  it('walks a whole year one day at a time without skipping or repeating a day', () => {
    let day = d('2026-01-01');
    const seen = new Set<string>();
    for (let i = 0; i < 365; i++) {
      seen.add(day);
      day = addDays(day, 1);
    }
    expect(seen.size).toBe(365);
    expect(day).toBe('2027-01-01');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-12-31', '2026-W53', 4],
    ['2027-01-01', '2026-W53', 5],
    ['2027-01-03', '2026-W53', 7],
    ['2027-01-04', '2027-W01', 1],
    ['2020-12-31', '2020-W53', 4],
    ['2021-01-03', '2020-W53', 7],
    ['2024-12-30', '2025-W01', 1],
    ['2026-01-01', '2026-W01', 4],
    ['2025-04-14', '2025-W16', 1],
  ])('%s is in %s, weekday %i', (day, week, weekday) => {
    expect(isoWeek(d(day))).toBe(week);
    expect(isoWeekday(d(day))).toBe(weekday);
  });
});

describe('French dates', () => {
  it.each([
    ['14/04/2025', '2025-04-14'],
    ['1/4/2025', '2025-04-01'],
    ['01.04.2025', '2025-04-01'],
    ['01-04-2025', '2025-04-01'],
    ['14/04/25', '2025-04-14'],
    [' 29/02/2024 ', '2024-02-29'],
  ])('parses « %s » as %s', (text, expected) => {
    expect(parseFrenchDate(text)).toBe(expected);
  });

  it.each([
    ['29/02/2026', /n'existe pas/],
    ['31/04/2026', /n'existe pas/],
    ['2026-04-14', /n'est pas une date/],
    ['14 avril 2025', /n'est pas une date/],
    ['', /n'est pas une date/],
  ])('refuses « %s »', (text, message) => {
    expect(() => parseFrenchDate(text)).toThrow(message);
  });

  it.each([
    ['2025-04-14', 'lundi 14 avril 2025'],
    ['2026-12-04', 'vendredi 4 décembre 2026'],
    ['2026-03-29', 'dimanche 29 mars 2026'],
    ['2026-08-15', 'samedi 15 août 2026'],
  ])('formats %s as « %s »', (day, expected) => {
    expect(formatDateFr(d(day) as IsoDate)).toBe(expected);
  });

  it('formats the short form of forms and spreadsheets', () => {
    expect(formatDateShortFr(d('2025-04-01'))).toBe('01/04/2025');
  });
});
