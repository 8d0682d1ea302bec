import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import { launchBrowser, type Browser } from './browser';
import { SCREENS_DIR } from './ui';

export interface E2eSession {
  dataDir: string;
  harness: HarnessProcess;
  browser: Browser;
}

/**
 * A fresh data folder, the web harness started on it with `args(dataDir)`, and Chromium: what
 * every end-to-end file starts with.
 */
export async function openE2e(name: string, args: (dataDir: string) => string[]): Promise<E2eSession> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `paniers-e2e-${name}-`));
  await mkdir(SCREENS_DIR, { recursive: true });
  const harness = await startHarnessProcess(args(dataDir));
  const browser = await launchBrowser();
  return { dataDir, harness, browser };
}

/** Closes what `openE2e` opened, whatever part of it was reached. */
export async function closeE2e(session: Partial<E2eSession>): Promise<void> {
  await session.browser?.close();
  await session.harness?.stop();
  if (session.dataDir) await rm(session.dataDir, { recursive: true, force: true });
}
