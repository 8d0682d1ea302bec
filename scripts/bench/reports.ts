import { readFile } from 'node:fs/promises';
import { Backend, createRegistry, loadSqlite, openDatabase } from '../../core';
import { BENCH_CLOCK, type BenchDatabase } from './databases';
import type { Row } from './report';
import { measure } from './stats';

/** Issue 10's targets, at 10,000 subscribers × 2 years (smaller databases: informative). */
const TARGETS = { dashboard: 150, forecast: 200 } as const;

/**
 * The dashboard's data, the 8-week harvest forecast and a year of reports, timed through the
 * Backend (handler time, as the UI waits for it). Reads only: the database is opened in memory
 * from the cached file and never saved.
 */
export async function benchReports(database: BenchDatabase, runs: number): Promise<Row[]> {
  const sqlite = await loadSqlite();
  const { db } = openDatabase(sqlite, new Uint8Array(await readFile(database.file)), BENCH_CLOCK);
  const backend = new Backend({ db, sqlite, clock: BENCH_CLOCK, registry: createRegistry(), randomId: () => 'bench' });
  const large = (db.get<{ n: number }>('SELECT count(*) AS n FROM subscribers')?.n ?? 0) >= 10_000;
  const row = (operation: string, stats: Row['stats'], target: number | null): Row => ({ operation, database: database.label, stats, targetMs: large ? target : null });
  try {
    return [
      row('Dashboard data (dashboard-get)', await measure(runs, 3, () => backend.call('dashboard-get', {}).then(() => undefined)), TARGETS.dashboard),
      row('Harvest forecast, 8 weeks (forecast-get)', await measure(runs, 3, () => backend.call('forecast-get', { weeks: 8 }).then(() => undefined)), TARGETS.forecast),
      row(
        'Reports over 12 months (report-get)',
        await measure(Math.max(3, Math.round(runs / 3)), 1, () => backend.call('report-get', { from: '2025-12-01', to: '2026-11-30' }).then(() => undefined)),
        null,
      ),
    ];
  } finally {
    db.close();
  }
}
