import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler, type HandlerContext } from '../api/handler';
import { formatDateFr, fromLocalDate, type IsoDate } from '../dates/dates';
import { assertChainExists } from '../subscriptions/subscription-store';
import { idField, isoDateField, trimmed } from '../validation/fields';
import { cancellationDeadline, readDeliverySettings } from './delivery-settings';
import { planDeliveries } from './plan';
import type { StaticPlanData } from './plan-data';

export const cancellationInput = z.object({
  chainId: idField,
  fromDate: isoDateField('Date de début invalide.'),
  toDate: isoDateField('Date de fin invalide.'),
  reason: trimmed(300),
  /** The office confirms a cancellation past the deadline. */
  confirmLate: z.boolean().default(false),
});

export type CancellationInput = z.output<typeof cancellationInput>;

export interface CancellationResult {
  id: number;
  cancelledBaskets: number;
  dates: IsoDate[];
}

const LABELS = { chainId: 'Abonnement', fromDate: 'Absent du', toDate: 'Au', reason: 'Motif', confirmLate: 'Confirmer malgré le délai' };

function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')} h ${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * The rules and the write of `cancellation-create`, for a bulk caller (the portal import) that
 * has validated `input` with `cancellationInput` and may pass the settings it read once.
 */
export function createCancellation({ db, clock }: Pick<HandlerContext, 'db' | 'clock'>, input: CancellationInput, staticData?: StaticPlanData): CancellationResult {
  if (input.toDate < input.fromDate) throw ValidationError.field('toDate', 'La fin de l’absence précède son début.');
  assertChainExists(db, input.chainId);
  const baskets = planDeliveries(db, { from: input.fromDate, to: input.toDate, chainIds: [input.chainId], staticData });
  const due = baskets.filter((b) => b.status === 'expected');
  if (due.length === 0) {
    const closed = baskets.find((b) => b.status === 'closure');
    throw ValidationError.field(
      'fromDate',
      closed
        ? `Aucun panier à annuler : le ${formatDateFr(closed.date)} est une fermeture (${closed.reason}).`
        : 'Aucun panier n’est prévu pour cet abonnement sur ces dates.',
    );
  }
  const recorded = db.get<{ last: string | null }>('SELECT max(delivery_date) AS last FROM delivery_days WHERE delivery_date BETWEEN ? AND ?', [
    input.fromDate,
    input.toDate,
  ]);
  if (recorded?.last) throw ValidationError.field('fromDate', `La semaine du ${formatDateFr(recorded.last as IsoDate)} est déjà validée : corrigez la livraison à la place.`);
  const settings = readDeliverySettings(db);
  const now = clock.now();
  const late = due.find((b) => cancellationDeadline(b.date, settings) < now);
  if (late && !input.confirmLate) {
    const deadline = cancellationDeadline(late.date, settings);
    throw ValidationError.field(
      'confirmLate',
      `Le délai d’annulation du panier du ${formatDateFr(late.date)} est dépassé (limite : ${formatDateFr(fromLocalDate(deadline))} à ${formatTime(deadline)}). Cochez « Confirmer malgré le délai » pour l’annuler quand même.`,
    );
  }
  const { lastInsertRowid } = db.run(
    'INSERT INTO cancellations (chain_id, from_date, to_date, reason, late_override, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [input.chainId, input.fromDate, input.toDate, input.reason, late ? 1 : 0, now.toISOString()],
  );
  return { id: lastInsertRowid, cancelledBaskets: due.length, dates: due.map((b) => b.date) };
}

/**
 * « Absent du … au … »: cancels the baskets of a subscription in a range. Refused when no
 * basket is due then (closed, already cancelled), when a day is already recorded, or past
 * the deadline unless the office confirms.
 */
export const cancellationCreate = defineHandler({
  name: 'cancellation-create',
  input: cancellationInput,
  labels: LABELS,
  mutates: true,
  run: (ctx, input) => createCancellation(ctx, input),
});

/** Undoes a cancellation while none of its days is recorded (the week is not closed). */
export const cancellationDelete = defineHandler({
  name: 'cancellation-delete',
  input: z.object({ id: idField }),
  mutates: true,
  run: ({ db }, { id }) => {
    const row = db.get<{ chain_id: number; from_date: string; to_date: string }>('SELECT chain_id, from_date, to_date FROM cancellations WHERE id = ?', [id]);
    if (!row) throw new NotFoundError('Annulation introuvable.');
    const recorded = db.get<{ n: number }>('SELECT count(*) AS n FROM delivery_days WHERE delivery_date BETWEEN ? AND ?', [row.from_date, row.to_date]);
    if (recorded && recorded.n > 0) throw new ConflictError('Une semaine de cette absence est déjà validée : l’annulation ne peut plus être retirée.');
    db.run('DELETE FROM cancellations WHERE id = ?', [id]);
    return { id };
  },
});

export const cancellationListForSubscriber = defineHandler({
  name: 'cancellation-list-for-subscriber',
  input: z.object({ subscriberId: idField }),
  mutates: false,
  run: ({ db }, { subscriberId }) =>
    db.all<{ id: number; chainId: number; fromDate: string; toDate: string; reason: string; lateOverride: number; createdAt: string }>(
      `SELECT c.id, c.chain_id AS chainId, c.from_date AS fromDate, c.to_date AS toDate, c.reason, c.late_override AS lateOverride, c.created_at AS createdAt
       FROM cancellations c WHERE c.chain_id IN (SELECT chain_id FROM subscriptions WHERE subscriber_id = ?) ORDER BY c.from_date DESC`,
      [subscriberId],
    ),
});
