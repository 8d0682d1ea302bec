import { Backend, createDatabase, createRegistry, fixedClock, loadSqlite, type Clock, type Persistence } from '../../core';

/** The fixed instant of core tests: a Friday morning in the office. */
export const TEST_NOW = '2026-12-04T09:30:00.000Z';

/** A fresh in-memory database with every migration, a frozen clock and repeatable ids. */
export async function createTestBackend(options: { clock?: Clock; persistence?: Persistence; readOnly?: { holder: string } } = {}) {
  const sqlite = await loadSqlite();
  const clock = options.clock ?? fixedClock(TEST_NOW);
  const db = createDatabase(sqlite, clock);
  let seq = 0;
  const backend = new Backend({
    db,
    sqlite,
    clock,
    registry: createRegistry(),
    randomId: () => `id-${++seq}`,
    persistence: options.persistence,
    readOnly: options.readOnly ?? null,
  });
  return { backend, db, sqlite, clock };
}
