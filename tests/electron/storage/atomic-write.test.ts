import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, isTempFileOf, writeFileAtomic } from '../../../electron/storage/atomic-write';
import { makeTempDir, sha256File } from '../../support/storage-files';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const bytes = (text: string) => new TextEncoder().encode(text);
const epermError = () => Object.assign(new Error('operation not permitted'), { code: 'EPERM' });

describe('writeFileAtomic', () => {
  it('replaces the content, leaves no temp file, and returns the identity of the new file', async () => {
    const target = path.join(dir, 'base.paniers');
    await writeFile(target, 'ancien contenu');
    const identity = await writeFileAtomic(target, bytes('nouveau contenu'));
    expect(await readFile(target, 'utf8')).toBe('nouveau contenu');
    expect(await readdir(dir)).toEqual(['base.paniers']);
    const info = await stat(target);
    expect(identity).toEqual({ size: info.size, mtimeMs: info.mtimeMs, ino: info.ino });
  });

  it('creates the target when it does not exist yet', async () => {
    const target = path.join(dir, 'neuve.paniers');
    await writeFileAtomic(target, bytes('abc'));
    expect(await readFile(target, 'utf8')).toBe('abc');
  });

  it('retries a rename refused with EPERM (Windows antivirus) and then succeeds', async () => {
    const target = path.join(dir, 'base.paniers');
    await writeFile(target, 'ancien');
    let calls = 0;
    const waits: number[] = [];
    await writeFileAtomic(target, bytes('nouveau'), {
      rename: async (from, to) => {
        calls += 1;
        if (calls <= 2) throw epermError();
        await rename(from, to);
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(calls).toBe(3);
    expect(waits).toEqual([20, 40]);
    expect(await readFile(target, 'utf8')).toBe('nouveau');
    expect(await readdir(dir)).toEqual(['base.paniers']);
  });

  it('gives up after a bounded number of EPERM, with a French message, target untouched and temp removed', async () => {
    const target = path.join(dir, 'base.paniers');
    await writeFile(target, 'ancien');
    const before = await sha256File(target);
    let calls = 0;
    const waits: number[] = [];
    const failure = writeFileAtomic(target, bytes('nouveau'), {
      rename: async () => {
        calls += 1;
        throw epermError();
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(failure).rejects.toBeInstanceOf(AtomicWriteError);
    await expect(failure).rejects.toThrow(/bloqué par un autre programme .* après 10 essais \(EPERM\)/);
    expect(calls).toBe(10);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2_500);
    expect(await sha256File(target)).toBe(before);
    expect(await readdir(dir)).toEqual(['base.paniers']);
  });

  it('does not retry other errors and never writes the target in place', async () => {
    const target = path.join(dir, 'base.paniers');
    await writeFile(target, 'ancien');
    let calls = 0;
    const failure = writeFileAtomic(target, bytes('nouveau'), {
      rename: async () => {
        calls += 1;
        throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      },
    });
    await expect(failure).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toBe(1);
    expect(await readFile(target, 'utf8')).toBe('ancien');
    expect(await readdir(dir)).toEqual(['base.paniers']);
  });
});

describe('temp file names', () => {
  it.each([
    ['.base.paniers.tmp-1234-1', true],
    ['.base.paniers.tmp-1-99', true],
    ['base.paniers.tmp-1-1', false],
    ['.base.paniers.tmp-x-1', false],
    ['.autre.paniers.tmp-1-1', false],
    ['.base.paniers.owner.json.tmp-1-1', false],
    ['.base.paniers.tmp-1-1.bak', false],
  ])('%s is a temp file of base.paniers: %s', (name, expected) => {
    expect(isTempFileOf('/data/base.paniers', name)).toBe(expected);
  });
});
