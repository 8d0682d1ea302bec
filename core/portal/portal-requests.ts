import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler, type HandlerContext } from '../api/handler';
import { loadStaticPlanData, type StaticPlanData } from '../deliveries/plan-data';
import { idField, requiredText, trimmed } from '../validation/fields';
import { portalIdIndex } from './portal-ids';
import { applyPortalRequest, isRuleRefusal, NO_OVERRIDE } from './request-apply';
import { parseRequestsFile, type RequestFileProblem } from './request-files';
import { listRequests, REQUEST_STATUSES, requestView, storedRequest, type PortalRequestView, type RequestStatus } from './request-rows';
import type { PortalRequest } from './request-schema';

export interface RequestsFileReport {
  name: string;
  /** Requests read from the file (0 when the file was refused). */
  requests: number;
  applied: number;
  waiting: number;
  duplicates: number;
  /** Empty when the file was read; otherwise why nothing of it was applied. */
  problems: RequestFileProblem[];
}

export interface RequestsImportResult {
  applied: number;
  waiting: number;
  /** Always 0 on import: only the office rejects, from the waiting list. */
  rejected: number;
  /** Requests whose id was already received (in an earlier import or earlier in this one): skipped. */
  duplicates: number;
  files: RequestsFileReport[];
}

const unknownSubscriber = (portalId: string) =>
  `Adhérent inconnu : l’identifiant portail ${portalId} ne correspond à aucun adhérent de ce fichier. Vérifiez qu’il vient de l’export de cette association ; sinon refusez la demande.`;

