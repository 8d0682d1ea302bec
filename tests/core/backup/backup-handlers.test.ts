import { describe, expect, it } from 'vitest';
import {
  Backend,
  ConflictError,
  createDatabase,
  createRegistry,
  fixedClock,
  loadSqlite,
  NotFoundError,
  type BackupInfo,
  type HostServices,
} from '../../../core';
import { createTestBackend } from '../../support/core';

/** An in-memory host: backups are records, a restore is remembered. */
function memoryHost() {
  const backups: BackupInfo[] = [{ id: 'asso-20261203-090000-open.paniers', createdAt: '2026-12-03T09:00:00.000Z', sizeBytes: 4096, reason: 'open' }];
  const restored: string[] = [];
  const host: HostServices = {
    describe: () => ({ file: '/données/asso.paniers', lastBackupAt: backups[0]?.createdAt ?? null }),
    listBackups: async () => [...backups],
    createBackup: async () => {
      const info: BackupInfo = { id: `asso-manual-${backups.length}.paniers`, createdAt: '2026-12-04T09:30:00.000Z', sizeBytes: 4096, reason: 'manual' };
      backups.unshift(info);
      return info;
    },
    restoreBackup: async (id) => {
      restored.push(id);
    },
  };
  return { host, backups, restored };
}

async function backendWith(host: HostServices, readOnly: { holder: string } | null = null) {
  const sqlite = await loadSqlite();
  const clock = fixedClock('2026-12-04T09:30:00.000Z');
  return new Backend({ db: createDatabase(sqlite, clock), sqlite, clock, registry: createRegistry(), randomId: () => 'id', host, readOnly });
}

describe('backup handlers', () => {
  it('are refused in French when the database has no file (no host)', async () => {
    const { backend } = await createTestBackend();
    for (const [name, input] of [['backup-list', {}], ['backup-create', {}], ['backup-restore', { id: 'x' }]] as const) {
      const call = backend.call(name, input);
      await expect(call).rejects.toBeInstanceOf(ConflictError);
      await expect(call).rejects.toThrow(/Les sauvegardes ne sont disponibles que pour une base enregistrée dans un fichier/);
    }
  });

  it('list and create through the host', async () => {
    const { host } = memoryHost();
    const backend = await backendWith(host);
    const created = (await backend.call('backup-create', {})) as BackupInfo;
    expect(created.reason).toBe('manual');
    expect(((await backend.call('backup-list', {})) as BackupInfo[]).map((b) => b.id)).toEqual([created.id, 'asso-20261203-090000-open.paniers']);
  });

  it('restore a known backup through the host', async () => {
    const { host, restored } = memoryHost();
    const backend = await backendWith(host);
    expect(await backend.call('backup-restore', { id: 'asso-20261203-090000-open.paniers' })).toEqual({ restored: 'asso-20261203-090000-open.paniers' });
    expect(restored).toEqual(['asso-20261203-090000-open.paniers']);
  });

  it('answer an unknown backup with a not-found error, without calling the host', async () => {
    const { host, restored } = memoryHost();
    const backend = await backendWith(host);
    const call = backend.call('backup-restore', { id: 'inconnue.paniers' });
    await expect(call).rejects.toBeInstanceOf(NotFoundError);
    await expect(call).rejects.toThrow('La sauvegarde « inconnue.paniers » est introuvable');
    expect(restored).toEqual([]);
  });

  it('refuse a restore in read-only mode and name the field when the id is missing', async () => {
    const { host, restored } = memoryHost();
    const readOnly = await backendWith(host, { holder: 'Marie (BUREAU-2, processus 1234)' });
    await expect(readOnly.call('backup-restore', { id: 'asso-20261203-090000-open.paniers' })).rejects.toThrow(/lecture seule/);
    expect(restored).toEqual([]);
    const writable = await backendWith(host);
    await expect(writable.call('backup-restore', { id: ' ' })).rejects.toMatchObject({
      type: 'validation',
      fields: { id: 'Choisissez la sauvegarde à restaurer.' },
    });
  });
});
