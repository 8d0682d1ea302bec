import { z } from 'zod';
import { NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { idField, WEEKDAY_LABELS } from '../validation/fields';
import { ROUND_LABELS, roundInput, type Round } from './depots';

interface RoundRow {
  id: number;
  code: string;
  name: string;
  weekday: number;
  colour: string;
  archived_at: string | null;
}

function roundDepots(db: Db, roundId: number): Round['depots'] {
  return db.all<{ id: number; name: string; position: number }>(
    `SELECT d.id, d.name, rd.position FROM round_depots rd JOIN depots d ON d.id = rd.depot_id
     WHERE rd.round_id = ? ORDER BY rd.position`,
    [roundId],
  );
}

function roundFromDb(db: Db, row: RoundRow): Round {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    weekday: row.weekday,
    colour: row.colour,
    archivedAt: row.archived_at,
    depots: roundDepots(db, row.id),
  };
}

export function getRound(db: Db, id: number): Round {
  const row = db.get<RoundRow>('SELECT * FROM rounds WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Tournée introuvable (n° ${id}).`);
  return roundFromDb(db, row);
}

function assertCodeFree(db: Db, code: string, exceptId: number | null): void {
  const clash = db.get('SELECT id FROM rounds WHERE lower(code) = lower(?) AND id IS NOT ?', [code, exceptId]);
  if (clash) throw ValidationError.field('code', `L’identifiant « ${code} » est déjà pris par une autre tournée.`);
}

/**
 * A depot may sit in two rounds on different days, never in two rounds of the same day: the
 * packing team would prepare its baskets twice.
 */
function assertNoSameDayClash(db: Db, roundId: number, weekday: number, depotIds: readonly number[]): void {
  if (depotIds.length === 0) return;
  const clashes = db.all<{ depot: string; round: string }>(
    `SELECT d.name AS depot, r.name AS round FROM round_depots rd
       JOIN rounds r ON r.id = rd.round_id JOIN depots d ON d.id = rd.depot_id
     WHERE r.weekday = ? AND r.id != ? AND r.archived_at IS NULL
       AND rd.depot_id IN (${depotIds.map(() => '?').join(', ')})`,
    [weekday, roundId, ...depotIds],
  );
  const first = clashes[0];
  if (first) {
    throw ValidationError.field(
      'depotIds',
      `Le dépôt ${first.depot} est déjà livré le ${WEEKDAY_LABELS[weekday]} par la tournée ${first.round}.`,
    );
  }
}

export const roundList = defineHandler({
  name: 'round-list',
  input: z.object({ includeArchived: z.boolean().default(false) }),
  mutates: false,
  run: ({ db }, { includeArchived }) =>
    db
      .all<RoundRow>(`SELECT * FROM rounds ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY weekday, code`)
      .map((row) => roundFromDb(db, row)),
});

export const roundCreate = defineHandler({
  name: 'round-create',
  input: roundInput,
  labels: ROUND_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    assertCodeFree(db, input.code, null);
    const { lastInsertRowid } = db.run('INSERT INTO rounds (code, name, weekday, colour) VALUES (?, ?, ?, ?)', [
      input.code,
      input.name,
      input.weekday,
      input.colour,
    ]);
    return getRound(db, lastInsertRowid);
  },
});

export const roundUpdate = defineHandler({
  name: 'round-update',
  input: roundInput.extend({ id: idField }),
  labels: ROUND_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    const round = getRound(db, input.id);
    assertCodeFree(db, input.code, input.id);
    assertNoSameDayClash(db, input.id, input.weekday, round.depots.map((d) => d.id));
    db.run('UPDATE rounds SET code = ?, name = ?, weekday = ?, colour = ? WHERE id = ?', [
      input.code,
      input.name,
      input.weekday,
      input.colour,
      input.id,
    ]);
    return getRound(db, input.id);
  },
});

/** Sets the round's depots in delivery order (what drag-and-drop or the arrows produce). */
export const roundSetDepots = defineHandler({
  name: 'round-set-depots',
  input: z.object({ id: idField, depotIds: z.array(idField).max(200) }),
  labels: { depotIds: 'Dépôts de la tournée' },
  mutates: true,
  run: ({ db }, { id, depotIds }) => {
    const round = getRound(db, id);
    if (new Set(depotIds).size !== depotIds.length) {
      throw ValidationError.field('depotIds', 'Un dépôt figure deux fois dans la tournée.');
    }
    for (const depotId of depotIds) {
      const depot = db.get<{ archived_at: string | null; name: string }>('SELECT name, archived_at FROM depots WHERE id = ?', [depotId]);
      if (!depot) throw ValidationError.field('depotIds', `Dépôt introuvable (n° ${depotId}).`);
      if (depot.archived_at) throw ValidationError.field('depotIds', `Le dépôt ${depot.name} est archivé.`);
    }
    assertNoSameDayClash(db, id, round.weekday, depotIds);
    db.run('DELETE FROM round_depots WHERE round_id = ?', [id]);
    db.withStatement('INSERT INTO round_depots (round_id, depot_id, position) VALUES (?, ?, ?)', (insert) => {
      depotIds.forEach((depotId, index) => insert.run([id, depotId, index + 1]));
    });
    return getRound(db, id);
  },
});

export const roundArchive = defineHandler({
  name: 'round-archive',
  input: z.object({ id: idField, archived: z.boolean() }),
  mutates: true,
  run: ({ db, clock }, { id, archived }) => {
    const round = getRound(db, id);
    if (!archived) assertNoSameDayClash(db, id, round.weekday, round.depots.map((d) => d.id));
    db.run('UPDATE rounds SET archived_at = ? WHERE id = ?', [archived ? clock.now().toISOString() : null, id]);
    return getRound(db, id);
  },
});
