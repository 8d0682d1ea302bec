import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../core/export/csv';

describe('CSV export', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = toCsv([{ header: 'Nom', value: (r: { n: string }) => r.n }, { header: 'Ville', value: () => 'Quéven' }], [{ n: 'Le Goff' }]);
    expect(csv).toBe('\ufeffNom;Ville\r\nLe Goff;Quéven\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 6 12', "'+33 6 12"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['a;b', '"a;b"'],
    ['dit "bonjour"', '"dit ""bonjour"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['O’Brien', 'O’Brien'],
  ])('neutralises and quotes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvCell(-1250)).toBe('-1250');
    expect(csvCell(null)).toBe('');
  });

  it.each(['-42,00', '-1 234,56', '-1\u00a0234,56\u00a0€', '-7'])('keeps a negative French amount %j a number Excel can sum', (amount) => {
    expect(csvCell(amount)).toBe(amount);
  });

  it('never lets a text cell start with a formula character once unquoted', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        // Only a plain negative amount may start with « - » (it cannot run as a formula).
        expect(/^[=+\-@\t\r\0]/.test(unquoted) && !/^-[\d\s\u00a0\u202f]+(,\d+)?[\s\u00a0\u202f]?€?$/.test(unquoted)).toBe(false);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
