import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs script, no type declarations
import { electronBinary } from '../../scripts/start.mjs';

/**
 * `npm start` where Electron's binary cannot be had (our build machines, offline offices):
 * one line, in French and English, pointing to `npm run web`, and exit code 1. The download
 * is aimed at a closed local port with an empty cache, so this never fetches anything.
 */
describe('npm start without the Electron binary', () => {
  it.skipIf(electronBinary() !== null)('says in one line to use npm run web, and exits 1', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'paniers-electron-cache-'));
    const run = promisify(execFile)(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache },
    });
    const failure = (await run.then(
      () => null,
      (error: unknown) => error,
    )) as { code: number; stdout: string; stderr: string } | null;
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    expect(failure!.stdout).toBe('');
    const lines = failure!.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron n’a pas pu être téléchargé.*npm run web.*\(Electron could not be downloaded.*npm run web/);
  });
});
