import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isoDate, loadSqlite, openDatabase, type Db } from '../../core';
import { loadPlanData } from '../../core/deliveries/plan-data';
import { planDeliveries } from '../../core/deliveries/plan';
import { BENCH_CLOCK, type BenchDatabase } from './databases';
import type { Row } from './report';
import { measure } from './stats';

type NativeDatabase = { prepare(sql: string): { all(params?: unknown): unknown[] }; close(): void };
type NativeConstructor = new (file: string, options: { readonly: boolean }) => NativeDatabase;

const require = createRequire(import.meta.url);

/**
 * better-sqlite3, for the bench only. Installs skip build scripts (.npmrc), so its native
 * binding is compiled here on first use (about a minute, with the machine's C++ toolchain).
 */
function loadNative(log: (line: string) => void): NativeConstructor | null {
  try {
    return require('better-sqlite3') as NativeConstructor;
  } catch {
    const dir = path.dirname(require.resolve('better-sqlite3/package.json'));
    log('Building better-sqlite3 for the native comparison (once, about a minute)…');
    try {
      execFileSync('npx', ['--no', 'node-gyp', 'rebuild', '--release'], { cwd: dir, stdio: 'ignore' });
      return require('better-sqlite3') as NativeConstructor;
    } catch (error) {
      log(`Native comparison skipped: better-sqlite3 could not be built (${(error as Error).message.split('\n')[0]}).`);
      return null;
    }
  }
}

/** Runs core's own SQL through better-sqlite3: `:name` parameters become better-sqlite3's `name` keys. */
function nativeDb(native: NativeDatabase): Db {
  const all = (sql: string, params?: unknown) => {
    const stmt = native.prepare(sql);
    if (params === undefined) return stmt.all();
    if (Array.isArray(params)) return stmt.all(...(params as unknown[]));
    return stmt.all(Object.fromEntries(Object.entries(params as Record<string, unknown>).map(([k, v]) => [k.replace(/^[:@$]/, ''), v])));
  };
  return { all } as unknown as Db;
}

/**
 * Issue 5 asks how close the week computation is to the limit: the same reads by native
 * SQLite (better-sqlite3) against sql.js, and the whole computation against that native read.
 */
export async function benchNative(database: BenchDatabase, runs: number, log: (line: string) => void): Promise<Row[]> {
  const Native = loadNative(log);
  if (!Native) return [];
  const native = new Native(database.file, { readonly: true });
  const sqlite = await loadSqlite();
  const { db } = openDatabase(sqlite, new Uint8Array((await import('node:fs')).readFileSync(database.file)), BENCH_CLOCK);
  const from = isoDate('2026-12-07');
  const to = isoDate('2026-12-13');
  try {
    const nativeRead = await measure(runs, 3, () => void loadPlanData(nativeDb(native), from, to));
    const sqljsRead = await measure(runs, 3, () => void loadPlanData(db, from, to));
    const whole = await measure(runs, 3, () => void planDeliveries(db, { from, to }));
    const ratio = (a: number, b: number) => `× ${(a / b).toFixed(1)} native`;
    return [
      { operation: 'Week reads, native SQLite', database: database.label, stats: nativeRead, targetMs: null },
      { operation: 'Week reads, sql.js', database: database.label, stats: sqljsRead, targetMs: null, targetText: ratio(sqljsRead.median, nativeRead.median) },
      { operation: 'Week computation (core)', database: database.label, stats: whole, targetMs: null, targetText: ratio(whole.median, nativeRead.median) },
    ];
  } finally {
    native.close();
    db.close();
  }
}
