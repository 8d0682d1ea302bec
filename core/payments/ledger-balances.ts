import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';

/** Every subscriber's ledger balance on `day`; subscribers without entries are absent (0). */
export interface LedgerBalances {
  day: IsoDate;
  bySubscriber: ReadonlyMap<number, number>;
}

/**
 * The balances on `day` (entries dated that day or before) in one grouped pass over the ledger:
 * the dashboard reads them once for both its low-balance and its unpaid counts.
 */
export function ledgerBalancesOn(db: Db, day: IsoDate): LedgerBalances {
  const rows = db.all<{ s: number; b: number }>('SELECT subscriber_id AS s, sum(amount_cents) AS b FROM ledger_entries WHERE entry_date <= ? GROUP BY subscriber_id', [day]);
  return { day, bySubscriber: new Map(rows.map((r) => [r.s, r.b])) };
}
