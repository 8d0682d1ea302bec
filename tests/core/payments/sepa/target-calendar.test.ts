import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../core/dates/dates';
import { addTargetDays, isTargetDay, nextTargetDay } from '../../../../core/payments/sepa/target-calendar';

describe('isTargetDay', () => {
  it.each([
    // Easter by the Gregorian computus: Good Friday and Easter Monday are closed.
    ['2024-03-29', 'Good Friday 2024'],
    ['2024-04-01', 'Easter Monday 2024'],
    ['2025-04-18', 'Good Friday 2025'],
    ['2025-04-21', 'Easter Monday 2025'],
    ['2026-04-03', 'Good Friday 2026'],
    ['2026-04-06', 'Easter Monday 2026'],
    ['2027-03-26', 'Good Friday 2027'],
    ['2027-03-29', 'Easter Monday 2027'],
    ['2024-05-01', '1 May 2024 (Wednesday)'],
    ['2025-05-01', '1 May 2025 (Thursday)'],
    ['2026-05-01', '1 May 2026 (Friday)'],
    ['2024-12-25', 'Christmas 2024 (Wednesday)'],
    ['2024-12-26', '26 December 2024 (Thursday)'],
    ['2025-12-25', 'Christmas 2025 (Thursday)'],
    ['2025-12-26', '26 December 2025 (Friday)'],
    ['2026-01-01', 'New Year 2026 (Thursday)'],
    ['2027-01-01', 'New Year 2027 (Friday)'],
    ['2026-04-04', 'a Saturday'],
    ['2026-04-05', 'a Sunday (Easter Day)'],
  ])('%s is closed: %s', (day) => {
    expect(isTargetDay(isoDate(day))).toBe(false);
  });

  it.each([
    ['2026-04-02', 'Maundy Thursday 2026'],
    ['2026-04-07', 'the Tuesday after Easter Monday 2026'],
    ['2025-04-17', 'the Thursday before Good Friday 2025'],
    ['2026-05-08', '8 May, a French holiday but not a TARGET one'],
    ['2026-07-14', '14 July, a French holiday but not a TARGET one'],
    ['2026-05-14', 'Ascension Day 2026, open for TARGET'],
    ['2026-05-25', 'Whit Monday 2026, open for TARGET'],
    ['2026-12-24', 'Christmas Eve 2026 (Thursday)'],
    ['2026-12-31', 'New Year’s Eve 2026 (Thursday)'],
    ['2027-01-04', 'the first Monday of 2027'],
  ])('%s is open: %s', (day) => {
    expect(isTargetDay(isoDate(day))).toBe(true);
  });
});

describe('nextTargetDay', () => {
  it.each([
    ['2026-04-07', '2026-04-07', 'a TARGET day stays'],
    ['2026-04-03', '2026-04-07', 'Good Friday → Tuesday after Easter Monday'],
    ['2026-04-04', '2026-04-07', 'Easter Saturday → Tuesday'],
    ['2026-05-01', '2026-05-04', '1 May on a Friday → Monday'],
    ['2027-05-01', '2027-05-03', '1 May on a Saturday → Monday'],
    ['2026-12-25', '2026-12-28', 'Christmas on a Friday → Monday (26 is a Saturday)'],
    ['2025-12-25', '2025-12-29', 'Christmas 2025 on a Thursday → Monday 29'],
    ['2027-12-25', '2027-12-27', 'Christmas 2027 on a Saturday → Monday 27'],
    ['2026-12-31', '2026-12-31', 'New Year’s Eve is open'],
    ['2028-01-01', '2028-01-03', 'New Year 2028 on a Saturday → Monday 3'],
    ['2026-01-10', '2026-01-12', 'the 10th on a Saturday → Monday 12'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(nextTargetDay(isoDate(from))).toBe(expected);
  });
});

describe('addTargetDays', () => {
  it.each([
    ['2026-04-02', 1, '2026-04-07', 'over the Easter weekend'],
    ['2026-04-07', -1, '2026-04-02', 'D-1 of the Tuesday after Easter is Maundy Thursday'],
    ['2026-04-30', 1, '2026-05-04', 'over 1 May'],
    ['2026-04-30', 2, '2026-05-05', 'two days over 1 May'],
    ['2026-12-24', 1, '2026-12-28', 'over Christmas'],
    ['2026-12-28', -1, '2026-12-24', 'back over Christmas'],
    ['2026-12-31', 1, '2027-01-04', 'over New Year into the next year'],
    ['2026-04-06', 0, '2026-04-07', '0 is nextTargetDay'],
    ['2026-03-02', 5, '2026-03-09', 'a plain week'],
  ])('%s + %i → %s (%s)', (from, n, expected) => {
    expect(addTargetDays(isoDate(from), n)).toBe(expected);
  });

  it('refuses a fractional count', () => {
    expect(() => addTargetDays(isoDate('2026-04-07'), 1.5)).toThrow('Nombre de jours ouvrés invalide');
  });
});
