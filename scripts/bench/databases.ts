import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { createDatabase, fixedClock, loadSqlite, SCHEMA_VERSION } from '../../core';
import { DEMO_GENERATOR_VERSION, generateDemo, type DemoSummary } from '../../core/demo';
import { writeFileAtomic } from '../../electron/storage/atomic-write';

/** The bench's "today": fixed, so a cached database is the same file on every machine. */
export const BENCH_CLOCK = fixedClock('2026-12-04T09:30:00.000Z');

export interface BenchDatabase {
  label: string;
  file: string;
  sizeBytes: number;
  /** Null when the file came from the cache. */
  generated: { ms: number; summary: DemoSummary } | null;
}

/**
 * A synthetic database file under `.bench/`, keyed by every parameter that changes its bytes
 * (size, seed, generator and schema versions): built once, reused by later runs.
 */
export async function benchDatabase(cacheDir: string, subscribers: number, years: number, seed = 1): Promise<BenchDatabase> {
  const label = `${subscribers / 1000}k × ${years} y`;
  const file = path.join(cacheDir, `demo-s${subscribers}-y${years}-seed${seed}-g${DEMO_GENERATOR_VERSION}-v${SCHEMA_VERSION}.paniers`);
  const cached = await stat(file).catch(() => null);
  if (cached) return { label, file, sizeBytes: cached.size, generated: null };

  await mkdir(cacheDir, { recursive: true });
  const started = performance.now();
  const db = createDatabase(await loadSqlite(), BENCH_CLOCK);
  const summary = generateDemo(db, { subscribers, years, seed, clock: BENCH_CLOCK });
  const bytes = db.export();
  db.close();
  const ms = performance.now() - started;
  // Written under another name then renamed: an interrupted bench never leaves a half file in the cache.
  const partial = `${file}.partial`;
  await writeFileAtomic(partial, bytes);
  await rename(partial, file);
  return { label, file, sizeBytes: bytes.length, generated: { ms, summary } };
}
