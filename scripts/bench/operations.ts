import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Backend, checkHeader, createRegistry, loadSqlite, openDatabase } from '../../core';
import { writeFileAtomic } from '../../electron/storage/atomic-write';
import { BENCH_CLOCK, type BenchDatabase } from './databases';
import { measure, type Stats } from './stats';

/** What the app does when it opens a file: read it, check the header, then every deep check. */
export async function benchOpen(database: BenchDatabase, runs: number): Promise<Stats> {
  const sqlite = await loadSqlite();
  return measure(runs, 2, async () => {
    const bytes = new Uint8Array(await readFile(database.file));
    checkHeader(bytes);
    // openDatabase runs integrity_check, foreign_key_check and the migration history check.
    const { db } = openDatabase(sqlite, bytes, BENCH_CLOCK);
    db.close();
  });
}

export interface SaveBench {
  /** One small mutation through the Backend, acknowledged after the durable save. */
  mutation: Stats;
  /** Its parts: export of the whole image, and the atomic write (temp, fsync, rename, fsync dir). */
  exportOnly: Stats;
  writeOnly: Stats;
  sizeBytes: number;
}

/**
 * `organisation-update` on a copy of the database in `workDir`, saved with the real atomic
 * write of electron/storage, as the desktop app saves after every committed mutation.
 */
export async function benchSave(database: BenchDatabase, workDir: string, runs: number): Promise<SaveBench> {
  const sqlite = await loadSqlite();
  const target = path.join(workDir, path.basename(database.file));
  await copyFile(database.file, target);
  const { db } = openDatabase(sqlite, new Uint8Array(await readFile(target)), BENCH_CLOCK);
  let sizeBytes = 0;
  const backend = new Backend({
    db,
    sqlite,
    clock: BENCH_CLOCK,
    registry: createRegistry(),
    randomId: () => 'bench',
    persistence: {
      save: async (bytes) => {
        sizeBytes = bytes.length;
        await writeFileAtomic(target, bytes);
      },
    },
  });
  const org = (await backend.call('organisation-get', {})) as Record<string, unknown>;
  const { updatedAt: _updatedAt, ...input } = org;
  try {
    const mutation = await measure(runs, 2, async (i) => {
      await backend.call('organisation-update', { ...input, phone: `02 61 91 00 ${String(Math.abs(i) % 100).padStart(2, '0')}` });
    });
    let image = db.export();
    const exportOnly = await measure(runs, 1, () => {
      image = db.export();
    });
    const writeOnly = await measure(runs, 1, async () => {
      await writeFileAtomic(target, image);
    });
    return { mutation, exportOnly, writeOnly, sizeBytes };
  } finally {
    db.close();
  }
}
