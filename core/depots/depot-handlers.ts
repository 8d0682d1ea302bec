import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { idField } from '../validation/fields';
import { DEPOT_SELECT, depotFromDb, depotToDb, type DepotRow } from './depot-rows';
import { DEPOT_LABELS, depotInput, type Depot } from './depots';

export function getDepot(db: Db, id: number): Depot {
  const row = db.get<DepotRow>(`${DEPOT_SELECT} WHERE d.id = ?`, [id]);
  if (!row) throw new NotFoundError(`Dépôt introuvable (n° ${id}).`);
  return depotFromDb(row);
}

function assertDepotInput(db: Db, input: z.output<typeof depotInput>, exceptId: number | null): void {
  const garden = db.get<{ archived_at: string | null }>('SELECT archived_at FROM gardens WHERE id = ?', [input.gardenId]);
  if (!garden) throw ValidationError.field('gardenId', 'Choisissez le jardin qui sert ce dépôt.');
  if (garden.archived_at) throw ValidationError.field('gardenId', 'Ce jardin est archivé : choisissez un jardin actif.');
  const clash = db.get<{ id: number }>(
    'SELECT id FROM depots WHERE lower(name) = lower(?) AND archived_at IS NULL AND id IS NOT ?',
    [input.name, exceptId],
  );
  if (clash) throw ValidationError.field('name', `Un dépôt actif s’appelle déjà « ${input.name} ».`);
}

/** Whether anything in the history points at the depot (then it can only be archived). */
function depotHasHistory(db: Db, id: number): boolean {
  const row = db.get<{ n: number }>(
    `SELECT (SELECT count(*) FROM subscriptions WHERE depot_id = :id)
          + (SELECT count(*) FROM deliveries WHERE depot_id = :id) AS n`,
    { ':id': id },
  );
  return (row?.n ?? 0) > 0;
}

export const depotList = defineHandler({
  name: 'depot-list',
  input: z.object({ includeArchived: z.boolean().default(false), gardenId: idField.optional() }),
  mutates: false,
  run: ({ db }, { includeArchived, gardenId }) => {
    const where = [includeArchived ? null : 'd.archived_at IS NULL', gardenId ? 'd.garden_id = :garden' : null].filter(Boolean);
    return db
      .all<DepotRow>(`${DEPOT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY g.name, d.name`, gardenId ? { ':garden': gardenId } : undefined)
      .map(depotFromDb);
  },
});

export const depotGet = defineHandler({
  name: 'depot-get',
  input: z.object({ id: idField }),
  mutates: false,
  run: ({ db }, { id }) => getDepot(db, id),
});

export const depotCreate = defineHandler({
  name: 'depot-create',
  input: depotInput,
  labels: DEPOT_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    assertDepotInput(db, input, null);
    const params = depotToDb(input);
    const columns = Object.keys(params).map((key) => key.slice(1));
    const { lastInsertRowid } = db.run(
      `INSERT INTO depots (${columns.join(', ')}) VALUES (${Object.keys(params).join(', ')})`,
      params,
    );
    return getDepot(db, lastInsertRowid);
  },
});

export const depotUpdate = defineHandler({
  name: 'depot-update',
  input: depotInput.extend({ id: idField }),
  labels: DEPOT_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    const current = getDepot(db, input.id);
    if (current.archivedAt) throw new ConflictError('Ce dépôt est archivé : réactivez-le avant de le modifier.');
    assertDepotInput(db, input, input.id);
    const params = depotToDb(input);
    const sets = Object.keys(params).map((key) => `${key.slice(1)} = ${key}`);
    db.run(`UPDATE depots SET ${sets.join(', ')} WHERE id = :id`, { ...params, ':id': input.id });
    return getDepot(db, input.id);
  },
});

export const depotArchive = defineHandler({
  name: 'depot-archive',
  input: z.object({ id: idField, archived: z.boolean() }),
  mutates: true,
  run: ({ db, clock }, { id, archived }) => {
    const depot = getDepot(db, id);
    if (archived) {
      const open = db.get<{ n: number }>(
        'SELECT count(*) AS n FROM subscriptions WHERE depot_id = ? AND (end_date IS NULL OR end_date >= ?)',
        [id, clock.today()],
      );
      if (open && open.n > 0) {
        throw new ValidationError(`Le dépôt ${depot.name} a encore ${open.n} abonnement(s) en cours : déplacez-les ou terminez-les avant de l’archiver.`);
      }
    } else {
      assertDepotInput(db, { ...depot, capacity: depot.capacity }, id);
    }
    db.run('UPDATE depots SET archived_at = ? WHERE id = ?', [archived ? clock.now().toISOString() : null, id]);
    if (archived) db.run('DELETE FROM round_depots WHERE depot_id = ?', [id]);
    return getDepot(db, id);
  },
});

export const depotDelete = defineHandler({
  name: 'depot-delete',
  input: z.object({ id: idField }),
  mutates: true,
  run: ({ db }, { id }) => {
    const depot = getDepot(db, id);
    if (depotHasHistory(db, id)) {
      throw new ConflictError(`Le dépôt ${depot.name} a un historique (abonnements ou livraisons) : il ne peut être qu’archivé.`);
    }
    db.run('DELETE FROM round_depots WHERE depot_id = ?', [id]);
    db.run('DELETE FROM depots WHERE id = ?', [id]);
    return { id };
  },
});
