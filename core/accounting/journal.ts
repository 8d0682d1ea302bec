import type { Db } from '../db/database';
import { readPaymentSettings, type PaymentSettings } from '../payments/payment-settings';
import { bankEntries, countLegacyEntries } from './bank-journal';
import { accountOf, customerOf, makeEntry, signed, subscriberLabel, type JournalEntry, type JournalKind, type SubscriberName } from './entries';
import { salesEntries } from './sales-journal';

export type { JournalEntry, JournalLine, JournalKind } from './entries';

interface OpeningRow extends SubscriberName {
  entry_date: string;
  total: number;
}

/**
 * Opening balances (AN, finance-rules §5.3), one entry per subscriber (and date, should a
 * correction come on another day): the subscriber's 411 against the suspense account the
 * balances were taken over on (471 by default). A credit in the subscriber's favour credits 411.
 * Opening balances are exported even without a source: taking over the old software's
 * balances is exactly their purpose.
 */
function openingEntries(db: Db, settings: PaymentSettings, from: string, to: string): JournalEntry[] {
  const rows = db.all<OpeningRow>(
    `SELECT e.entry_date, sum(e.amount_cents) AS total, s.id, s.kind AS subscriber_kind, s.first_name, s.last_name
     FROM ledger_entries e JOIN subscribers s ON s.id = e.subscriber_id
     WHERE e.kind = 'opening_balance' AND e.entry_date BETWEEN ? AND ?
     GROUP BY e.subscriber_id, e.entry_date ORDER BY e.entry_date, e.subscriber_id`,
    [from, to],
  );
  return rows
    .map((r) =>
      makeEntry(settings, 'opening', { date: r.entry_date, pieceRef: `REPRISE-${customerOf(settings, r).auxAccount!}`, label: `Solde repris ${subscriberLabel(r)}` }, [
        signed(customerOf(settings, r), -r.total),
        signed(accountOf(settings, 'opening'), r.total),
      ]),
    )
    .filter((e): e is JournalEntry => e !== null);
}

export interface Journal {
  entries: JournalEntry[];
  /** Ledger entries of the range from before Paniers, not exported (see LEGACY_ENTRY_SQL). */
  skippedLegacyEntries: number;
}

const KIND_ORDER: Record<JournalKind, number> = { opening: 0, sales: 1, bank: 2 };

/**
 * Every entry between two days (inclusive), in the order of the FEC (A47 A-1 LPF): opening
 * balances first, then by date, then by journal; within a journal and day, as each journal
 * built them (invoice number, ledger order).
 */
export function buildJournal(db: Db, from: string, to: string): Journal {
  const settings = readPaymentSettings(db);
  const all = [...openingEntries(db, settings, from, to), ...salesEntries(db, settings, from, to), ...bankEntries(db, settings, from, to)];
  const entries = all
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const opening = Number(b.entry.kind === 'opening') - Number(a.entry.kind === 'opening');
      return opening || a.entry.date.localeCompare(b.entry.date) || a.entry.journal.localeCompare(b.entry.journal) || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index;
    })
    .map(({ entry }) => entry);
  return { entries, skippedLegacyEntries: countLegacyEntries(db, from, to) };
}
