import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { searchTerms } from '../text/fold';
import { idField } from '../validation/fields';
import { SUBSCRIBER_STATUS_SQL, subscriberFromDb, subscriberToDb, type SubscriberRow } from './subscriber-rows';
import {
  PAYMENT_METHODS,
  SUBSCRIBER_LABELS,
  SUBSCRIBER_STATUSES,
  subscriberInput,
  type Subscriber,
  type SubscriberFields,
} from './subscribers';

export function getSubscriber(db: Db, id: number, today: IsoDate): Subscriber {
  const row = db.get<SubscriberRow>(`SELECT s.*, ${SUBSCRIBER_STATUS_SQL} AS status FROM subscribers s WHERE s.id = :id`, {
    ':id': id,
    ':today': today,
  });
  if (!row) throw new NotFoundError(`Adhérent introuvable (n° ${id}).`);
  return subscriberFromDb(row);
}

/**
 * `PAN-000123`, then `PAN-000123-2`… : unique, stable, and readable on a bank statement.
 * `taken` says whether a reference is in use (the import checks a set it holds in memory).
 */
export function generateRum(subscriberId: number, taken: (rum: string) => boolean): string {
  const base = `PAN-${String(subscriberId).padStart(6, '0')}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

function assertSubscriber(db: Db, input: SubscriberFields, exceptId: number | null): void {
  if (input.mandateRum !== '') {
    // `mandate_rum != ''` lets SQLite use the partial unique index instead of scanning every subscriber.
    const clash = db.get<{ last_name: string }>("SELECT last_name FROM subscribers WHERE mandate_rum = ? AND mandate_rum != '' AND id IS NOT ?", [
      input.mandateRum,
      exceptId,
    ]);
    if (clash) throw ValidationError.field('mandateRum', `Cette référence de mandat (RUM) est déjà celle de ${clash.last_name}.`);
  }
  if (input.membershipTypeId !== null && !db.get('SELECT 1 FROM membership_types WHERE id = ?', [input.membershipTypeId])) {
    throw ValidationError.field('membershipTypeId', 'Type de cotisation introuvable.');
  }
}

function save(db: Db, input: SubscriberFields, id: number | null, createdAt: string): number {
  const params = subscriberToDb(input);
  if (id === null) {
    const columns = [...Object.keys(params), ':created_at'];
    const { lastInsertRowid } = db.run(
      `INSERT INTO subscribers (${columns.map((c) => c.slice(1)).join(', ')}) VALUES (${columns.join(', ')})`,
      { ...params, ':created_at': createdAt },
    );
    id = lastInsertRowid;
  } else {
    db.run(`UPDATE subscribers SET ${Object.keys(params).map((c) => `${c.slice(1)} = ${c}`).join(', ')} WHERE id = :id`, { ...params, ':id': id });
  }
  if (input.paymentMethod === 'sepa' && input.mandateRum === '') {
    const rum = generateRum(id, (candidate) => db.get('SELECT 1 FROM subscribers WHERE mandate_rum = ?', [candidate]) !== undefined);
    db.run('UPDATE subscribers SET mandate_rum = ?, search_text = search_text || ? WHERE id = ?', [rum, ` ${rum.toLowerCase()}`, id]);
  }
  return id;
}

export const subscriberCreate = defineHandler({
  name: 'subscriber-create',
  input: subscriberInput,
  labels: SUBSCRIBER_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    assertSubscriber(db, input, null);
    const id = save(db, input, null, clock.now().toISOString());
    return getSubscriber(db, id, clock.today());
  },
});

/**
 * The checks and the write of `subscriber-update`, without reading the record back: the
 * portal import (issue 9) validates with the handler's input and needs nothing returned.
 */
export function updateSubscriber(db: Db, input: SubscriberFields & { id: number }): void {
  // Only what the rules need; the computed status (several subqueries) is not one of them.
  const current = db.get<{ archived_at: string | null; created_at: string }>('SELECT archived_at, created_at FROM subscribers WHERE id = ?', [input.id]);
  if (!current) throw new NotFoundError(`Adhérent introuvable (n° ${input.id}).`);
  if (current.archived_at) throw new ConflictError('Cette fiche est archivée : réactivez-la avant de la modifier.');
  assertSubscriber(db, input, input.id);
  save(db, input, input.id, current.created_at);
}

export const subscriberUpdate = defineHandler({
  name: 'subscriber-update',
  input: subscriberInput.and(z.object({ id: idField })),
  labels: SUBSCRIBER_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    updateSubscriber(db, input);
    return getSubscriber(db, input.id, clock.today());
  },
});

export const subscriberGet = defineHandler({
  name: 'subscriber-get',
  input: z.object({ id: idField }),
  mutates: false,
  run: ({ db, clock }, { id }) => getSubscriber(db, id, clock.today()),
});

function hasHistory(db: Db, id: number): boolean {
  const row = db.get<{ n: number }>(
    `SELECT (SELECT count(*) FROM subscriptions WHERE subscriber_id = :id) + (SELECT count(*) FROM deliveries WHERE subscriber_id = :id)
          + (SELECT count(*) FROM ledger_entries WHERE subscriber_id = :id) AS n`,
    { ':id': id },
  );
  return (row?.n ?? 0) > 0;
}

export const subscriberArchive = defineHandler({
  name: 'subscriber-archive',
  input: z.object({ id: idField, archived: z.boolean() }),
  mutates: true,
  run: ({ db, clock }, { id, archived }) => {
    const subscriber = getSubscriber(db, id, clock.today());
    if (archived && (subscriber.status === 'active' || subscriber.status === 'upcoming')) {
      throw new ConflictError('Cet adhérent a un abonnement en cours ou à venir : terminez-le avant d’archiver la fiche.');
    }
    db.run('UPDATE subscribers SET archived_at = ? WHERE id = ?', [archived ? clock.now().toISOString() : null, id]);
    return getSubscriber(db, id, clock.today());
  },
});

/** Only a record with no history may disappear (a typo, a duplicate); others are archived. */
export const subscriberDelete = defineHandler({
  name: 'subscriber-delete',
  input: z.object({ id: idField }),
  mutates: true,
  run: ({ db, clock }, { id }) => {
    getSubscriber(db, id, clock.today());
    if (hasHistory(db, id)) {
      throw new ConflictError('Cet adhérent a un historique (abonnements, livraisons ou règlements) : sa fiche ne peut être qu’archivée.');
    }
    db.run('DELETE FROM subscribers WHERE id = ?', [id]);
    return { id };
  },
});

export const SUBSCRIBER_SORTS = ['name', 'city', 'created', 'status'] as const;

const ORDER_BY: Record<(typeof SUBSCRIBER_SORTS)[number], string> = {
  name: 's.last_name COLLATE NOCASE, s.first_name COLLATE NOCASE',
  city: 's.city COLLATE NOCASE, s.last_name COLLATE NOCASE',
  created: 's.created_at DESC, s.id DESC',
  status: 'status, s.last_name COLLATE NOCASE',
};

export const subscriberListInput = z.object({
  query: z.string().max(200).default(''),
  depotId: idField.optional(),
  gardenId: idField.optional(),
  formulaId: idField.optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(SUBSCRIBER_SORTS).default('name'),
  limit: z.number().int().min(1).max(20_000).default(100),
  offset: z.number().int().min(0).default(0),
});

export interface SubscriberListRow {
  id: number;
  kind: 'person' | 'organisation';
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  city: string;
  paymentMethod: Subscriber['paymentMethod'];
  mandateRum: string;
  status: Subscriber['status'];
  archived: boolean;
  /** Depots and formulas of the subscriptions running today or later. */
  depots: string;
  formulas: string;
}

/**
 * The subscribers list: instant search over name, email, phones, town and RUM (accents and
 * case ignored; every word must match), filters, sorting, paging, and the total count.
 */
export const subscriberList = defineHandler({
  name: 'subscriber-list',
  input: subscriberListInput,
  mutates: false,
  run: ({ db, clock }, input) => {
    const params: Record<string, string | number> = { ':today': clock.today() };
    const where: string[] = [];
    if (!input.includeArchived) where.push('s.archived_at IS NULL');
    searchTerms(input.query).forEach((term, i) => {
      where.push(`s.search_text LIKE :q${i} ESCAPE '\\'`);
      params[`:q${i}`] = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    });
    if (input.paymentMethod) {
      where.push('s.payment_method = :method');
      params[':method'] = input.paymentMethod;
    }
    const current = 'v.subscriber_id = s.id AND (v.end_date IS NULL OR v.end_date >= :today)';
    if (input.depotId) {
      where.push(`EXISTS (SELECT 1 FROM subscriptions v WHERE ${current} AND v.depot_id = :depot)`);
      params[':depot'] = input.depotId;
    }
    if (input.gardenId) {
      where.push(`EXISTS (SELECT 1 FROM subscriptions v JOIN depots d ON d.id = v.depot_id WHERE ${current} AND d.garden_id = :garden)`);
      params[':garden'] = input.gardenId;
    }
    if (input.formulaId) {
      where.push(`EXISTS (SELECT 1 FROM subscriptions v WHERE ${current} AND v.formula_id = :formula)`);
      params[':formula'] = input.formulaId;
    }
    const filtered = `SELECT s.*, ${SUBSCRIBER_STATUS_SQL} AS status FROM subscribers s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const statusFilter = input.status ? 'WHERE status = :status' : '';
    if (input.status) params[':status'] = input.status;
    const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM (${filtered}) ${statusFilter}`, params)?.n ?? 0;
    const rows = db.all<SubscriberRow & { depots: string | null; formulas: string | null }>(
      `SELECT f.*,
         (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT d.name FROM subscriptions v JOIN depots d ON d.id = v.depot_id
            WHERE v.subscriber_id = f.id AND (v.end_date IS NULL OR v.end_date >= :today) ORDER BY d.name)) AS depots,
         (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT fo.name FROM subscriptions v JOIN formulas fo ON fo.id = v.formula_id
            WHERE v.subscriber_id = f.id AND (v.end_date IS NULL OR v.end_date >= :today) ORDER BY fo.name)) AS formulas
       FROM (${filtered}) f ${statusFilter}
       ORDER BY ${ORDER_BY[input.sort].replace(/\bs\./g, 'f.')} LIMIT :limit OFFSET :offset`,
      { ...params, ':limit': input.limit, ':offset': input.offset },
    );
    return {
      total,
      rows: rows.map(
        (row): SubscriberListRow => ({
          id: row.id,
          kind: row.kind,
          firstName: row.first_name,
          lastName: row.last_name,
          email: row.email,
          phone: row.phone,
          city: row.city,
          paymentMethod: row.payment_method,
          mandateRum: row.mandate_rum,
          status: row.status,
          archived: row.archived_at !== null,
          depots: row.depots ?? '',
          formulas: row.formulas ?? '',
        }),
      ),
    };
  },
});
