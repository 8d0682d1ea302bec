import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import type { PaymentSettings } from '../payments/payment-settings';
import { accountOf, customerOf, makeEntry, signed, subscriberLabel, type JournalEntry, type LineTarget, type SubscriberName } from './entries';

/**
 * Entries of the ledger written before Paniers: the demo's imported history and rows carried
 * over by the payments migration. They have no source document the app made (no invoice row,
 * no SEPA debit, no cheque), so the old software's own accounts hold them and they are NOT
 * exported; the export counts them so the screen can say so. The one exception is the opening
 * balance, which is exactly what the AN journal takes over.
 *   - no source at all (the demo writes its history without one);
 *   - an invoice or credit note without its document (the migration found no matching number);
 *   - a SEPA or cheque payment filed as a plain `payment` (the migration's guess: the app files
 *     these under their debit or cheque), and a reversal that reverses nothing.
 */
export const LEGACY_ENTRY_SQL = `(
  (e.source_type IS NULL AND e.kind != 'opening_balance')
  OR (e.kind IN ('invoice', 'credit_note') AND e.source_id IS NULL)
  OR (e.kind = 'payment' AND e.source_type = 'payment' AND (e.method IS NULL OR e.method IN ('sepa', 'cheque')))
  OR (e.kind = 'payment_reversal' AND e.reverses_id IS NULL)
)`;

export function countLegacyEntries(db: Db, from: string, to: string): number {
  return db.get<{ n: number }>(`SELECT count(*) AS n FROM ledger_entries e WHERE e.entry_date BETWEEN ? AND ? AND ${LEGACY_ENTRY_SQL}`, [from, to])?.n ?? 0;
}

interface MovementRow extends SubscriberName {
  entry_id: number;
  entry_date: string;
  kind: 'payment' | 'payment_reversal' | 'refund';
  amount_cents: number;
  method: string | null;
  reference: string;
  label: string;
  source_type: 'sepa_debit' | 'cheque' | 'payment';
  batch_id: number | null;
  message_id: string | null;
  cheque_number: string | null;
  deposit_slip_id: number | null;
}

const MOVEMENTS = `
  SELECT e.id AS entry_id, e.entry_date, e.kind, e.amount_cents, e.method, e.reference, e.label, e.source_type,
         s.id, s.kind AS subscriber_kind, s.first_name, s.last_name,
         d.batch_id, b.message_id, c.number AS cheque_number, c.deposit_slip_id
  FROM ledger_entries e JOIN subscribers s ON s.id = e.subscriber_id
  LEFT JOIN sepa_debits d ON e.source_type = 'sepa_debit' AND d.id = e.source_id
  LEFT JOIN sepa_batches b ON b.id = d.batch_id
  LEFT JOIN cheques c ON e.source_type = 'cheque' AND c.id = e.source_id
  WHERE e.entry_date BETWEEN :from AND :to
    AND e.kind IN ('payment', 'payment_reversal', 'refund')
    AND e.source_type IN ('sepa_debit', 'cheque', 'payment')
    AND NOT ${LEGACY_ENTRY_SQL}
  ORDER BY e.entry_date, e.id`;

/**
 * Where the money of a movement sits: a received cheque waits in 5112 until its deposit slip
 * moves it to the bank; a cheque returned after deposit leaves the bank, one returned before
 * leaves 5112. Cash is the till (530); everything else goes through the bank (512).
 */
function treasuryOf(settings: PaymentSettings, m: MovementRow): LineTarget {
  if (m.source_type === 'cheque') return accountOf(settings, m.kind === 'payment' || m.deposit_slip_id === null ? 'cheques' : 'bank');
  if (m.source_type === 'payment' && m.method === 'cash') return accountOf(settings, 'cash');
  return accountOf(settings, 'bank');
}

/** A ledger amount > 0 is in the subscriber's favour: 411 credited, the treasury debited. */
function movementEntry(settings: PaymentSettings, m: MovementRow): JournalEntry | null {
  const pieceRef = m.source_type === 'cheque' && m.cheque_number ? `CHQ ${m.cheque_number}` : m.reference || `REG-${m.entry_id}`;
  const label = m.label || `${m.kind === 'refund' ? 'Remboursement' : 'Règlement'} ${subscriberLabel(m)}`;
  const treasury = signed(treasuryOf(settings, m), m.amount_cents);
  const customer = signed(customerOf(settings, m), -m.amount_cents);
  // The debit line first, as an accountant writes an entry.
  return makeEntry(settings, 'bank', { date: m.entry_date, pieceRef, label }, m.amount_cents > 0 ? [treasury, customer] : [customer, treasury]);
}

/**
 * One entry per settled SEPA batch and collection date, as the bank credits it in one sum:
 * 512 debited by the total, each debtor's 411 credited (finance-rules §5.2: detailed per debtor).
 */
function batchEntry(settings: PaymentSettings, payments: readonly MovementRow[]): JournalEntry | null {
  const first = payments[0]!;
  const total = payments.reduce((sum, p) => sum + p.amount_cents, 0);
  const label = `Prélèvements SEPA du ${formatDateShortFr(first.entry_date as IsoDate)} (${payments.length})`;
  return makeEntry(settings, 'bank', { date: first.entry_date, pieceRef: first.message_id ?? `PRLV-${first.batch_id ?? first.entry_id}`, label }, [
    signed(accountOf(settings, 'bank'), total),
    ...payments.map((p) => signed(customerOf(settings, p, `Prélèvement ${p.reference}`.trim()), -p.amount_cents)),
  ]);
}

interface SlipRow {
  number: string;
  deposit_date: string;
  cheque_count: number;
  total_cents: number;
}

const SLIPS = 'SELECT number, deposit_date, cheque_count, total_cents FROM deposit_slips WHERE deposit_date BETWEEN ? AND ? ORDER BY deposit_date, id';

/** A deposit slip moves its cheques from 5112 to the bank on the slip's date (finance-rules §5.2). */
function slipEntry(settings: PaymentSettings, slip: SlipRow): JournalEntry | null {
  const label = `Remise de chèques n° ${slip.number} (${slip.cheque_count} chèque${slip.cheque_count > 1 ? 's' : ''})`;
  return makeEntry(settings, 'bank', { date: slip.deposit_date, pieceRef: slip.number, label }, [
    signed(accountOf(settings, 'bank'), slip.total_cents),
    signed(accountOf(settings, 'cheques'), -slip.total_cents),
  ]);
}

/** Bank journal entries of the range, in date order (batches, then other movements, then slips). */
export function bankEntries(db: Db, settings: PaymentSettings, from: string, to: string): JournalEntry[] {
  const batches = new Map<string, MovementRow[]>();
  const others: (JournalEntry | null)[] = [];
  for (const m of db.all<MovementRow>(MOVEMENTS, { ':from': from, ':to': to })) {
    if (m.source_type === 'sepa_debit' && m.kind === 'payment' && m.batch_id !== null) {
      const key = `${m.batch_id}|${m.entry_date}`;
      const batch = batches.get(key);
      if (batch) batch.push(m);
      else batches.set(key, [m]);
    } else {
      others.push(movementEntry(settings, m));
    }
  }
  const entries = [...[...batches.values()].map((payments) => batchEntry(settings, payments)), ...others, ...db.all<SlipRow>(SLIPS, [from, to]).map((slip) => slipEntry(settings, slip))];
  return entries.filter((e): e is JournalEntry => e !== null).sort((a, b) => a.date.localeCompare(b.date));
}
