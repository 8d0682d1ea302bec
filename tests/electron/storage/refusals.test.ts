import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseFileError, fixedClock, loadSqlite, type SqlJsStatic } from '../../../core';
import { openSession } from '../../../electron/session';
import { Backups } from '../../../electron/storage/backups';
import { isRefusedDatabaseError, type RefusedDatabaseError } from '../../../electron/storage/database-file';
import {
  bitFlippedBytes,
  foreignSqliteBytes,
  goodDatabaseBytes,
  newerSchemaBytes,
  pngBytes,
  truncatedBytes,
} from '../../support/storage-corpus';
import { collectingLog, makeTempDir, sha256File } from '../../support/storage-files';

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

const corpus: Array<[string, () => Uint8Array, RegExp]> = [
  ['an empty file', () => new Uint8Array(), /Le fichier est vide/],
  ['100 bytes', () => new Uint8Array(randomBytes(100)), /trop petit \(100 octets\)/],
  ['a PNG renamed', () => pngBytes(), /pas une base SQLite/],
  ['another application’s SQLite file', () => foreignSqliteBytes(sqlite), /d’un autre logiciel/],
  ['a newer schema', () => newerSchemaBytes(good), /version plus récente de Paniers/],
  ['a truncated copy', () => truncatedBytes(good), /endommagée/],
  ['a bit-flipped copy', () => bitFlippedBytes(sqlite, good), /endommagée/],
];

async function refusal(file: string, backupDir?: string): Promise<RefusedDatabaseError> {
  const { log } = collectingLog();
  const error = await openSession({ file, mode: 'open', clock, backupDir, log }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseFileError);
  expect(isRefusedDatabaseError(error)).toBe(true);
  return error as RefusedDatabaseError;
}

describe('opening a bad file', () => {
  it.each(corpus)('refuses %s, leaves it byte-identical and offers the newest good backup', async (_label, make, message) => {
    const file = path.join(dir, 'base.paniers');
    await writeFile(file, make());
    const before = await sha256File(file);
    const backups = new Backups({ dbPath: file, sqlite, clock });
    const backup = await backups.create(good, 'daily');

    const error = await refusal(file);

    expect(error.type).toBe('integrity');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Le fichier n’a pas été modifié/);
    expect(error.message).toContain(backup.id);
    expect(error.newestGoodBackup?.id).toBe(backup.id);
    expect(await sha256File(file)).toBe(before);
    // Nothing written beside it: no temp file, no owner file, no lock left behind.
    expect((await readdir(dir)).sort()).toEqual(['base-sauvegardes', 'base.paniers']);
  });

  it.each(corpus)('refuses %s and says so when no good backup exists', async (_label, make) => {
    const file = path.join(dir, 'base.paniers');
    await writeFile(file, make());
    const before = await sha256File(file);
    const backupDir = path.join(dir, 'sauvegardes');
    const backups = new Backups({ dbPath: file, dir: backupDir, sqlite, clock });
    await backups.create(truncatedBytes(good), 'daily'); // a damaged backup is never offered

    const error = await refusal(file, backupDir);

    expect(error.newestGoodBackup).toBeNull();
    expect(error.message).toMatch(/Aucune sauvegarde valide/);
    expect(await sha256File(file)).toBe(before);
  });

  it('offers the newest backup that passes the checks, skipping newer damaged ones', async () => {
    const file = path.join(dir, 'base.paniers');
    await writeFile(file, new Uint8Array());
    const older = new Backups({ dbPath: file, sqlite, clock: fixedClock('2026-12-01T08:00:00Z') });
    const newer = new Backups({ dbPath: file, sqlite, clock: fixedClock('2026-12-03T08:00:00Z') });
    const goodOne = await older.create(good, 'open');
    await newer.create(bitFlippedBytes(sqlite, good), 'open');

    expect((await refusal(file)).newestGoodBackup?.id).toBe(goodOne.id);
  });
});
