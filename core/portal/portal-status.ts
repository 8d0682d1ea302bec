import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { PortalManifest } from './portal-schema';

interface ExportRow {
  id: number;
  sequence: number;
  kind: 'full' | 'incremental';
  prepared_at: string;
  written_at: string | null;
  manifest: string;
  pushed_at: string | null;
  push_status: string;
}

/** The Portail screen's header: last export written, one prepared but not written, requests waiting, last push. */
export const portalStatus = defineHandler({
  name: 'portal-status',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => {
    const written = db.get<ExportRow>("SELECT * FROM portal_exports WHERE status = 'written' ORDER BY sequence DESC LIMIT 1");
    const prepared = db.get<ExportRow>("SELECT * FROM portal_exports WHERE status = 'prepared' ORDER BY id DESC LIMIT 1");
    const pushed = db.get<ExportRow>("SELECT * FROM portal_exports WHERE pushed_at IS NOT NULL OR push_status != '' ORDER BY sequence DESC, id DESC LIMIT 1");
    const waiting = db.get<{ n: number }>("SELECT count(*) AS n FROM portal_requests WHERE status = 'waiting'")?.n ?? 0;
    return {
      lastWritten: written
        ? { exportId: written.id, sequence: written.sequence, kind: written.kind, writtenAt: written.written_at ?? written.prepared_at, counts: (JSON.parse(written.manifest) as PortalManifest).counts }
        : null,
      prepared: prepared ? { exportId: prepared.id, sequence: prepared.sequence, kind: prepared.kind, preparedAt: prepared.prepared_at } : null,
      waitingRequests: waiting,
      lastPush: pushed ? { exportId: pushed.id, sequence: pushed.sequence, pushedAt: pushed.pushed_at, status: pushed.push_status } : null,
    };
  },
});
