import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromLocalDate, type Clock } from '../../core';

/** A fresh folder under the OS temp dir; `cleanup` removes it. */
export async function makeTempDir(prefix = 'paniers-storage-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** A clock the test moves forward by hand (backup names and rotation depend on the time). */
export function steppingClock(isoInstant: string): Clock & { advance(ms: number): void } {
  let time = new Date(isoInstant).getTime();
  return {
    now: () => new Date(time),
    today: () => fromLocalDate(new Date(time)),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** Collects what the storage layer logs instead of printing it during tests. */
export function collectingLog(): { log: (message: string, error?: unknown) => void; messages: string[] } {
  const messages: string[] = [];
  return { log: (message) => messages.push(message), messages };
}
