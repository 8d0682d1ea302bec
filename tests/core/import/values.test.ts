import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEuros, type Cents } from '../../../core/money/money';
import { isBlankCell, parseImportAmount, parseImportDate, parseImportText } from '../../../core/import/values';

describe('parseImportAmount', () => {
  it.each([
    ['1 234,56', 123456],
    ['1\u00a0234,56 €', 123456],
    ['1\u202f234,56\u00a0€', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234 567,00', 123456700],
    ['1.234.567', 123456700],
    ['-12,50', -1250],
    ['- 12,50 €', -1250],
    ['12,50-', -1250],
    ['(12,50)', -1250],
    ['(12,50 €)', -1250],
    ['+3', 300],
    ['12.5', 1250],
    ['12,5', 1250],
    ['12,50 €', 1250],
    ['€12,50', 1250],
    ['EUR 12,50', 1250],
    ['12,50 euros', 1250],
    ['12,500', 1250],
    ['0', 0],
    ['-0,00', 0],
    [',50', 50],
    ['  30,00  ', 3000],
  ])('« %s » → %i centimes', (text, expected) => {
    expect(parseImportAmount(text)).toEqual({ cents: expected });
  });

  it.each([
    ['', 'vide'],
    ['   ', 'vide'],
    ['abc', 'n’est pas un montant'],
    ['12,345', 'plus de deux décimales'],
    ['1,234', 'plus de deux décimales'],
    ['1.234', 'ambigu'],
    ['12 50', 'n’est pas un montant'],
    ['1,234,56', 'n’est pas un montant'],
    ['12,', 'n’est pas un montant'],
    ['1e3', 'n’est pas un montant'],
    ['12..5', 'n’est pas un montant'],
    ['99999999999999', 'trop grand'],
  ])('« %s » est refusé (%s)', (text, reason) => {
    const result = parseImportAmount(text);
    expect(result).toHaveProperty('problem');
    expect((result as { problem: string }).problem).toContain(reason);
  });

  it('reads back every amount the app prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (value) => {
        expect(parseImportAmount(formatEuros(value as Cents))).toEqual({ cents: value === 0 ? 0 : value });
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .,-+()€e\u00a0'.split('')) }), (text) => {
        const result = parseImportAmount(text);
        if ('cents' in result) expect(Number.isSafeInteger(result.cents)).toBe(true);
        else expect(result.problem.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('parseImportDate', () => {
  it.each([
    ['10/04/2026', '2026-04-10'],
    ['1/4/2026', '2026-04-01'],
    ['10/04/26', '2026-04-10'],
    ['10/04/29', '2029-04-10'],
    ['10/04/30', '1930-04-10'],
    ['10.04.2026', '2026-04-10'],
    ['10-04-2026', '2026-04-10'],
    ['2026-04-10', '2026-04-10'],
    ['2026-4-1', '2026-04-01'],
    ['10/04/2026 00:00', '2026-04-10'],
    ['10/04/2026 14:30:00', '2026-04-10'],
    ['2026-04-10T00:00:00Z', '2026-04-10'],
    ['29/02/2028', '2028-02-29'],
    [' 10/04/2026 ', '2026-04-10'],
  ])('« %s » → %s', (text, expected) => {
    expect(parseImportDate(text)).toEqual({ date: expected });
  });

  it.each([
    ['31/02/2026', 'Le 31/02/2026 n’existe pas : février 2026 n’a que 28 jours.'],
    ['29/02/2027', 'Le 29/02/2027 n’existe pas : février 2027 n’a que 28 jours.'],
    ['31/04/2026', 'Le 31/04/2026 n’existe pas : avril 2026 n’a que 30 jours.'],
    ['0/04/2026', 'Le 00/04/2026 n’existe pas : il n’y a pas de jour 0.'],
    ['2026-02-30', 'Le 30/02/2026 n’existe pas : février 2026 n’a que 28 jours.'],
  ])('« %s » est refusé : %s', (text, problem) => {
    expect(parseImportDate(text)).toEqual({ problem });
  });

  it.each([
    ['04/13/2026', 'le mois 13 n’existe pas'],
    ['12/25/2026', 'le mois 25 n’existe pas'],
    ['15/04/1026', 'l’année 1026 n’est pas plausible'],
    ['46122', 'numéro de date d’Excel'],
    ['avril 2026', 'n’est pas une date'],
    ['2026/04/10', 'n’est pas une date'],
    ['', 'La date est vide.'],
  ])('« %s » est refusé (%s)', (text, reason) => {
    const result = parseImportDate(text);
    expect((result as { problem: string }).problem).toContain(reason);
  });

  it('hints at swapped day and month', () => {
    expect(parseImportDate('04/13/2026')).toEqual({ problem: expect.stringContaining('jour et mois inversés') });
  });

  it('accepts exactly the calendar days, for every day of 1999–2031', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1999, max: 2031 }), (d, m, y) => {
        const exists = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        const result = parseImportDate(`${d}/${m}/${y}`);
        expect('date' in result).toBe(exists);
      }),
    );
  });
});

describe('parseImportText', () => {
  it.each([
    ['  Jean   Pierre ', 'Jean Pierre'],
    ['Jean\u00a0Pierre', 'Jean Pierre'],
    ['12 rue\n des Lilas', '12 rue des Lilas'],
    ['\t', ''],
  ])('« %s » → « %s »', (text, expected) => {
    expect(parseImportText(text)).toBe(expected);
    expect(isBlankCell(text)).toBe(expected === '');
  });
});
