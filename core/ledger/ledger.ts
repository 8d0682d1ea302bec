import type { Db } from '../db/database';
import { cents, type Cents } from '../money/money';
import { appendEntry, type LedgerMethod, type NewLedgerEntry } from './chain';

/** One line of a subscriber's account. amount > 0 is in the subscriber's favour, < 0 is owed. */
export type LedgerKind = 'opening_balance' | 'invoice' | 'credit_note' | 'payment' | 'payment_reversal' | 'refund';

export interface LedgerEntry {
  id: number;
  date: string;
  kind: LedgerKind;
  amountCents: Cents;
  reference: string;
  label: string;
  /** How money moved (payments, reversals, refunds); null for invoices and credit notes. */
  method: LedgerMethod | null;
  /** The entry this one reverses: the page offers « Annuler » only on payments not yet reversed. */
  reversesId: number | null;
}

/** The balance is the sum of the entries, nothing else (no stored running total to drift). */
export function balanceOf(entries: readonly Pick<LedgerEntry, 'amountCents'>[]): Cents {
  return cents(entries.reduce((sum, e) => sum + e.amountCents, 0));
}

/** Entries with their running balance, in date then entry order. */
export function withRunningBalance<E extends Pick<LedgerEntry, 'id' | 'date' | 'amountCents'>>(entries: readonly E[], openingCents = 0): (E & { balanceCents: Cents })[] {
  let running = openingCents;
  return [...entries]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
    .map((e) => {
      running += e.amountCents;
      return { ...e, balanceCents: cents(running) };
    });
}

interface EntryRow {
  id: number;
  entry_date: string;
  kind: LedgerKind;
  amount_cents: number;
  reference: string;
  label: string;
  method: LedgerMethod | null;
  reverses_id: number | null;
}

const entryFromDb = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  date: r.entry_date,
  kind: r.kind,
  amountCents: cents(r.amount_cents),
  reference: r.reference,
  label: r.label,
  method: r.method,
  reversesId: r.reverses_id,
});

/** A subscriber's entries, optionally between two days (inclusive). */
export function readEntries(db: Db, subscriberId: number, range: { from?: string; to?: string } = {}): LedgerEntry[] {
  return db
    .all<EntryRow>(
      `SELECT id, entry_date, kind, amount_cents, reference, label, method, reverses_id FROM ledger_entries
       WHERE subscriber_id = :s AND entry_date >= :from AND entry_date <= :to ORDER BY entry_date, id`,
      { ':s': subscriberId, ':from': range.from ?? '0000-00-00', ':to': range.to ?? '9999-99-99' },
    )
    .map(entryFromDb);
}

/** The balance on a day (every entry dated on or before it), or of every entry. */
export function ledgerBalance(db: Db, subscriberId: number, at?: string): Cents {
  const row = db.get<{ total: number | null }>('SELECT sum(amount_cents) AS total FROM ledger_entries WHERE subscriber_id = ? AND entry_date <= ?', [
    subscriberId,
    at ?? '9999-99-99',
  ]);
  return cents(row?.total ?? 0);
}

/** Appends one entry through the hash chain (core/ledger/chain.ts). */
export function addEntry(db: Db, entry: NewLedgerEntry, now: string): number {
  return appendEntry(db, entry, now);
}
