import path from 'node:path';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry, IntegrityError, loadSqlite, NotFoundError } from '../../../core';
import { openSession, type Session } from '../../../electron/session';
import { parseBackupName } from '../../../electron/storage/backups';
import { DatabaseFile } from '../../../electron/storage/database-file';
import { truncatedBytes } from '../../support/storage-corpus';
import { crashSeqInsert, crashSeqMax, readSeqs } from '../../support/storage-crash-seq';
import { collectingLog, makeTempDir, sha256File, steppingClock } from '../../support/storage-files';

let dir: string;
let cleanup: () => Promise<void>;
const sessions: Session[] = [];
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await cleanup();
});

const HOUR = 60 * 60 * 1000;

async function open(file: string, mode: 'open' | 'create', clock = steppingClock('2026-12-04T09:30:00.000Z')) {
  const registry = createRegistry();
  registry.add(crashSeqInsert);
  registry.add(crashSeqMax);
  const session = await openSession({ file, mode, clock, registry, log: collectingLog().log });
  sessions.push(session);
  return { session, clock, call: (name: string, input: unknown = {}) => session.backend.call(name, input) };
}

describe('backups', () => {
  it('are taken on open, named by date and reason, in a folder beside the database', async () => {
    const file = path.join(dir, 'asso.paniers');
    const { call } = await open(file, 'create');
    const list = (await call('backup-list')) as Array<{ id: string; reason: string; createdAt: string; sizeBytes: number }>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reason: 'open', createdAt: '2026-12-04T09:30:00.000Z' });
    expect(list[0]!.id).toMatch(/^asso-\d{8}-\d{6}-open\.paniers$/);
    expect(await readdir(path.join(dir, 'asso-sauvegardes'))).toEqual([list[0]!.id]);
    expect(parseBackupName('asso', list[0]!.id)?.createdAt.toISOString()).toBe('2026-12-04T09:30:00.000Z');
  });

  it('adds a daily backup on the first save after 24 hours', async () => {
    const file = path.join(dir, 'asso.paniers');
    const { call, clock, session } = await open(file, 'create');
    await call('crash-seq-insert', { seq: 1 });
    clock.advance(25 * HOUR);
    await call('crash-seq-insert', { seq: 2 });
    await session.backups.idle(); // the daily backup is written after the acknowledgement
    const daily = (await session.backups.list()).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(1);
    const sqlite = await loadSqlite();
    const image = await DatabaseFile.open(daily[0]!.path, { mode: 'open', sqlite, clock, readOnly: true });
    expect(readSeqs(image.db).max).toBe(2);
    await image.close();
  });

  it('restore keeps the current file aside, replaces the file, and the backend sees the restored data', async () => {
    const file = path.join(dir, 'asso.paniers');
    const { call, clock } = await open(file, 'create');
    await call('crash-seq-insert', { seq: 1 });
    clock.advance(HOUR);
    const backup = (await call('backup-create')) as { id: string; reason: string };
    expect(backup.reason).toBe('manual');
    clock.advance(HOUR);
    await call('crash-seq-insert', { seq: 2 });
    await call('crash-seq-insert', { seq: 3 });

    clock.advance(HOUR);
    expect(await call('backup-restore', { id: backup.id })).toEqual({ restored: backup.id });

    expect(await call('crash-seq-max')).toBe(1);
    const sqlite = await loadSqlite();
    const onDisk = await DatabaseFile.open(file, { mode: 'open', sqlite, clock, readOnly: true });
    expect(readSeqs(onDisk.db)).toEqual({ max: 1, count: 1 });
    await onDisk.close();
    const list = (await call('backup-list')) as Array<{ id: string; reason: string }>;
    const aside = list.find((b) => b.reason === 'before-restore');
    expect(aside).toBeDefined();
    const asideFile = await DatabaseFile.open(path.join(dir, 'asso-sauvegardes', aside!.id), { mode: 'open', sqlite, clock, readOnly: true });
    expect(readSeqs(asideFile.db).max).toBe(3);
    await asideFile.close();
    // Saving goes on normally after the restore.
    await call('crash-seq-insert', { seq: 2 });
    expect(await call('crash-seq-max')).toBe(2);
  });

  it('refuses to restore a backup that fails the checks, and changes nothing', async () => {
    const file = path.join(dir, 'asso.paniers');
    const { call, session } = await open(file, 'create');
    await call('crash-seq-insert', { seq: 1 });
    const good = await readFile(file);
    const damagedId = 'asso-20261203-120000-daily.paniers';
    await writeFile(path.join(session.backups.dir, damagedId), truncatedBytes(new Uint8Array(good)));
    const before = await sha256File(file);
    const backupsBefore = (await session.backups.list()).length;

    const failure = call('backup-restore', { id: damagedId });
    await expect(failure).rejects.toBeInstanceOf(IntegrityError);
    await expect(failure).rejects.toThrow(/La sauvegarde « asso-20261203-120000-daily\.paniers » ne peut pas être restaurée : .*endommagée/);
    expect(await sha256File(file)).toBe(before);
    expect(await session.backups.list()).toHaveLength(backupsBefore);
    expect(await call('crash-seq-max')).toBe(1);
  });

  it('answers an unknown backup with a French not-found error', async () => {
    const { call } = await open(path.join(dir, 'asso.paniers'), 'create');
    await expect(call('backup-restore', { id: '../../etc/passwd' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(call('backup-restore', { id: 'asso-20261204-093000-open.paniers.absent' })).rejects.toThrow(/introuvable/);
  });

  it('refuses to restore in read-only mode', async () => {
    const file = path.join(dir, 'asso.paniers');
    const first = await open(file, 'create');
    const id = ((await first.call('backup-list')) as Array<{ id: string }>)[0]!.id;
    const second = await open(file, 'open');
    await expect(second.call('backup-restore', { id })).rejects.toThrow(/lecture seule/);
  });
});

describe('orphan temp files', () => {
  it('are removed on open, only the ones of this database', async () => {
    const file = path.join(dir, 'asso.paniers');
    await (await open(file, 'create')).session.close();
    const names = ['.asso.paniers.tmp-999999-1', '.asso.paniers.owner.json.tmp-999999-2', '.autre.paniers.tmp-1-1', 'notes.txt'];
    for (const name of names) await writeFile(path.join(dir, name), 'x');
    await open(file, 'open');
    const left = await readdir(dir);
    expect(left).not.toContain('.asso.paniers.tmp-999999-1');
    expect(left).not.toContain('.asso.paniers.owner.json.tmp-999999-2');
    expect(left).toContain('.autre.paniers.tmp-1-1');
    expect(left).toContain('notes.txt');
  });

  it('are left alone by a read-only instance (they may belong to the live writer)', async () => {
    const file = path.join(dir, 'asso.paniers');
    await open(file, 'create');
    await writeFile(path.join(dir, '.asso.paniers.tmp-999999-1'), 'x');
    const second = await open(file, 'open');
    expect(second.session.readOnly).toBe(true);
    expect(await readdir(dir)).toContain('.asso.paniers.tmp-999999-1');
  });
});
