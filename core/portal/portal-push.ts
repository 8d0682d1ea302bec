import { z } from 'zod';
import '../api/zod-fr';
import { defineHandler } from '../api/handler';
import { NotFoundError } from '../api/errors';

/** How a successful push's status begins (the host writes it, the Portail screen reads it). */
export const PUSH_SUCCEEDED = 'Envoyé au portail';

export const portalPushRecordInput = z.object({
  exportId: z.number().int().positive(),
  /** True when the portal accepted the export (2xx). */
  ok: z.boolean(),
  /** The French status the host composed: shown as is on the Portail screen. */
  status: z.string().trim().min(1).max(500),
});

/**
 * Records the outcome of a push (the host sends over HTTPS; handlers cannot wait on the
 * network). A success sets `pushed_at`; a failure keeps the last successful instant and
 * replaces the status, so the office sees why the latest try failed.
 */
export const portalPushRecord = defineHandler({
  name: 'portal-push-record',
  input: portalPushRecordInput,
  mutates: true,
  labels: { exportId: 'Export', ok: 'Résultat', status: 'État de l’envoi' },
  run({ db, clock }, input) {
    const row = db.get<{ id: number }>("SELECT id FROM portal_exports WHERE id = ? AND status = 'written'", [input.exportId]);
    if (!row) throw new NotFoundError('Cet export n’a pas été écrit dans le dossier : exportez à nouveau, puis envoyez.');
    const now = clock.now().toISOString();
    if (input.ok) db.run('UPDATE portal_exports SET push_status = ?, pushed_at = ? WHERE id = ?', [input.status, now, input.exportId]);
    else db.run('UPDATE portal_exports SET push_status = ? WHERE id = ?', [input.status, input.exportId]);
    return { exportId: input.exportId, ok: input.ok, status: input.status, at: now };
  },
});
