import { describe, expect, it } from 'vitest';
import { applyBalance, invoiceTotals, lineAmounts } from '../../../core/invoicing/calculator';
import { formatNumber } from '../../../core/invoicing/numbering';

describe('VAT-inclusive line amounts: VAT = roundHalfUp(gross × rate / (10000 + rate)), net = gross − VAT', () => {
  it.each([
    // unit, qty, rate (bp), gross, VAT, net
    [1050, 1, 550, 1050, 55, 995], // 54.74… → 55
    [1050, 2, 550, 2100, 109, 1991], // 109.48… → 109, not 2 × 55
    [1055, 1, 550, 1055, 55, 1000], // exactly 55.00
    [211, 1, 550, 211, 11, 200], // 11.00
    [2110, 1, 550, 2110, 110, 2000], // exact
    [1266, 1, 2000, 1266, 211, 1055], // 211.0 at 20 %
    [633, 1, 2000, 633, 106, 527], // 105.5 → 106 (half up)
    [1, 1, 550, 1, 0, 1], // 0.052… → 0
    [0, 3, 550, 0, 0, 0],
    [1800, 3, 0, 5400, 0, 5400], // not liable: no VAT
    [999, 7, 1000, 6993, 636, 6357], // 635.7… → 636 at 10 %
  ])('%i × %i at %i bp → gross %i, VAT %i, net %i', (unit, qty, rate, gross, vat, net) => {
    expect(lineAmounts(unit, qty, rate)).toEqual({ grossCents: gross, vatCents: vat, netCents: net });
  });

  it('totals are sums of lines, per rate too, and gross = net + VAT', () => {
    const lines = [
      { ...lineAmounts(1050, 1, 550), vatRateBp: 550 },
      { ...lineAmounts(1050, 1, 550), vatRateBp: 550 },
      { ...lineAmounts(633, 1, 2000), vatRateBp: 2000 },
      { ...lineAmounts(2000, 1, 0), vatRateBp: 0 },
    ];
    const totals = invoiceTotals(lines);
    expect(totals).toEqual({
      netCents: 1990 + 527 + 2000,
      vatCents: 110 + 106,
      grossCents: 2100 + 633 + 2000,
      byRate: [
        { rateBp: 0, netCents: 2000, vatCents: 0, grossCents: 2000 },
        { rateBp: 550, netCents: 1990, vatCents: 110, grossCents: 2100 },
        { rateBp: 2000, netCents: 527, vatCents: 106, grossCents: 633 },
      ],
    });
    expect(totals.netCents + totals.vatCents).toBe(totals.grossCents);
  });
});

describe('balance application', () => {
  it.each([
    // balance before, gross → forward, credit applied, due, credit remaining
    [0, 4200, 0, 0, 4200, 0],
    [-1500, 4200, 1500, 0, 5700, 0],
    [1000, 4200, 0, 1000, 3200, 0],
    [4200, 4200, 0, 4200, 0, 0],
    [10000, 4200, 0, 4200, 0, 5800],
    [500, 0, 0, 0, 0, 500],
  ])('balance %i on gross %i → forward %i, credit %i, due %i, remaining %i', (balance, gross, forward, credit, due, remaining) => {
    expect(applyBalance(gross, balance)).toEqual({ balanceForwardCents: forward, creditAppliedCents: credit, amountDueCents: due, creditRemainingCents: remaining });
  });
});

describe('document numbers', () => {
  it.each([
    ['FA', 2026, 1, 'FA-2026-00001'],
    ['FA', 2026, 12345, 'FA-2026-12345'],
    ['AV', 2027, 42, 'AV-2027-00042'],
  ] as const)('%s %i n° %i → %s', (kind, year, n, expected) => {
    expect(formatNumber(kind, year, n)).toBe(expected);
  });
});
