import { systemClock, type Clock } from '../../core/dates/clock';
import { loadSqlite } from '../../core/db/sqlite';
import { createDemoDatabase } from '../../core/demo';
import { writeFileAtomic } from '../storage/atomic-write';

/**
 * Writes a fresh demonstration database to `file` (a path not yet taken). Kept small for a
 * browser session: a few hundred members and a year of history open in a second.
 */
export async function writeDemoFile(file: string, options: { clock?: Clock; subscribers?: number; seed?: number } = {}): Promise<void> {
  const sqlite = await loadSqlite();
  const db = createDemoDatabase(sqlite, {
    subscribers: options.subscribers ?? 250,
    years: 1,
    seed: options.seed ?? 2026,
    clock: options.clock ?? systemClock,
  });
  try {
    await writeFileAtomic(file, db.export());
  } finally {
    db.close();
  }
}
