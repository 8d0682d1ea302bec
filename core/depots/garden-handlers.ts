import { z } from 'zod';
import { NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { idField } from '../validation/fields';
import { gardenFromDb, type GardenRow } from './depot-rows';
import { GARDEN_LABELS, gardenInput, type Garden } from './depots';

export function getGarden(db: Db, id: number): Garden {
  const row = db.get<GardenRow>('SELECT * FROM gardens WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Jardin introuvable (n° ${id}).`);
  return gardenFromDb(row);
}

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = db.get<{ id: number }>('SELECT id FROM gardens WHERE lower(name) = lower(?) AND id IS NOT ?', [name, exceptId]);
  if (clash) throw ValidationError.field('name', `Un jardin s’appelle déjà « ${name} ».`);
}

export const gardenList = defineHandler({
  name: 'garden-list',
  input: z.object({ includeArchived: z.boolean().default(false) }),
  mutates: false,
  run: ({ db }, { includeArchived }) =>
    db
      .all<GardenRow>(`SELECT * FROM gardens ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY name`)
      .map(gardenFromDb),
});

export const gardenCreate = defineHandler({
  name: 'garden-create',
  input: gardenInput,
  labels: GARDEN_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    assertNameFree(db, input.name, null);
    const { lastInsertRowid } = db.run('INSERT INTO gardens (name, address) VALUES (?, ?)', [input.name, input.address]);
    return getGarden(db, lastInsertRowid);
  },
});

export const gardenUpdate = defineHandler({
  name: 'garden-update',
  input: gardenInput.extend({ id: idField }),
  labels: GARDEN_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    getGarden(db, input.id);
    assertNameFree(db, input.name, input.id);
    db.run('UPDATE gardens SET name = ?, address = ? WHERE id = ?', [input.name, input.address, input.id]);
    return getGarden(db, input.id);
  },
});

export const gardenArchive = defineHandler({
  name: 'garden-archive',
  input: z.object({ id: idField, archived: z.boolean() }),
  mutates: true,
  run: ({ db, clock }, { id, archived }) => {
    getGarden(db, id);
    if (archived) {
      const active = db.all<{ name: string }>('SELECT name FROM depots WHERE garden_id = ? AND archived_at IS NULL ORDER BY name', [id]);
      if (active.length > 0) {
        throw new ValidationError(
          `Ce jardin sert encore ${active.length} dépôt(s) (${active.map((d) => d.name).join(', ')}) : archivez-les ou rattachez-les à un autre jardin d’abord.`,
        );
      }
    }
    db.run('UPDATE gardens SET archived_at = ? WHERE id = ?', [archived ? clock.now().toISOString() : null, id]);
    return getGarden(db, id);
  },
});
