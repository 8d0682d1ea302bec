import { z } from 'zod';
import type { HostServices } from '../api/backend';
import { ConflictError, NotFoundError } from '../api/errors';
import { defineHandler } from '../api/handler';

function requireHost(host: HostServices | null): HostServices {
  if (!host) {
    throw new ConflictError(
      'Les sauvegardes ne sont disponibles que pour une base enregistrée dans un fichier : ouvrez ou créez une base sur le disque.',
    );
  }
  return host;
}

/** The backups of the open file, newest first. */
export const backupList = defineHandler({
  name: 'backup-list',
  input: z.object({}),
  mutates: false,
  run: ({ host }) => requireHost(host).listBackups(),
});

/**
 * A backup on demand. Declared as a read: the host writes the backup file durably itself,
 * and the database content does not change (no transaction, no save of the database).
 */
export const backupCreate = defineHandler({
  name: 'backup-create',
  input: z.object({}),
  mutates: false,
  run: ({ host }) => requireHost(host).createBackup(),
});

/** Replaces the database by a backup; the host keeps the current file aside first. */
export const backupRestore = defineHandler({
  name: 'backup-restore',
  input: z.object({ id: z.string().trim().min(1, 'Choisissez la sauvegarde à restaurer.') }),
  labels: { id: 'Sauvegarde' },
  mutates: false,
  run: async ({ host, status }, { id }) => {
    const services = requireHost(host);
    if (status().readOnly) {
      throw new ConflictError('Base ouverte en lecture seule : une sauvegarde ne peut pas être restaurée. Fermez Paniers sur l’autre poste, puis réessayez.');
    }
    const known = await services.listBackups();
    if (!known.some((backup) => backup.id === id)) {
      throw new NotFoundError(`La sauvegarde « ${id} » est introuvable : elle a peut-être été supprimée. Choisissez-en une dans la liste.`);
    }
    await services.restoreBackup(id);
    return { restored: id };
  },
});
