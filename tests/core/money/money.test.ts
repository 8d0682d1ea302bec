import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCents, cents, formatEuros, MoneyError, multiplyCents, parseEuros, roundHalfUp, subtractCents, type Cents } from '../../../core';

/*
 * Formatting uses U+00A0 (no-break space) as the thousands separator and before "€", never
 * U+202F as Intl does: the standard PDF fonts have no U+202F. The expectations below spell
 * \u00a0 explicitly so that a plain space, or U+202F, fails them.
 */

// Fixed seed: a failure is reproducible on any machine; a few thousand runs per property.
const RUNS = { seed: 20261204, numRuns: 3000 };

const safeCents = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map((n) => cents(n));
// Amounts whose sums of three stay safe integers.
const amount = fc.integer({ min: -1e14, max: 1e14 }).map((n) => cents(n));

/** Half-up (away from zero on .5) in exact BigInt arithmetic: the reference for roundHalfUp. */
function referenceHalfUp(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const abs = n < 0n ? -n : n;
  const rounded = (2n * abs + d) / (2n * d);
  return Number(n < 0n ? -rounded : rounded);
}

describe('money properties', () => {
  it('parses back what it formats, for every safe number of cents', () => {
    fc.assert(
      fc.property(safeCents, (c) => {
        expect(parseEuros(formatEuros(c))).toBe(c);
        expect(parseEuros(formatEuros(c, { symbol: false }))).toBe(c);
      }),
      RUNS,
    );
  });

  it('adds like integers: commutative, associative, with zero as identity', () => {
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        expect(addCents(a, b)).toBe(a + b);
        expect(addCents(a, b)).toBe(addCents(b, a));
        expect(addCents(addCents(a, b), c)).toBe(addCents(a, addCents(b, c)));
        expect(addCents(a, b, c)).toBe(a + b + c);
        expect(addCents(a)).toBe(a);
        expect(subtractCents(addCents(a, b), b)).toBe(a);
      }),
      RUNS,
    );
  });

  it('sums a whole list exactly, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }).map((n) => cents(n)), { maxLength: 200 }), (list) => {
        const total = list.reduce((sum, c) => sum + c, 0);
        expect(addCents(...list)).toBe(total);
        expect(addCents(...[...list].reverse())).toBe(total);
      }),
      RUNS,
    );
  });

  it('rounds half-up (away from zero) exactly like the BigInt reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        expect(roundHalfUp(n, d)).toBe(referenceHalfUp(n, d));
      }),
      RUNS,
    );
  });

  it('refuses garbage with a MoneyError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-+0-9 .,€a-z]{0,12}$/)), (text) => {
        try {
          const value = parseEuros(text);
          expect(Number.isSafeInteger(value)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(MoneyError);
        }
      }),
      RUNS,
    );
  });
});

describe('parseEuros', () => {
  it.each([
    ['1 234,56 €', 123456],
    ['1\u00a0234,56\u00a0€', 123456],
    ['1\u202f234,56\u00a0€', 123456],
    ['12,5', 1250],
    ['12.50', 1250],
    ['1.234,56', 123456],
    ['-3', -300],
    ['+3', 300],
    ['0', 0],
    ['0,05', 5],
    ['€12', 1200],
    ['  7,00  ', 700],
  ])('reads « %s » as %i cents', (text, expected) => {
    expect(parseEuros(text)).toBe(expected);
  });

  it.each(['', ' ', 'abc', '12,345', '1,2,3', '12.5.5', '12,', ',5', '1e5', '0x10', 'NaN', 'Infinity', '--3', '€', '3 €€', '12,5 EUR', '99999999999999999999'])(
    'refuses « %s » with a French message',
    (text) => {
      expect(() => parseEuros(text)).toThrow(MoneyError);
      expect(() => parseEuros(text)).toThrow(/montant|Montant/);
    },
  );
});

describe('formatEuros', () => {
  it.each([
    [123456, '1\u00a0234,56\u00a0€'],
    [0, '0,00\u00a0€'],
    [5, '0,05\u00a0€'],
    [100, '1,00\u00a0€'],
    [-123456, '-1\u00a0234,56\u00a0€'],
    [-5, '-0,05\u00a0€'],
    [123456789, '1\u00a0234\u00a0567,89\u00a0€'],
    [100000, '1\u00a0000,00\u00a0€'],
    [99999, '999,99\u00a0€'],
  ])('formats %i cents as « %s »', (value, expected) => {
    expect(formatEuros(cents(value))).toBe(expected);
  });

  it('can leave out the euro sign (table cells with the unit in the header)', () => {
    expect(formatEuros(cents(123456), { symbol: false })).toBe('1\u00a0234,56');
  });
});

describe('cents guard', () => {
  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %s as a number of cents', (value) => {
    expect(() => cents(value)).toThrow(MoneyError);
  });

  it('refuses a sum or product that leaves the safe integers', () => {
    const big = cents(Number.MAX_SAFE_INTEGER);
    expect(() => addCents(big, cents(1))).toThrow(MoneyError);
    expect(() => multiplyCents(big, 2)).toThrow(MoneyError);
    expect(multiplyCents(cents(1250), 3)).toBe(3750 as Cents);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [5, 10, 1],
    [-5, 10, -1],
    [15, 10, 2],
    [14, 10, 1],
    [-14, 10, -1],
    [1250 * 550, 10_000, 69], // VAT at 5,5 % on 12,50 €: 68,75 c → 69 c
    [-1, 3, 0],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(Object.is(roundHalfUp(numerator, denominator), expected)).toBe(true);
  });

  it.each([
    [1, 0],
    [1, -2],
    [0.5, 2],
  ])('refuses %s / %s', (numerator, denominator) => {
    expect(() => roundHalfUp(numerator, denominator)).toThrow(MoneyError);
  });
});
