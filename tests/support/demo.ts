import { fixedClock, loadSqlite } from '../../core';
import { createDemoDatabase } from '../../core/demo';
import { TEST_NOW } from './core';

/**
 * A small demo database (the association of the letter, one year of history up to TEST_NOW),
 * for tests that need realistic data: depots, formulas, subscribers, deliveries, ledger.
 */
export async function createDemoTestDb(options: { subscribers?: number; years?: number; seed?: number } = {}) {
  const sqlite = await loadSqlite();
  const clock = fixedClock(TEST_NOW);
  const db = createDemoDatabase(sqlite, { subscribers: options.subscribers ?? 120, years: options.years ?? 1, seed: options.seed ?? 7, clock });
  const count = (table: string) => db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
  return { db, sqlite, clock, count };
}
