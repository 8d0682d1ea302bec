/**
 * Kill-during-save loop (reliability-security.md §6.1): a child process saves in a loop and is
 * killed with SIGKILL at random moments; after each kill the file must open with every check,
 * hold every acknowledged mutation, and leave no temp file after the next open.
 * Used by tests/electron/storage/crash.test.ts (50 kills) and `npm run bench -- crash`
 * (1,000). Alone: `npx tsx scripts/bench/crash.ts 1000`.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { fixedClock, loadSqlite } from '../../core';
import { isAnyTempFile } from '../../electron/storage/atomic-write';
import { Backups } from '../../electron/storage/backups';
import { DatabaseFile } from '../../electron/storage/database-file';
import { readSeqs } from '../../tests/support/storage-crash-seq';

export interface CrashLoopOptions {
  kills: number;
  /** Working folder (created if missing); a fresh temp folder when omitted. */
  dir?: string;
  log?: (line: string) => void;
  /** Kill delay after the child is ready, drawn uniformly from [0, maxDelayMs]. */
  maxDelayMs?: number;
}

export interface CrashLoopResult {
  kills: number;
  /** Mutations the child acknowledged (durable) over all runs. */
  acknowledged: number;
  /** Kills after which the file failed an open check. */
  corruptFiles: number;
  /** Kills after which an acknowledged seq was missing (or a gap appeared). */
  lostAcknowledged: number;
  /** Temp files found before an open (kills that landed mid-write). */
  tempFilesBeforeOpen: number;
  /** Temp files still there after an open: must be 0. */
  orphanTempFilesAfterOpen: number;
  backupsChecked: number;
  badBackups: number;
  failures: string[];
  durationMs: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLOCK = fixedClock('2026-12-04T09:30:00.000Z');

/**
 * The child as one CommonJS bundle: starting it through tsx, or loading date-fns' locale index
 * unbundled, costs several times more per kill. sql.js stays external so it finds its wasm
 * beside its own file, hence the bundle lives under node_modules.
 */
async function buildChild(): Promise<string> {
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'paniers', `storage-crash-child-${process.pid}.cjs`);
  await build({
    entryPoints: [path.join(ROOT, 'tests/support/storage-crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['sql.js'],
    logLevel: 'silent',
  });
  return outfile;
}

interface ChildRun {
  lastAck: number;
  acks: number;
  ready: boolean;
  readOnly: boolean;
  exitCode: number | null;
  stderr: string;
}

/** Runs the child once and kills it `delay` ms after it is ready (or after start when `early`). */
function runChild(bundle: string, file: string, delayMs: number, early: boolean): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { lastAck: 0, acks: 0, ready: false, readOnly: false, exitCode: null, stderr: '' };
    let buffer = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (early) kill();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const [word, value] = buffer.slice(0, newline).split(' ');
        buffer = buffer.slice(newline + 1);
        if (word === 'ack') {
          run.lastAck = Number(value);
          run.acks += 1;
        } else if (word === 'ready') {
          run.ready = true;
          if (!early) kill();
        } else if (word === 'readonly') {
          run.readOnly = true;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (run.stderr += chunk));
    child.on('close', (code) => {
      run.exitCode = code;
      resolve(run);
    });
  });
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const maxDelayMs = options.maxDelayMs ?? 150;
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'paniers-crash-')));
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'crash.paniers');
  const sqlite = await loadSqlite();
  const bundle = await buildChild();
  const result: CrashLoopResult = {
    kills: 0,
    acknowledged: 0,
    corruptFiles: 0,
    lostAcknowledged: 0,
    tempFilesBeforeOpen: 0,
    orphanTempFilesAfterOpen: 0,
    backupsChecked: 0,
    badBackups: 0,
    failures: [],
    durationMs: 0,
  };
  const countTemps = async () => (await readdir(dir)).filter(isAnyTempFile).length;

  try {
    (await DatabaseFile.open(file, { mode: 'create', sqlite, clock: CLOCK })).db.close();
    let lastAck = 0;
    let attempts = 0;
    while (result.kills < options.kills) {
      if (++attempts > options.kills * 3 + 10) {
        result.failures.push('too many child runs failed: stopping');
        break;
      }
      // One kill in five lands anywhere from start-up on (lock, checks, the open backup).
      const early = Math.random() < 0.2;
      const run = await runChild(bundle, file, Math.random() * (early ? maxDelayMs * 3 : maxDelayMs), early);
      if (run.readOnly) {
        // The child died between taking the lock and naming itself: wait for the lock to go stale.
        log('lock still held by a killed child, waiting for it to go stale');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (run.exitCode !== null) {
        result.failures.push(`child exited by itself (code ${run.exitCode}): ${run.stderr.trim().slice(0, 500)}`);
        continue;
      }
      result.kills += 1;
      result.acknowledged += run.acks;
      if (run.lastAck > 0) lastAck = run.lastAck;
      result.tempFilesBeforeOpen += await countTemps();
      try {
        const opened = await DatabaseFile.open(file, { mode: 'open', sqlite, clock: CLOCK });
        const { max, count } = readSeqs(opened.db);
        opened.db.close();
        if (max < lastAck || count !== max) {
          result.lostAcknowledged += 1;
          result.failures.push(`kill ${result.kills}: acknowledged up to ${lastAck}, file holds ${count} rows up to ${max}`);
        }
      } catch (error) {
        result.corruptFiles += 1;
        result.failures.push(`kill ${result.kills}: ${(error as Error).message}`);
        break; // the children cannot open a refused file: the verdict is in
      }
      const left = await countTemps();
      result.orphanTempFilesAfterOpen += left;
      if (left > 0) result.failures.push(`kill ${result.kills}: ${left} temp file(s) left after open`);
      if (result.kills % 50 === 0) log(`${result.kills}/${options.kills} kills, ${result.acknowledged} acknowledged saves`);
    }
    const backups = new Backups({ dbPath: file, sqlite, clock: CLOCK });
    for (const entry of await backups.list()) {
      result.backupsChecked += 1;
      await backups.readVerified(entry.id).catch((error: Error) => {
        result.badBackups += 1;
        result.failures.push(`backup ${entry.id}: ${error.message}`);
      });
    }
  } finally {
    await rm(bundle, { force: true });
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
  result.durationMs = performance.now() - started;
  return result;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const kills = Number(process.argv[2] ?? 1000);
  runCrashLoop({ kills, log: (line) => console.log(line) }).then(
    (result) => {
      const { failures, ...figures } = result;
      console.table(figures);
      for (const failure of failures) console.error(failure);
      process.exitCode = result.corruptFiles + result.lostAcknowledged + result.orphanTempFilesAfterOpen + result.badBackups > 0 ? 1 : 0;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
