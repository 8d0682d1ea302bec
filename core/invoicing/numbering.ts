import { IntegrityError } from '../api/errors';
import type { Db } from '../db/database';

/** Invoices `FA-2026-00001`, credit notes `AV-2026-00001`: separate gap-free yearly series (finance-rules §1.3). */
export type SeriesKind = 'FA' | 'AV';

export function formatNumber(kind: SeriesKind, year: number, n: number): string {
  return `${kind}-${year}-${String(n).padStart(5, '0')}`;
}

/**
 * Takes the next number of a series. Call it only inside the transaction that freezes the
 * document: a failure rolls the counter back with it, so numbers never skip. Second guard
 * after the counter: the number must not exist yet (the UNIQUE index is the third).
 */
export function takeNumber(db: Db, kind: SeriesKind, year: number): string {
  return takeNumbers(db, kind, year, 1)[0]!;
}

/** The next `count` numbers of a series at once (a whole run), in order. */
export function takeNumbers(db: Db, kind: SeriesKind, year: number, count: number): string[] {
  if (!db.inTransaction) throw new Error('takeNumbers must run inside the issuing transaction');
  if (count === 0) return [];
  db.run(
    `INSERT INTO number_series (kind, year, last_number) VALUES (?, ?, ?)
     ON CONFLICT (kind, year) DO UPDATE SET last_number = last_number + excluded.last_number`,
    [kind, year, count],
  );
  const last = db.get<{ last_number: number }>('SELECT last_number FROM number_series WHERE kind = ? AND year = ?', [kind, year])!.last_number;
  const numbers = Array.from({ length: count }, (_, i) => formatNumber(kind, year, last - count + 1 + i));
  // Same prefix and zero-padded width: text order is number order, one range query checks them all.
  const table = kind === 'FA' ? 'invoices' : 'credit_notes';
  const taken = db.get<{ number: string }>(`SELECT number FROM ${table} WHERE number BETWEEN ? AND ? LIMIT 1`, [numbers[0]!, numbers.at(-1)!]);
  if (taken) {
    throw new IntegrityError(`Le numéro ${taken.number} existe déjà : la série de numérotation est incohérente. Restaurez une sauvegarde et contactez le support.`);
  }
  return numbers;
}
