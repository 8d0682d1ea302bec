import { z } from 'zod';
import { NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { cents, type Cents } from '../money/money';
import { centsField, idField, requiredText } from '../validation/fields';
import type { MembershipSettings } from './membership-period';

export interface MembershipType {
  id: number;
  label: string;
  amountCents: Cents;
  archivedAt: string | null;
}

interface MembershipTypeRow {
  id: number;
  label: string;
  amount_cents: number;
  archived_at: string | null;
}

const typeFromDb = (row: MembershipTypeRow): MembershipType => ({
  id: row.id,
  label: row.label,
  amountCents: cents(row.amount_cents),
  archivedAt: row.archived_at,
});

export function getMembershipType(db: Db, id: number): MembershipType {
  const row = db.get<MembershipTypeRow>('SELECT * FROM membership_types WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Type de cotisation introuvable (n° ${id}).`);
  return typeFromDb(row);
}

export function readMembershipSettings(db: Db): MembershipSettings {
  const row = db.get<{ period_start_month: number; period_start_day: number; pivot_month: number | null; pivot_day: number | null }>(
    'SELECT * FROM membership_settings WHERE id = 1',
  );
  if (!row) throw new Error('membership_settings row missing');
  return {
    periodStartMonth: row.period_start_month,
    periodStartDay: row.period_start_day,
    pivotMonth: row.pivot_month,
    pivotDay: row.pivot_day,
  };
}

const membershipTypeInput = z.object({
  label: requiredText(100, 'Indiquez le libellé de la cotisation (exemple : Cotisation solidaire).'),
  amountCents: centsField('Le montant de la cotisation est un montant positif.'),
});
const TYPE_LABELS = { label: 'Libellé', amountCents: 'Montant' };

export const membershipTypeList = defineHandler({
  name: 'membership-type-list',
  input: z.object({ includeArchived: z.boolean().default(false) }),
  mutates: false,
  run: ({ db }, { includeArchived }) =>
    db
      .all<MembershipTypeRow>(`SELECT * FROM membership_types ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY label`)
      .map(typeFromDb),
});

export const membershipTypeCreate = defineHandler({
  name: 'membership-type-create',
  input: membershipTypeInput,
  labels: TYPE_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    const { lastInsertRowid } = db.run('INSERT INTO membership_types (label, amount_cents) VALUES (?, ?)', [input.label, input.amountCents]);
    return getMembershipType(db, lastInsertRowid);
  },
});

export const membershipTypeUpdate = defineHandler({
  name: 'membership-type-update',
  input: membershipTypeInput.extend({ id: idField }),
  labels: TYPE_LABELS,
  mutates: true,
  run: ({ db }, input) => {
    getMembershipType(db, input.id);
    db.run('UPDATE membership_types SET label = ?, amount_cents = ? WHERE id = ?', [input.label, input.amountCents, input.id]);
    return getMembershipType(db, input.id);
  },
});

export const membershipTypeArchive = defineHandler({
  name: 'membership-type-archive',
  input: z.object({ id: idField, archived: z.boolean() }),
  mutates: true,
  run: ({ db, clock }, { id, archived }) => {
    getMembershipType(db, id);
    db.run('UPDATE membership_types SET archived_at = ? WHERE id = ?', [archived ? clock.now().toISOString() : null, id]);
    return getMembershipType(db, id);
  },
});

export const membershipSettingsGet = defineHandler({
  name: 'membership-settings-get',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => readMembershipSettings(db),
});

const monthField = z.number().int().min(1, 'Mois entre 1 et 12.').max(12, 'Mois entre 1 et 12.');

export const membershipSettingsUpdate = defineHandler({
  name: 'membership-settings-update',
  input: z.object({
    periodStartMonth: monthField,
    // Up to the 28th so that the period starts on the same day every year.
    periodStartDay: z.number().int().min(1, 'Jour entre 1 et 28.').max(28, 'Jour entre 1 et 28.'),
    pivotMonth: monthField.nullable(),
    pivotDay: z.number().int().min(1, 'Jour entre 1 et 31.').max(31, 'Jour entre 1 et 31.').nullable(),
  }),
  labels: {
    periodStartMonth: 'Mois de début de période',
    periodStartDay: 'Jour de début de période',
    pivotMonth: 'Mois de bascule',
    pivotDay: 'Jour de bascule',
  },
  mutates: true,
  run: ({ db }, input) => {
    if ((input.pivotMonth === null) !== (input.pivotDay === null)) {
      throw ValidationError.field('pivotDay', 'Indiquez le jour et le mois de bascule, ou aucun des deux.');
    }
    db.run('UPDATE membership_settings SET period_start_month = ?, period_start_day = ?, pivot_month = ?, pivot_day = ? WHERE id = 1', [
      input.periodStartMonth,
      input.periodStartDay,
      input.pivotMonth,
      input.pivotDay,
    ]);
    return readMembershipSettings(db);
  },
});
