import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, loadSqlite, type SqlJsStatic } from '../../../core';
import { openSession } from '../../../electron/session';
import { Backups } from '../../../electron/storage/backups';
import { isRefusedDatabaseError } from '../../../electron/storage/database-file';
import { recoverFromBackup } from '../../../electron/storage/recovery';
import { truncatedBytes, goodDatabaseBytes } from '../../support/storage-corpus';
import { makeTempDir } from '../../support/storage-files';

const clock = fixedClock('2026-12-04T09:30:00.000Z');
let sqlite: SqlJsStatic;
let good: Uint8Array;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  sqlite = await loadSqlite();
  good = goodDatabaseBytes(sqlite, clock);
});
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

describe('recovering a refused database from its newest good backup', () => {
  it('puts the backup in place, keeps the damaged file aside untouched, and the base opens again', async () => {
    const file = path.join(dir, 'jardin.paniers');
    const backups = new Backups({ dbPath: file, sqlite, clock });
    const backup = await backups.create(good, 'daily');
    const damaged = truncatedBytes(good);
    await writeFile(file, damaged);

    const refused = await openSession({ file, mode: 'open', clock }).catch((error: unknown) => error);
    expect(isRefusedDatabaseError(refused)).toBe(true);
    expect((refused as { newestGoodBackup: { id: string } }).newestGoodBackup.id).toBe(backup.id);

    const { damagedCopy } = await recoverFromBackup({ dbPath: file, backupId: backup.id, sqlite, clock });
    expect(path.basename(damagedCopy!)).toBe('jardin-endommage-20261204-093000.paniers');
    expect(new Uint8Array(await readFile(damagedCopy!))).toEqual(damaged);
    const session = await openSession({ file, mode: 'open', clock });
    try {
      expect(session.readOnly).toBe(false);
      expect(await session.backend.call('organisation-get', {})).toBeTruthy();
    } finally {
      await session.close();
    }
  });

  it('refuses a backup that fails the checks and changes nothing', async () => {
    const file = path.join(dir, 'jardin.paniers');
    const backups = new Backups({ dbPath: file, sqlite, clock });
    const bad = await backups.create(truncatedBytes(good), 'daily');
    await writeFile(file, truncatedBytes(good));
    const before = await readdir(dir);
    await expect(recoverFromBackup({ dbPath: file, backupId: bad.id, sqlite, clock })).rejects.toThrow(/ne peut pas être restaurée/);
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses while another instance holds the base', async () => {
    const file = path.join(dir, 'jardin.paniers');
    await writeFile(file, good);
    const backup = await new Backups({ dbPath: file, sqlite, clock }).create(good, 'daily');
    const session = await openSession({ file, mode: 'open', clock });
    try {
      await expect(recoverFromBackup({ dbPath: file, backupId: backup.id, sqlite, clock })).rejects.toThrow(/utilise cette base/);
    } finally {
      await session.close();
    }
  });
});
