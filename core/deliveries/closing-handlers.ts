import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, formatDateFr, type IsoDate } from '../dates/dates';
import { idField, isoDateField, requiredText } from '../validation/fields';
import { mondayOf, planDeliveries, type PlannedStatus } from './plan';

/** What a closed basket became. Only `delivered` and `not_collected` (if the setting says so) are billed. */
export const RECORD_STATUSES = ['delivered', 'not_collected', 'not_delivered', 'cancelled', 'closure', 'holiday_skipped'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  delivered: 'Livré',
  not_collected: 'Non retiré',
  not_delivered: 'Non livré',
  cancelled: 'Annulé',
  closure: 'Fermeture',
  holiday_skipped: 'Férié, pas de livraison',
};

const FROM_PLAN: Record<PlannedStatus, RecordStatus> = {
  expected: 'delivered',
  cancelled: 'cancelled',
  closure: 'closure',
  holiday_skipped: 'holiday_skipped',
};

function isClosed(db: Db, day: string): boolean {
  return db.get('SELECT 1 FROM delivery_days WHERE delivery_date = ?', [day]) !== undefined;
}

/** Freezes one day: every basket planned that day becomes a record, in one transaction. */
function closeDay(db: Db, day: IsoDate, now: string): number {
  const baskets = planDeliveries(db, { from: day, to: day });
  db.withStatement(
    `INSERT INTO deliveries (delivery_date, scheduled_date, subscription_id, subscriber_id, depot_id, formula_id, quantity,
       unit_price_cents, vat_rate_bp, status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (insert) => {
      for (const b of baskets) {
        insert.run([b.date, b.scheduledDate, b.versionId, b.subscriberId, b.depotId, b.formulaId, b.quantity, b.unitPriceCents ?? 0, b.vatRateBp, FROM_PLAN[b.status], b.reason]);
      }
    },
  );
  db.run('INSERT INTO delivery_days (delivery_date, closed_at, baskets) VALUES (?, ?, ?)', [day, now, baskets.length]);
  return baskets.length;
}

/**
 * « Valider la semaine » (or one day): after delivery, the planned baskets become delivery
 * records, delivered by default. Closing twice is refused; a future day cannot be closed.
 */
export const deliveryClose = defineHandler({
  name: 'delivery-close',
  input: z.object({ day: isoDateField(), wholeWeek: z.boolean().default(false) }),
  labels: { day: 'Jour', wholeWeek: 'Toute la semaine' },
  mutates: true,
  run: ({ db, clock }, { day, wholeWeek }) => {
    const today = clock.today();
    const days = wholeWeek ? Array.from({ length: 7 }, (_, i) => addDays(mondayOf(day), i)).filter((d) => d <= today) : [day];
    if (days.length === 0 || days.some((d) => d > today)) {
      throw ValidationError.field('day', `On ne valide une livraison qu’une fois faite : le ${formatDateFr(day)} n’est pas encore passé.`);
    }
    const open = days.filter((d) => !isClosed(db, d));
    if (open.length === 0) throw new ConflictError(wholeWeek ? 'Cette semaine est déjà validée.' : `Le ${formatDateFr(day)} est déjà validé.`);
    const now = clock.now().toISOString();
    const records = open.reduce((n, d) => n + closeDay(db, d, now), 0);
    return { closedDays: open, records };
  },
});

/** Past delivery days with baskets that are not yet validated (the dashboard's to-do, the week screen's warning). */
export const deliveryOpenDays = defineHandler({
  name: 'delivery-open-days',
  input: z.object({ weeks: z.number().int().min(1).max(26).default(8) }),
  mutates: false,
  run: ({ db, clock }, { weeks }) => {
    const today = clock.today();
    const from = addDays(mondayOf(today), -7 * (weeks - 1));
    const closed = new Set(db.all<{ delivery_date: string }>('SELECT delivery_date FROM delivery_days WHERE delivery_date >= ?', [from]).map((r) => r.delivery_date));
    const counts = new Map<string, number>();
    for (const b of planDeliveries(db, { from, to: today, unsorted: true })) {
      if (!closed.has(b.date)) counts.set(b.date, (counts.get(b.date) ?? 0) + b.quantity);
    }
    return [...counts.entries()].sort().map(([date, baskets]) => ({ date, baskets }));
  },
});

export interface DeliveryRecord {
  id: number;
  date: string;
  subscriberId: number;
  subscriberName: string;
  depotName: string;
  formulaName: string;
  quantity: number;
  unitPriceCents: number;
  status: RecordStatus;
  note: string;
  corrections: { previousStatus: string; newStatus: string; reason: string; correctedBy: string; correctedAt: string }[];
}

/** The records of a closed day, with their correction trail. */
export const deliveryRecords = defineHandler({
  name: 'delivery-records',
  input: z.object({ day: isoDateField(), depotId: idField.optional() }),
  mutates: false,
  run: ({ db }, { day, depotId }): DeliveryRecord[] => {
    const rows = db.all<{ id: number; delivery_date: string; subscriber_id: number; name: string; depot: string; formula: string; quantity: number; unit_price_cents: number; status: RecordStatus; note: string }>(
      `SELECT r.id, r.delivery_date, r.subscriber_id, trim(s.first_name || ' ' || s.last_name) AS name, d.name AS depot, f.name AS formula,
              r.quantity, r.unit_price_cents, r.status, r.note
       FROM deliveries r JOIN subscribers s ON s.id = r.subscriber_id JOIN depots d ON d.id = r.depot_id JOIN formulas f ON f.id = r.formula_id
       WHERE r.delivery_date = :day ${depotId ? 'AND r.depot_id = :depot' : ''} ORDER BY d.name, s.last_name, s.first_name`,
      depotId ? { ':day': day, ':depot': depotId } : { ':day': day },
    );
    return rows.map((r) => ({
      id: r.id,
      date: r.delivery_date,
      subscriberId: r.subscriber_id,
      subscriberName: r.name,
      depotName: r.depot,
      formulaName: r.formula,
      quantity: r.quantity,
      unitPriceCents: r.unit_price_cents,
      status: r.status,
      note: r.note,
      corrections: db.all(
        `SELECT previous_status AS previousStatus, new_status AS newStatus, reason, corrected_by AS correctedBy, corrected_at AS correctedAt
         FROM delivery_corrections WHERE delivery_id = ? ORDER BY id`,
        [r.id],
      ),
    }));
  },
});

/**
 * Marks a closed basket « non retiré » or « non livré » (or back to delivered). Traced: who,
 * when, why. Invoiced records are corrected by a credit note instead (issue 6).
 */
export const deliveryCorrect = defineHandler({
  name: 'delivery-correct',
  input: z.object({
    id: idField,
    status: z.enum(['delivered', 'not_collected', 'not_delivered'], 'Choisissez : livré, non retiré ou non livré.'),
    reason: requiredText(300, 'Indiquez la raison de la correction.'),
    by: requiredText(100, 'Indiquez votre nom : la correction est tracée.'),
  }),
  labels: { status: 'Statut', reason: 'Raison', by: 'Corrigé par' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const record = db.get<{ status: RecordStatus }>('SELECT status FROM deliveries WHERE id = ?', [input.id]);
    if (!record) throw new NotFoundError('Livraison introuvable.');
    if (!['delivered', 'not_collected', 'not_delivered'].includes(record.status)) {
      throw new ValidationError(`Ce panier était « ${RECORD_STATUS_LABELS[record.status]} » : il n’y a pas de livraison à corriger.`);
    }
    if (record.status === input.status) throw ValidationError.field('status', 'Ce panier a déjà ce statut.');
    db.run('UPDATE deliveries SET status = ? WHERE id = ?', [input.status, input.id]);
    db.run('INSERT INTO delivery_corrections (delivery_id, previous_status, new_status, reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)', [
      input.id,
      record.status,
      input.status,
      input.reason,
      input.by,
      clock.now().toISOString(),
    ]);
    return { id: input.id, status: input.status };
  },
});
