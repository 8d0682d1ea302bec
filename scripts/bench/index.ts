/**
 * `npm run bench`            builds the synthetic databases (cached in .bench/) and prints the
 *                            medians of each measured operation against its target.
 * `npm run bench -- crash [N]` runs the kill-during-save loop N times (default 1,000).
 * Options: `--sizes 2000,10000` (subscribers, two years each), `--runs 30`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDatabase } from './databases';
import { benchDomain } from './domain';
import { benchNative } from './native';
import { benchOpen, benchSave } from './operations';
import { benchImport } from './import';
import { benchPortalExport } from './portal';
import { benchPortalRequests } from './portal-requests';
import { benchReports } from './reports';
import { benchSepa } from './sepa';
import { formatTable, verdict, type Row } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = path.join(ROOT, '.bench');

/** Targets of issue 2, per number of subscribers (two years of history); issues 4 and 5 in domain.ts. */
const TARGETS: Record<number, { openMs: number | null; saveMs: number | null }> = {
  2000: { openMs: 500, saveMs: 60 },
  10000: { openMs: null, saveMs: 300 },
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function runCrash(killsArg: string | undefined): Promise<void> {
  const kills = killsArg === undefined ? 1000 : Number(killsArg);
  if (!Number.isInteger(kills) || kills < 1) throw new Error(`crash: the number of kills must be a positive integer (got "${killsArg}").`);
  const { runCrashLoop } = await import('./crash');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paniers-bench-crash-'));
  try {
    console.log(`Crash loop: ${kills} SIGKILLs during saves, in ${dir}`);
    const result = await runCrashLoop({ kills, dir, log: (line) => console.log(line) });
    const { failures, ...counts } = result;
    console.log('\nSummary');
    for (const [key, value] of Object.entries(counts)) {
      console.log(`  ${key.padEnd(26)} ${key.endsWith('Ms') ? `${(Number(value) / 1000).toFixed(1)} s` : value}`);
    }
    for (const failure of failures.slice(0, 20)) console.log(`  FAILURE: ${failure}`);
    const bad = result.corruptFiles + result.lostAcknowledged + result.orphanTempFilesAfterOpen + result.badBackups + failures.length;
    console.log(bad === 0 ? '\nOK: every kill left a good file with every acknowledged mutation.' : `\nFAILED: ${bad} problem(s).`);
    if (bad > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runBench(sizes: readonly number[], runs: number): Promise<void> {
  const rows: Row[] = [];
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'paniers-bench-'));
  try {
    for (const subscribers of sizes) {
      const database = await benchDatabase(CACHE_DIR, subscribers, 2);
      const target = TARGETS[subscribers] ?? { openMs: null, saveMs: null };
      if (database.generated) {
        const s = database.generated.summary;
        console.log(`Built ${database.label}: ${s.subscribers} subscribers, ${s.subscriptions} subscriptions, ${s.deliveries} deliveries, ${s.ledgerEntries} ledger entries in ${(database.generated.ms / 1000).toFixed(1)} s → ${path.relative(ROOT, database.file)}`);
      } else {
        console.log(`Cached ${database.label}: ${path.relative(ROOT, database.file)}`);
      }
      const open = await benchOpen(database, subscribers >= 10000 ? Math.max(5, Math.round(runs / 3)) : runs);
      rows.push({ operation: 'Open with all checks', database: database.label, stats: open, targetMs: target.openMs });
      const save = await benchSave(database, workDir, runs);
      rows.push({ operation: 'Small mutation + durable save', database: database.label, stats: save.mutation, targetMs: target.saveMs });
      rows.push({ operation: '  of which export()', database: database.label, stats: save.exportOnly, targetMs: null });
      rows.push({ operation: '  of which atomic write', database: database.label, stats: save.writeOnly, targetMs: null });
      rows.push({ operation: 'Save size', database: database.label, stats: null, value: mb(save.sizeBytes), targetMs: null, targetText: subscribers === 2000 ? '≈ 17 MB' : '—' });
      rows.push(...(await benchDomain(database, subscribers, workDir, runs)));
      rows.push(...(await benchNative(database, runs, (line) => console.log(line))));
      rows.push(...(await benchReports(database, Math.max(3, Math.round(runs / 2)))));
    }
    rows.push(...(await benchSepa(Math.max(5, Math.round(runs / 3)))));
    rows.push(...(await benchImport(Math.max(3, Math.round(runs / 10)))));
    rows.push(...(await benchPortalExport(3)));
    rows.push(...(await benchPortalRequests(3)));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  // The load average tells whether other work shared the CPUs (a busy machine inflates every figure).
  const load = os.loadavg()[0]!.toFixed(1);
  console.log(`\nPaniers bench: Node ${process.version}, ${os.cpus().length} CPU, ${os.platform()}, load average ${load}.`);
  console.log('Medians decide; p95 shows the spread. MB = 1024² bytes, as Windows shows file sizes.\n');
  console.log(formatTable(rows));
  const slow = rows.filter((row) => verdict(row) === 'TROP LENT');
  if (slow.length > 0) {
    console.log(`\n${slow.length} operation(s) over target.`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { sizes: { type: 'string', default: '2000,10000' }, runs: { type: 'string', default: '30' } },
  });
  if (positionals[0] === 'crash') return runCrash(positionals[1]);
  if (positionals.length > 0) throw new Error(`Unknown bench command "${positionals[0]}". Use: npm run bench [-- crash [N]] [--sizes 2000,10000] [--runs 30]`);
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
    throw new Error('--sizes takes subscriber counts separated by commas, --runs a positive integer.');
  }
  await runBench(sizes, runs);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
