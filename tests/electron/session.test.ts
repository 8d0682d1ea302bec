import os from 'node:os';
import path from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, createRegistry, defineHandler, loadSqlite, MIGRATIONS, SCHEMA_VERSION } from '../../core';
import { openSession, type Session } from '../../electron/session';
import { DatabaseFile } from '../../electron/storage/database-file';
import { goodDatabaseBytes } from '../support/storage-corpus';
import { crashSeqInsert, crashSeqMax, readSeqs } from '../support/storage-crash-seq';
import { collectingLog, makeTempDir, sha256File, steppingClock } from '../support/storage-files';

const pragmaGet = defineHandler({
  name: 'pragma-get',
  input: z.object({ name: z.enum(['foreign_keys', 'user_version']) }),
  mutates: false,
  run: ({ db }, { name }) => db.pragma<number>(name),
});

function testRegistry() {
  const registry = createRegistry();
  registry.add(crashSeqInsert);
  registry.add(crashSeqMax);
  registry.add(pragmaGet);
  return registry;
}

let dir: string;
let cleanup: () => Promise<void>;
const sessions: Session[] = [];
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await cleanup();
});

async function open(file: string, mode: 'open' | 'create' = 'open', clock = steppingClock('2026-12-04T09:30:00.000Z')) {
  const session = await openSession({ file, mode, clock, registry: testRegistry(), log: collectingLog().log });
  sessions.push(session);
  return session;
}

describe('a new database', () => {
  it('is created, saved durably, and reopens with every check', async () => {
    const file = path.join(dir, 'asso.paniers');
    const first = await open(file, 'create');
    await first.backend.call('crash-seq-insert', { seq: 1 });
    await first.close();
    const again = await open(file);
    expect(await again.backend.call('crash-seq-max', {})).toBe(1);
    expect(await again.backend.call('pragma-get', { name: 'user_version' })).toBe(SCHEMA_VERSION);
  });

  it('refuses to create over an existing file', async () => {
    const file = path.join(dir, 'asso.paniers');
    await writeFile(file, 'quelque chose');
    await expect(open(file, 'create')).rejects.toThrow(/existe déjà/);
    expect(await readFile(file, 'utf8')).toBe('quelque chose');
  });

  it('keeps foreign keys on after open, after a save and after a restore', async () => {
    const file = path.join(dir, 'asso.paniers');
    const session = await open(file, 'create');
    expect(await session.backend.call('pragma-get', { name: 'foreign_keys' })).toBe(1);
    await session.backend.call('crash-seq-insert', { seq: 1 });
    expect(await session.backend.call('pragma-get', { name: 'foreign_keys' })).toBe(1);
    const backup = (await session.backend.call('backup-create', {})) as { id: string };
    await session.backend.call('backup-restore', { id: backup.id });
    expect(await session.backend.call('pragma-get', { name: 'foreign_keys' })).toBe(1);
  });
});

describe('two instances on one file', () => {
  it('opens the second read-only, names the holder, refuses its mutations and loses no update', async () => {
    const file = path.join(dir, 'asso.paniers');
    const first = await open(file, 'create');
    for (let seq = 1; seq <= 5; seq++) await first.backend.call('crash-seq-insert', { seq });

    const second = await open(file);
    const holder = `${os.userInfo().username} (${os.hostname()}, processus ${process.pid})`;
    expect(second.readOnly).toBe(true);
    expect(second.lockHolder).toBe(holder);
    expect(await second.backend.call('app-status', {})).toMatchObject({ readOnly: true, lockHolder: holder });
    await expect(second.backend.call('crash-seq-insert', { seq: 6 })).rejects.toThrow(`lecture seule : ${holder} l’utilise déjà`);
    await expect(second.backend.call('backup-create', {})).rejects.toBeInstanceOf(ConflictError);

    for (let seq = 6; seq <= 10; seq++) await first.backend.call('crash-seq-insert', { seq });
    await first.close();
    await second.close();

    const third = await open(file);
    expect(third.readOnly).toBe(false);
    expect(await third.backend.call('crash-seq-max', {})).toBe(10);
    await third.backend.call('crash-seq-insert', { seq: 11 });
    await third.close();
    const reread = await DatabaseFile.open(file, { mode: 'open', sqlite: await loadSqlite(), clock: steppingClock('2026-12-04T10:00:00Z') });
    expect(readSeqs(reread.db)).toEqual({ max: 11, count: 11 });
    await reread.close();
  });

  it('leaves no lock or owner file after close', async () => {
    const file = path.join(dir, 'asso.paniers');
    const session = await open(file, 'create');
    expect(await readdir(dir)).toContain('asso.paniers.owner.json');
    await session.close();
    expect((await readdir(dir)).sort()).toEqual(['asso-sauvegardes', 'asso.paniers']);
  });
});

describe('a file changed behind our back', () => {
  it('refuses the save, keeps our version aside, and leaves the other version untouched', async () => {
    const file = path.join(dir, 'asso.paniers');
    const session = await open(file, 'create');
    await session.backend.call('crash-seq-insert', { seq: 1 });
    const sqlite = await loadSqlite();
    await writeFile(file, goodDatabaseBytes(sqlite, steppingClock('2026-12-04T09:00:00Z'), 'Autre poste'));
    const theirs = await sha256File(file);

    await expect(session.backend.call('crash-seq-insert', { seq: 2 })).rejects.toThrow(
      /a été modifié par un autre programme ou un autre poste .* mise de côté dans « asso-conflit-\d{8}-\d{6}\.paniers »/,
    );
    expect(await sha256File(file)).toBe(theirs);
    expect((await readdir(dir)).filter((name) => name.includes('-conflit-'))).toHaveLength(1);
    // What the UI sees never runs ahead of the disk: the refused row is rolled back in memory.
    expect(await session.backend.call('crash-seq-max', {})).toBe(1);
  });
});

describe('migrations at open', () => {
  it('backs up the untouched original, then saves the migrated file', async () => {
    const sqlite = await loadSqlite();
    // A Paniers file written before any migration existed (schema version 0).
    const old = new sqlite.Database();
    old.run('PRAGMA application_id = 1346457161');
    const original = old.export();
    old.close();
    const file = path.join(dir, 'ancienne.paniers');
    await writeFile(file, original);
    const before = await sha256File(file);

    const session = await open(file);
    expect(session.file.migrated).toEqual(MIGRATIONS.map((m) => m.id));
    const backups = await session.backups.list();
    const kept = backups.find((b) => b.reason === 'before-migration');
    expect(kept).toBeDefined();
    expect(await sha256File(kept!.path)).toBe(before);
    await session.close();
    const reread = await DatabaseFile.open(file, { mode: 'open', sqlite, clock: steppingClock('2026-12-04T10:00:00Z') });
    expect(reread.migrated).toEqual([]);
    expect(reread.db.pragma('user_version')).toBe(SCHEMA_VERSION);
    await reread.close();
  });
});
