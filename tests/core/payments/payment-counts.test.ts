import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../core/dates/dates';
import { planDeliveries } from '../../../core/deliveries/plan';
import { lowBalances, windowOf } from '../../../core/payments/balances';
import { ledgerBalancesOn } from '../../../core/payments/ledger-balances';
import { countLowBalances, unpaidOver } from '../../../core/payments/payment-counts';
import { unpaidSubscribers } from '../../../core/payments/unpaid';
import { createDemoTestDb } from '../../support/demo';

// The dashboard counts what « Soldes bas » and « Impayés » list, by shorter paths: these tests
// hold the shortcuts to the full computations on demo databases, on days across the year.

const DAYS = ['2026-12-04', '2026-11-30', '2026-10-31', '2026-07-14', '2026-03-01', '2026-01-15'] as IsoDate[];

describe('the dashboard’s payment counts agree with the lists', () => {
  it.each([7, 21])('low balances and unpaid debts, demo seed %i', async (seed) => {
    const { db } = await createDemoTestDb({ seed });
    let lows = 0;
    let lates = 0;
    for (const day of DAYS) {
      const window = windowOf(day, undefined);
      const listed = lowBalances(db, window).filter((l) => l.expectedBalanceCents < l.thresholdCents);
      lows += listed.length;
      // Alone, with today's balances, and with a wider plan than the window (as the dashboard passes it).
      expect(countLowBalances(db, window), day).toBe(listed.length);
      const balances = ledgerBalancesOn(db, day);
      const wide = { from: addDays(day, -10), to: addDays(window.to, 9) };
      const planned = { ...wide, baskets: planDeliveries(db, { ...wide, unsorted: true }) };
      expect(countLowBalances(db, window, { balances, planned }), day).toBe(listed.length);

      const unpaid = unpaidSubscribers(db, day);
      for (const days of [0, 30, 60]) {
        const late = unpaid.filter((u) => u.debtAgeDays > days);
        if (days === 30) lates += late.length;
        const expected = { count: late.length, owedCents: late.reduce((sum, u) => sum + u.owedCents, 0) };
        expect(unpaidOver(db, day, days), `${day} > ${days} j`).toEqual(expected);
        expect(unpaidOver(db, day, days, { balances }), `${day} > ${days} j`).toEqual(expected);
      }
    }
    // The demo has both, or the comparisons above would prove nothing.
    expect(lows).toBeGreaterThan(0);
    expect(lates).toBeGreaterThan(0);
  });

  it('ignores balances of another day and a plan that does not cover the window', async () => {
    const { db } = await createDemoTestDb({ seed: 7 });
    const day = '2026-11-30' as IsoDate;
    const window = windowOf(day, undefined);
    const wrongDay = ledgerBalancesOn(db, '2026-01-01' as IsoDate);
    const short = { from: window.from, to: addDays(window.from, 2), baskets: planDeliveries(db, { from: window.from, to: addDays(window.from, 2), unsorted: true }) };
    const listed = lowBalances(db, window).filter((l) => l.expectedBalanceCents < l.thresholdCents).length;
    expect(countLowBalances(db, window, { balances: wrongDay, planned: short })).toBe(listed);
    const late = unpaidSubscribers(db, day).filter((u) => u.debtAgeDays > 30);
    expect(unpaidOver(db, day, 30, { balances: wrongDay })).toEqual({ count: late.length, owedCents: late.reduce((sum, u) => sum + u.owedCents, 0) });
  });
});
