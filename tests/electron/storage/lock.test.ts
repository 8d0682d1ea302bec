import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../../../core';
import { openSession } from '../../../electron/session';
import { acquireLock, lockPathFor, ownerPathFor, type LockOwner } from '../../../electron/storage/lock';
import { crashSeqInsert } from '../../support/storage-crash-seq';
import { collectingLog, makeTempDir } from '../../support/storage-files';

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  file = path.join(dir, 'asso.paniers');
});
afterEach(() => cleanup());

async function fakeHolder(owner: LockOwner | null): Promise<void> {
  await mkdir(lockPathFor(file));
  if (owner) await writeFile(ownerPathFor(file), JSON.stringify(owner));
}

describe('database lock', () => {
  it('reports a live holder on another machine in French', async () => {
    await fakeHolder({ host: 'BUREAU-2', user: 'Marie', pid: 1234, startedAt: '2026-12-04T08:00:00.000Z' });
    const result = await acquireLock(file);
    expect(result).toMatchObject({ acquired: false, holderText: 'Marie (BUREAU-2, processus 1234)' });
  });

  it('falls back to “un autre poste” when the owner file is missing', async () => {
    await fakeHolder(null);
    expect(await acquireLock(file)).toMatchObject({ acquired: false, holderText: 'un autre poste' });
  });

  it('takes over the lock of a process of this machine that has died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await fakeHolder({ host: os.hostname(), user: 'ancien', pid: dead, startedAt: '2026-12-04T08:00:00.000Z' });
    const result = await acquireLock(file);
    expect(result.acquired).toBe(true);
    if (result.acquired) await result.lock.unlock();
  });

  it('writes who holds it, and removes both on unlock', async () => {
    const result = await acquireLock(file);
    if (!result.acquired) throw new Error('lock expected');
    const second = await acquireLock(file);
    expect(second).toMatchObject({ acquired: false, holder: { pid: process.pid, host: os.hostname() } });
    await result.lock.unlock();
    const third = await acquireLock(file);
    expect(third.acquired).toBe(true);
    if (third.acquired) await third.lock.unlock();
  });

  it('switches the session to read-only when the lock is taken away', async () => {
    const registry = createRegistry();
    registry.add(crashSeqInsert);
    const { log, messages } = collectingLog();
    const session = await openSession({ file, mode: 'create', registry, log, lockStaleMs: 2_000 });
    try {
      await session.backend.call('crash-seq-insert', { seq: 1 });
      await rm(lockPathFor(file), { recursive: true });
      await vi.waitFor(() => expect(session.readOnly).toBe(true), { timeout: 10_000, interval: 100 });
      expect(messages).toContain('database lock compromised, now read-only');
      await expect(session.backend.call('crash-seq-insert', { seq: 2 })).rejects.toThrow(/lecture seule : un autre programme \(le verrou du fichier a été perdu\)/);
    } finally {
      await session.close();
    }
  });
});

describe('database lock, folder problems', () => {
  it('says in French when the folder does not exist', async () => {
    await expect(acquireLock(path.join(dir, 'absent', 'asso.paniers'))).rejects.toThrow(/Le dossier .*absent est introuvable/);
  });
});