function storeRequest(ctx: HandlerContext, request: PortalRequest, subscriberId: number | null, status: RequestStatus, reason: string): void {
  const now = ctx.clock.now().toISOString();
  ctx.db.run(
    `INSERT INTO portal_requests (request_id, subscriber_ref, subscriber_id, type, requested_at, payload, received_at, status, reason, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [request.requestId, request.portalId, subscriberId, request.type, request.requestedAt, JSON.stringify(request), now, status, reason, status === 'waiting' ? null : now],
  );
}

/**
 * Reads the portal's requests files. Each file is all or nothing (a bad file is reported by
 * name and JSON path); each request is applied at most once, through the office's handlers,
 * each in its own savepoint so a refused request rolls back alone and waits with the
 * handler's French message (issue 9).
 */
export const portalRequestsImport = defineHandler({
  name: 'portal-requests-import',
  input: z.object({
    files: z
      .array(z.object({ name: requiredText(255, 'Nom de fichier manquant.'), content: z.string().max(50_000_000, 'Fichier trop gros (50 Mo au plus).') }))
      .min(1, 'Aucun fichier de demandes à importer.')
      .max(1000, 'Au plus 1 000 fichiers à la fois.'),
  }),
  labels: { files: 'Fichiers de demandes' },
  mutates: true,
  run: (ctx, { files }): RequestsImportResult => {
    const { db } = ctx;
    let index: Map<string, number> | null = null;
    // Request ids already received (earlier imports, then this one): one read, not one per request.
    let known: Set<string> | null = null;
    // The planner's settings (depots, formulas and prices, rounds, closures, holiday decisions):
    // no request changes them, so they are read once for the whole import, not once per basket.
    let staticData: StaticPlanData | null = null;
    const result: RequestsImportResult = { applied: 0, waiting: 0, rejected: 0, duplicates: 0, files: [] };
    for (const file of files) {
      const parsed = parseRequestsFile(file.content);
      const report: RequestsFileReport = { name: file.name, requests: 0, applied: 0, waiting: 0, duplicates: 0, problems: [] };
      result.files.push(report);
      if (!parsed.ok) {
        report.problems = parsed.problems;
        continue;
      }
      report.requests = parsed.requests.length;
      index ??= portalIdIndex(db);
      const settings = (staticData ??= loadStaticPlanData(db));
      known ??= new Set(db.all<{ request_id: string }>('SELECT request_id FROM portal_requests').map((r) => r.request_id));
      for (const request of parsed.requests) {
        if (known.has(request.requestId)) {
          report.duplicates++;
          continue;
        }
        known.add(request.requestId);
        const subscriberId = index.get(request.portalId) ?? null;
        let reason = subscriberId === null ? unknownSubscriber(request.portalId) : '';
        if (subscriberId !== null) {
          try {
            db.transaction(() => applyPortalRequest(ctx, request, subscriberId, NO_OVERRIDE, settings));
          } catch (error) {
            if (!isRuleRefusal(error)) throw error;
            reason = officeWording(error.message);
          }
        }
        storeRequest(ctx, request, subscriberId, reason === '' ? 'applied' : 'waiting', reason);
        if (reason === '') report.applied++;
        else report.waiting++;
      }
      result.applied += report.applied;
      result.waiting += report.waiting;
      result.duplicates += report.duplicates;
    }
    return result;
  },
});

export const portalRequestList = defineHandler({
  name: 'portal-request-list',
  input: z.object({
    status: z.enum(REQUEST_STATUSES).optional(),
    limit: z.number().int().min(1).max(20_000).default(1000),
  }),
  mutates: false,
  run: ({ db }, { status, limit }): PortalRequestView[] => listRequests(db, status ?? null, limit),
});

/**
 * The office's handlers speak to the office's own forms (« Cochez … »); on the Portail screen the
 * override is « Accepter ».
 */
function officeWording(message: string): string {
  return message.replace(' Cochez « Confirmer malgré le délai » pour l’annuler quand même.', ' « Accepter » l’annule quand même.');
}

function waitingRequest(ctx: HandlerContext, id: number) {
  const row = ctx.db.get<{ status: RequestStatus; payload: string; subscriber_id: number | null; subscriber_ref: string }>(
    'SELECT status, payload, subscriber_id, subscriber_ref FROM portal_requests WHERE id = ?',
    [id],
  );
  if (!row) throw new NotFoundError(`Demande du portail introuvable (n° ${id}).`);
  if (row.status !== 'waiting') {
    throw new ConflictError(`Cette demande est déjà ${row.status === 'applied' ? 'appliquée' : 'refusée'} : il n’y a plus rien à décider.`);
  }
  return row;
}

/**
 * Applies a waiting request with the overrides the office may give on its own screens: a
 * cancellation past the deadline, and (with a reason) a change to a full depot. What no
 * override allows (a week already validated, an unknown subscriber…) stays refused.
 */
export const portalRequestAccept = defineHandler({
  name: 'portal-request-accept',
  input: z.object({ id: idField, reason: trimmed(300).default('') }),
  labels: { id: 'Demande', reason: 'Raison du dépassement de capacité' },
  mutates: true,
  run: (ctx, { id, reason }): PortalRequestView => {
    const row = waitingRequest(ctx, id);
    const subscriberId = row.subscriber_id ?? portalIdIndex(ctx.db).get(row.subscriber_ref) ?? null;
    if (subscriberId === null) {
      throw new ConflictError(`${unknownSubscriber(row.subscriber_ref)} Elle ne peut pas être appliquée : refusez-la avec un motif.`);
    }
    try {
      applyPortalRequest(ctx, storedRequest(row.payload), subscriberId, { confirmLate: true, capacityOverrideReason: reason });
    } catch (error) {
      if (!isRuleRefusal(error)) throw error;
      if (error instanceof ValidationError && 'capacityOverrideReason' in error.fields) throw ValidationError.field('reason', error.message);
      throw new ConflictError(`${error.message} Le bureau ne peut pas passer outre : refusez la demande avec un motif.`);
    }
    ctx.db.run("UPDATE portal_requests SET status = 'applied', reason = ?, decided_at = ?, subscriber_id = ? WHERE id = ?", [
      reason,
      ctx.clock.now().toISOString(),
      subscriberId,
      id,
    ]);
    return requestView(ctx.db, id)!;
  },
});

/** Refuses a waiting request; the reason goes back to the portal in the next export (responses.json). */
export const portalRequestReject = defineHandler({
  name: 'portal-request-reject',
  input: z.object({ id: idField, reason: requiredText(300, 'Indiquez le motif du refus : le portail le transmettra à l’adhérent.') }),
  labels: { id: 'Demande', reason: 'Motif du refus' },
  mutates: true,
  run: (ctx, { id, reason }): PortalRequestView => {
    waitingRequest(ctx, id);
    ctx.db.run("UPDATE portal_requests SET status = 'rejected', reason = ?, decided_at = ? WHERE id = ?", [reason, ctx.clock.now().toISOString(), id]);
    return requestView(ctx.db, id)!;
  },
});
