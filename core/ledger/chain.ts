import type { Db, PreparedStatement } from '../db/database';
import { cents } from '../money/money';
import { sha256Hex } from '../text/hash';
import type { LedgerKind } from './ledger';

/**
 * The ledger as a hash chain (finance-rules §1.8: an append-only, hash-chained payment
 * journal). Each entry's hash covers every field of the entry and the previous entry's hash,
 * so changing one byte of any entry, removing one or reordering them breaks every later link.
 * Entries are written here only: a trigger refuses an entry without a hash.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type LedgerMethod = 'sepa' | 'cheque' | 'transfer' | 'cash' | 'card';
export type LedgerSource = 'invoice' | 'credit_note' | 'sepa_debit' | 'cheque' | 'payment' | 'opening';

export interface NewLedgerEntry {
  subscriberId: number;
  date: string;
  kind: LedgerKind;
  amountCents: number;
  method?: LedgerMethod | null;
  reference?: string;
  label?: string;
  sourceType?: LedgerSource | null;
  sourceId?: number | null;
  reversesId?: number | null;
}

interface ChainRow {
  id: number;
  subscriber_id: number;
  entry_date: string;
  kind: string;
  amount_cents: number;
  method: string | null;
  reference: string;
  label: string;
  source_type: string | null;
  source_id: number | null;
  reverses_id: number | null;
  created_at: string;
  hash: string | null;
}

const COLUMNS = 'id, subscriber_id, entry_date, kind, amount_cents, method, reference, label, source_type, source_id, reverses_id, created_at';

/** The exact text hashed for an entry: every column, in a fixed order, unambiguous separators. */
function canonical(previousHash: string, r: Omit<ChainRow, 'hash'>): string {
  return JSON.stringify([
    previousHash, r.id, r.subscriber_id, r.entry_date, r.kind, r.amount_cents, r.method, r.reference, r.label,
    r.source_type, r.source_id, r.reverses_id, r.created_at,
  ]);
}

export function entryHash(previousHash: string, row: Omit<ChainRow, 'hash'>): string {
  return sha256Hex(canonical(previousHash, row));
}

function lastLink(db: Db): { id: number; hash: string } {
  const row = db.get<{ id: number; hash: string | null }>('SELECT id, hash FROM ledger_entries ORDER BY id DESC LIMIT 1');
  if (!row) return { id: 0, hash: GENESIS_HASH };
  if (row.hash === null) throw new Error('ledger chain has unhashed entries: run chainUnhashedEntries first');
  return { id: row.id, hash: row.hash };
}

/** Appends entries one after another (ids are taken in order so each hash covers its own id). */
export class LedgerWriter {
  private last: { id: number; hash: string };

  constructor(
    db: Db,
    private readonly insert: PreparedStatement,
    private readonly now: string,
  ) {
    this.last = lastLink(db);
  }

  append(entry: NewLedgerEntry): number {
    const row = {
      id: this.last.id + 1,
      subscriber_id: entry.subscriberId,
      entry_date: entry.date,
      kind: entry.kind,
      amount_cents: cents(entry.amountCents),
      method: entry.method ?? null,
      reference: entry.reference ?? '',
      label: entry.label ?? '',
      source_type: entry.sourceType ?? null,
      source_id: entry.sourceId ?? null,
      reverses_id: entry.reversesId ?? null,
      created_at: this.now,
    };
    const hash = entryHash(this.last.hash, row);
    this.insert.run([row.id, row.subscriber_id, row.entry_date, row.kind, row.amount_cents, row.method, row.reference, row.label, row.source_type, row.source_id, row.reverses_id, row.created_at, hash]);
    this.last = { id: row.id, hash };
    return row.id;
  }
}

const INSERT = `INSERT INTO ledger_entries (${COLUMNS}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Runs `use` with a writer whose statement is freed afterwards (bulk writes: issuing, demo). */
export function withLedgerWriter<R>(db: Db, now: string, use: (writer: LedgerWriter) => R): R {
  return db.withStatement(INSERT, (stmt) => use(new LedgerWriter(db, stmt, now)));
}

export function appendEntry(db: Db, entry: NewLedgerEntry, now: string): number {
  return withLedgerWriter(db, now, (writer) => writer.append(entry));
}

/** Computes the hash of entries written before the chain existed (migration 08's backfill). */
export function chainUnhashedEntries(db: Db): number {
  const rows = db.all<ChainRow>(`SELECT ${COLUMNS}, hash FROM ledger_entries ORDER BY id`);
  let previous = GENESIS_HASH;
  let done = 0;
  db.withStatement('UPDATE ledger_entries SET hash = ? WHERE id = ?', (update) => {
    for (const row of rows) {
      if (row.hash === null) {
        row.hash = entryHash(previous, row);
        update.run([row.hash, row.id]);
        done++;
      }
      previous = row.hash;
    }
  });
  return done;
}

export type ChainCheck =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: { id: number; date: string; subscriberId: number; reference: string; label: string }; reason: 'hash' | 'gap' | 'missing' };

/** Walks the whole chain and reports the first entry whose link does not hold. */
export function verifyChain(db: Db): ChainCheck {
  let previous = GENESIS_HASH;
  let expectedId: number | null = null;
  let count = 0;
  let broken: ChainCheck | null = null;
  db.withStatement(`SELECT ${COLUMNS}, hash FROM ledger_entries ORDER BY id`, (stmt) => {
    stmt.each<ChainRow>(undefined, (row) => {
      count++;
      const brokenAt = { id: row.id, date: row.entry_date, subscriberId: row.subscriber_id, reference: row.reference, label: row.label };
      // Ids are dense: a missing id means an entry was taken out of the file.
      if (expectedId !== null && row.id !== expectedId) broken = { ok: false, entries: count, brokenAt, reason: 'gap' };
      else if (row.hash === null) broken = { ok: false, entries: count, brokenAt, reason: 'missing' };
      else if (row.hash !== entryHash(previous, row)) broken = { ok: false, entries: count, brokenAt, reason: 'hash' };
      if (broken) return false;
      previous = row.hash!;
      expectedId = row.id + 1;
      return true;
    });
  });
  return broken ?? { ok: true, entries: count, lastHash: previous };
}
