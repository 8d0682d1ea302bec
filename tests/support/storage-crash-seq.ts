import { z } from 'zod';
import { defineHandler, type Db } from '../../core';

/*
 * The crash test's mutation: one numbered row per acknowledged save. Rows go into a real
 * table (gardens, name `seq-000042`) so the file stays an ordinary Paniers database.
 */

const seqName = (seq: number) => `seq-${String(seq).padStart(6, '0')}`;

export const crashSeqInsert = defineHandler({
  name: 'crash-seq-insert',
  input: z.object({ seq: z.number().int().positive() }),
  mutates: true,
  run: ({ db }, { seq }) => {
    db.run('INSERT INTO gardens (name) VALUES (?)', [seqName(seq)]);
    return seq;
  },
});

export const crashSeqMax = defineHandler({
  name: 'crash-seq-max',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => readSeqs(db).max,
});

/** Highest seq stored and how many: equal counts mean no acknowledged row went missing. */
export function readSeqs(db: Db): { max: number; count: number } {
  const row = db.get<{ max: number | null; count: number }>(
    "SELECT max(CAST(substr(name, 5) AS INTEGER)) AS max, count(*) AS count FROM gardens WHERE name LIKE 'seq-%'",
  );
  return { max: row?.max ?? 0, count: row?.count ?? 0 };
}
