import type { Db } from '../db/database';
import { addDays, type IsoDate } from '../dates/dates';
import { expectedBasketsIn, expectedCents, uninvoicedBefore, type PlanSlice } from './balances';
import { ageDebts } from './aging';
import { ledgerBalancesOn, type LedgerBalances } from './ledger-balances';
import { readPaymentSettings } from './payment-settings';
import { debtorMovements } from './unpaid';

/**
 * The dashboard's two counts about balances, computed as « Soldes bas » and « Impayés » compute
 * them (same ledger sums, same plan, same ageing) but without what only the lists show: names,
 * basket lists, quarterly amounts, invoices. Tests compare them with the lists.
 */

/** Reads the caller already made; each is used only when it fits (balances of the right day, a plan covering the window). */
export interface CountSources {
  balances?: LedgerBalances;
  planned?: PlanSlice;
}

const balancesOn = (db: Db, day: IsoDate, sources: CountSources) => (sources.balances?.day === day ? sources.balances : ledgerBalancesOn(db, day));

/** How many active cheque payers end the window under the low-balance threshold (as `low-balance-list` lists them). */
export function countLowBalances(db: Db, window: { from: IsoDate; to: IsoDate }, sources: CountSources = {}): number {
  const payers = db.all<{ id: number }>("SELECT id FROM subscribers WHERE payment_method = 'cheque' AND archived_at IS NULL");
  if (payers.length === 0) return 0;
  const thresholdCents = readPaymentSettings(db).lowBalanceThresholdCents;
  // The balance before the window's first day, as `lowBalances` reads it.
  const balances = balancesOn(db, addDays(window.from, -1), sources).bySubscriber;
  const expected = uninvoicedBefore(db, window.from);
  for (const b of expectedBasketsIn(db, window, sources.planned)) expected.set(b.subscriberId, (expected.get(b.subscriberId) ?? 0) + expectedCents(b));
  return payers.filter((p) => (balances.get(p.id) ?? 0) - (expected.get(p.id) ?? 0) < thresholdCents).length;
}

/**
 * Subscribers whose oldest unpaid debt on `at` is more than `days` old, and what they owe in all
 * (as `unpaid-list` ages them). Credits pay the oldest debts first, so the debts still unpaid
 * are the newest: whoever owes more than all their debit entries of the last `days` days put
 * together has an older debt unpaid, without ageing. Only the others are aged, entry by entry.
 */
export function unpaidOver(db: Db, at: IsoDate, days: number, sources: CountSources = {}): { count: number; owedCents: number } {
  const owed = new Map([...balancesOn(db, at, sources).bySubscriber].filter(([, balance]) => balance < 0).map(([id, balance]) => [id, -balance]));
  if (owed.size === 0) return { count: 0, owedCents: 0 };
  const recent = new Map(
    db
      .all<{ s: number; d: number }>(
        `SELECT subscriber_id AS s, -sum(amount_cents) AS d FROM ledger_entries
         WHERE subscriber_id IN (${[...owed.keys()].join(',')}) AND entry_date BETWEEN :since AND :at AND amount_cents < 0 GROUP BY subscriber_id`,
        { ':since': addDays(at, -days), ':at': at },
      )
      .map((r) => [r.s, r.d]),
  );
  let count = 0;
  let owedCents = 0;
  const undecided: number[] = [];
  for (const [id, cents] of owed) {
    if (cents > (recent.get(id) ?? 0)) {
      count += 1;
      owedCents += cents;
    } else undecided.push(id);
  }
  const movements = debtorMovements(db, at, undecided);
  for (const id of undecided) {
    const aging = ageDebts(movements.get(id) ?? [], at);
    if ((aging.unpaid[0]?.ageDays ?? 0) <= days) continue;
    count += 1;
    owedCents -= aging.balanceCents;
  }
  return { count, owedCents };
}
