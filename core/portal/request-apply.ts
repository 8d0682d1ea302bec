import type { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import type { HandlerContext, HandlerSpec } from '../api/handler';
import { parseInput } from '../api/zod-fr';
import type { Db } from '../db/database';
import { formatDateFr, type IsoDate } from '../dates/dates';
import { cancellationCreate, createCancellation } from '../deliveries/cancellation-handlers';
import type { StaticPlanData } from '../deliveries/plan-data';
import { subscriberUpdate, updateSubscriber } from '../subscribers/subscriber-handlers';
import { subscriberFromDb, type SubscriberRow } from '../subscribers/subscriber-rows';
import { subscriptionChange, subscriptionTemporaryChange } from '../subscriptions/subscription-handlers';
import { loadSubscription } from '../subscriptions/subscription-store';
import type { PortalRequest } from './request-schema';

/** What the office may add when it accepts a waiting request (the same overrides its own screens give). */
export interface RequestOverride {
  /** « Confirmer malgré le délai » of cancellation-create. */
  confirmLate: boolean;
  /** The reason that lets a subscription change go past a full depot's capacity. */
  capacityOverrideReason: string;
}

export const NO_OVERRIDE: RequestOverride = { confirmLate: false, capacityOverrideReason: '' };

/** The refusals of the office's rules: such a request waits for the office with this message. */
export function isRuleRefusal(error: unknown): error is ValidationError | ConflictError | NotFoundError {
  return error instanceof ValidationError || error instanceof ConflictError || error instanceof NotFoundError;
}

/**
 * Runs an office handler with its own input validation and French labels: a request from the
 * portal meets exactly the rules a request typed in the office meets (issue 9).
 */
function runHandler<In extends z.ZodType, Out>(ctx: HandlerContext, handler: HandlerSpec<string, In, Out>, raw: z.input<In>): Out {
  return handler.run(ctx, parseInput(handler.input, raw, handler.labels));
}

const fr = (day: string) => formatDateFr(day as IsoDate);

/** The chain a request is about: the one it names (if it is the subscriber's), else the only one running over the period. */
function pickChain(db: Db, subscriberId: number, named: number | undefined, from: string, to: string | null): number {
  if (named !== undefined) {
    if (!db.get('SELECT 1 FROM subscriptions WHERE chain_id = ? AND subscriber_id = ?', [named, subscriberId])) {
      throw new ValidationError(`L’abonnement n° ${named} n’est pas un abonnement de cet adhérent.`);
    }
    return named;
  }
  const chains = db.all<{ chain_id: number }>(
    `SELECT chain_id FROM subscriptions WHERE subscriber_id = ? GROUP BY chain_id
     HAVING min(start_date) <= ? AND max(coalesce(end_date, '9999-12-31')) >= ?`,
    [subscriberId, to ?? '9999-12-31', from],
  );
  const period = to === null ? `à partir du ${fr(from)}` : `du ${fr(from)} au ${fr(to)}`;
  if (chains.length === 0) throw new ValidationError(`Cet adhérent n’a pas d’abonnement en cours ${period}.`);
  if (chains.length > 1) {
    throw new ValidationError(`Cet adhérent a ${chains.length} abonnements ${period} : la demande ne dit pas lequel changer.`);
  }
  return chains[0]!.chain_id;
}

function portalReason(request: PortalRequest): string {
  return `Demande du portail ${request.requestId}`;
}

/** A request may name many dates: the office must see which one was refused. */
function withDate(error: unknown, date: string): unknown {
  const day = fr(date);
  if (!isRuleRefusal(error) || error.message.includes(day)) return error;
  const message = `Le ${day} : ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
  if (error instanceof ValidationError) return new ValidationError(message, error.fields);
  return error instanceof ConflictError ? new ConflictError(message) : new NotFoundError(message);
}

function alreadyCancelled(db: Db, chainId: number, day: string): boolean {
  return db.get('SELECT 1 FROM cancellations WHERE chain_id = ? AND from_date <= ? AND to_date >= ?', [chainId, day, day]) !== undefined;
}

/**
 * Cancels the subscriber's basket on each date through `cancellation-create`, for each
 * subscription running that day (or the one named): the date is done when one of them had
 * a basket (the others deliver on another day). A basket already cancelled is left as it
 * is: the wish already holds.
 */
function cancelDeliveries(
  ctx: HandlerContext,
  request: Extract<PortalRequest, { type: 'cancel_deliveries' }>,
  subscriberId: number,
  override: RequestOverride,
  staticData: StaticPlanData | undefined,
): void {
  const { db } = ctx;
  for (const date of [...new Set(request.dates)].sort()) {
    const chains = db
      .all<{ chain_id: number }>(
        `SELECT DISTINCT chain_id FROM subscriptions WHERE subscriber_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) AND (? IS NULL OR chain_id = ?)`,
        [subscriberId, date, date, request.subscriptionId ?? null, request.subscriptionId ?? null],
      )
      .map((r) => r.chain_id);
    if (chains.length === 0) throw ValidationError.field('dates', `Aucun panier n’est prévu le ${fr(date)} pour cet adhérent.`);
    const cancel = (chainId: number) => {
      try {
        // cancellation-create's own validation and rules, with the settings the import read once.
        const input = parseInput(
          cancellationCreate.input,
          { chainId, fromDate: date, toDate: date, reason: portalReason(request), confirmLate: override.confirmLate },
          cancellationCreate.labels,
        );
        createCancellation(ctx, input, staticData);
      } catch (error) {
        throw withDate(error, date);
      }
    };
    // Each chain in its own savepoint; whether a refused basket was in fact already cancelled
    // is asked only then, so the usual case costs no extra query.
    const refusals: Error[] = [];
    for (const chainId of chains) {
      try {
        db.transaction(() => cancel(chainId));
      } catch (error) {
        if (!isRuleRefusal(error)) throw error;
        if (alreadyCancelled(db, chainId, date)) continue;
        refusals.push(error);
      }
    }
    // With several subscriptions, a date is done when one of them had the basket.
    if (refusals.length === chains.length) throw refusals[0]!;
  }
}

function contactUpdate(ctx: HandlerContext, request: Extract<PortalRequest, { type: 'contact_update' }>, subscriberId: number): void {
  // The stored fields only: the status getSubscriber computes is not needed to rewrite them.
  const row = ctx.db.get<SubscriberRow>("SELECT s.*, 'none' AS status FROM subscribers s WHERE s.id = ?", [subscriberId]);
  if (!row) throw new NotFoundError(`Adhérent introuvable (n° ${subscriberId}).`);
  const { id: _id, status: _status, createdAt: _createdAt, archivedAt: _archivedAt, ...fields } = subscriberFromDb(row);
  const { requestId: _r, portalId: _p, requestedAt: _t, type: _type, ...changes } = request;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(defined).length === 0) throw new ValidationError('La demande ne contient aucune coordonnée à changer.');
  // subscriber-update's own validation and rules; the record it would read back is not needed.
  updateSubscriber(ctx.db, parseInput(subscriberUpdate.input, { ...fields, ...defined, id: subscriberId }, subscriberUpdate.labels));
}

/**
 * Applies one request through the office's handlers; throws their refusal (a French message)
 * when a rule says no. `staticData` (the planner's settings, read once by a bulk import that
 * changes none of them) spares each cancellation re-reading them.
 */
export function applyPortalRequest(ctx: HandlerContext, request: PortalRequest, subscriberId: number, override: RequestOverride, staticData?: StaticPlanData): void {
  switch (request.type) {
    case 'cancel_deliveries':
      return cancelDeliveries(ctx, request, subscriberId, override, staticData);
    case 'temporary_change': {
      const chainId = pickChain(ctx.db, subscriberId, request.subscriptionId, request.from, request.to);
      runHandler(ctx, subscriptionTemporaryChange, {
        chainId,
        fromDate: request.from,
        toDate: request.to,
        depotId: request.depotId ?? null,
        formulaId: request.formulaId ?? null,
        reason: portalReason(request),
      });
      return;
    }
    case 'permanent_change': {
      const chainId = pickChain(ctx.db, subscriberId, request.subscriptionId, request.from, null);
      const versions = loadSubscription(ctx.db, chainId, ctx.clock.today()).versions;
      // The terms not asked for stay those of the latest version, the one the change follows.
      const latest = versions[versions.length - 1]!;
      runHandler(ctx, subscriptionChange, {
        chainId,
        fromDate: request.from,
        formulaId: request.formulaId ?? latest.formulaId,
        depotId: request.depotId ?? latest.depotId,
        frequency: latest.frequency,
        quantity: latest.quantity,
        reason: portalReason(request),
        capacityOverrideReason: override.capacityOverrideReason,
      });
      return;
    }
    case 'contact_update':
      return contactUpdate(ctx, request, subscriberId);
  }
}
