import { z } from 'zod';
import { ConflictError, NotFoundError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { idField } from '../validation/fields';
import { buildRecordFiles, invoicePdfFiles, jsonFile, unreportedResponses, type PortalFile } from './portal-files';
import { PORTAL_FORMAT, PORTAL_VERSION, type PortalManifest } from './portal-schema';
import { readPortalSettings } from './portal-settings';

/**
 * Export for the portal in two phases (issue 9 design): `portal-export-prepare` builds every
 * file in memory and records a prepared export with the hashes it will make current; the host
 * writes the files (manifest last) and calls `portal-export-confirm`. Until then the written
 * hashes stay those of the last export the portal really has, so an export lost on the way
 * is simply prepared again, with the same sequence.
 */

export type ExportKind = 'full' | 'incremental';

/** A file as the host writes it: JSON text, or a PDF in base64. */
export type ExportFile = { name: string; content: string } | { name: string; base64: string };

const SUBSCRIBER = 'subscriber:';
const RESPONSE = 'response:';

function lastWritten(db: Db): { id: number; sequence: number } | undefined {
  return db.get<{ id: number; sequence: number }>("SELECT id, sequence FROM portal_exports WHERE status = 'written' ORDER BY sequence DESC LIMIT 1");
}

function writtenHashes(db: Db): Map<string, string> {
  const hashes = new Map<string, string>();
  db.withStatement('SELECT record, written_hash FROM portal_export_state WHERE written_hash IS NOT NULL', (stmt) =>
    stmt.each<{ record: string; written_hash: string }>(undefined, (row) => {
      hashes.set(row.record, row.written_hash);
    }),
  );
  return hashes;
}

/** Prepared hashes := written ones, then the changes of this export (null = removed). */
function recordPreparedState(db: Db, changes: ReadonlyMap<string, string | null>): void {
  db.run('DELETE FROM portal_export_state WHERE written_hash IS NULL');
  db.run('UPDATE portal_export_state SET prepared_hash = written_hash WHERE prepared_hash IS NOT written_hash');
  db.withStatement(
    'INSERT INTO portal_export_state (record, prepared_hash) VALUES (?, ?) ON CONFLICT (record) DO UPDATE SET prepared_hash = excluded.prepared_hash',
    (stmt) => {
      for (const [record, hash] of changes) stmt.run([record, hash]);
    },
  );
}

export const portalExportPrepare = defineHandler({
  name: 'portal-export-prepare',
  input: z.object({ kind: z.enum(['full', 'incremental'], 'Choisissez un export complet (full) ou les changements seulement (incremental).') }),
  labels: { kind: 'Type d’export' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const settings = readPortalSettings(db);
    const previous = lastWritten(db);
    const kind: ExportKind = previous ? input.kind : 'full';
    const notice =
      kind !== input.kind ? 'Aucun export n’a encore été écrit : cet export est complet, pour que le portail parte de données entières.' : null;
    const now = clock.now();
    const written = kind === 'full' ? new Map<string, string>() : writtenHashes(db);
    const known = kind === 'full' ? writtenHashes(db) : written;
    const changed = (file: PortalFile) => written.get(file.record) !== file.sha256;

    const records = buildRecordFiles(db, { now, today: clock.today(), weeksAhead: settings.weeksAhead, includeInvoicePdfs: settings.includeInvoicePdfs });
    const current = [records.organisation, records.depots, records.formulas, ...records.subscribers];
    const files = current.filter(changed);
    const exported = new Set(records.subscribers.map((f) => f.record));
    const removed = [...known.keys()].filter((r) => r.startsWith(SUBSCRIBER) && !exported.has(r)).sort();
    const responses = unreportedResponses(db);
    if (kind === 'full' || removed.length > 0) {
      files.push(jsonFile('removed', 'removed.json', { portalIds: removed.map((r) => r.slice(SUBSCRIBER.length)) }, removed.length));
    }
    if (kind === 'full' || responses.length > 0) files.push(jsonFile('responses', 'responses.json', { responses }, responses.length));
    // Issued invoices never change: an incremental export sends only the PDFs the portal lacks; a full one sends all.
    const pdfs = settings.includeInvoicePdfs ? invoicePdfFiles(db, (record) => kind === 'incremental' && known.has(record)) : [];
    files.push(...pdfs);

    const count = (file: PortalFile) => (files.includes(file) ? file.records : 0);
    const sequence = (previous?.sequence ?? 0) + 1;
    const manifest: PortalManifest = {
      format: PORTAL_FORMAT,
      version: PORTAL_VERSION,
      sequence,
      kind,
      generatedAt: now.toISOString(),
      previousSequence: previous?.sequence ?? null,
      files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes, records: f.records })),
      counts: {
        subscribers: files.filter((f) => f.record.startsWith(SUBSCRIBER)).length,
        activeSubscribers: records.subscribers.length,
        removed: removed.length,
        depots: count(records.depots),
        formulas: count(records.formulas),
        responses: responses.length,
        invoicePdfs: pdfs.length,
      },
    };

    const changes = new Map<string, string | null>(current.filter(changed).map((f) => [f.record, f.sha256]));
    for (const record of removed) changes.set(record, null);
    for (const r of responses) changes.set(`${RESPONSE}${r.requestId}`, 'prepared');
    for (const pdf of pdfs) changes.set(pdf.record, pdf.sha256);
    recordPreparedState(db, changes);
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    const { lastInsertRowid: exportId } = db.run('INSERT INTO portal_exports (sequence, kind, status, prepared_at, manifest) VALUES (?, ?, ?, ?, ?)', [
      sequence,
      kind,
      'prepared',
      manifest.generatedAt,
      manifestText,
    ]);
    // Replaced after the insert, not before: the new id is then above every id ever given, so
    // the host's confirm of a replaced export can never land on this one.
    db.run("DELETE FROM portal_exports WHERE status = 'prepared' AND id != ?", [exportId]);
    const out: ExportFile[] = files.map((f) => (f.content !== null ? { name: f.name, content: f.content } : { name: f.name, base64: f.base64 ?? '' }));
    // The manifest comes last: the host writes in this order, so a reader that sees it sees everything.
    out.push({ name: 'manifest.json', content: manifestText });
    return { exportId, sequence, kind, requestedKind: input.kind, notice, files: out, manifest };
  },
});

export const portalExportConfirm = defineHandler({
  name: 'portal-export-confirm',
  input: z.object({ exportId: idField }),
  labels: { exportId: 'Export' },
  mutates: true,
  run: ({ db, clock }, { exportId }) => {
    const row = db.get<{ sequence: number; kind: ExportKind; status: string }>('SELECT sequence, kind, status FROM portal_exports WHERE id = ?', [exportId]);
    if (!row) throw new NotFoundError('Cet export n’existe plus : un export plus récent l’a remplacé. Confirmez le dernier export préparé, ou préparez-en un nouveau.');
    if (row.status === 'written') throw new ConflictError(`L’export n° ${row.sequence} est déjà confirmé : préparez un nouvel export.`);
    const reported = db.all<{ record: string }>("SELECT record FROM portal_export_state WHERE record LIKE 'response:%' AND prepared_hash IS NOT NULL");
    db.withStatement('UPDATE portal_requests SET reported_in_sequence = ? WHERE request_id = ? AND reported_in_sequence IS NULL', (stmt) => {
      for (const r of reported) stmt.run([row.sequence, r.record.slice(RESPONSE.length)]);
    });
    db.run("DELETE FROM portal_export_state WHERE record LIKE 'response:%'");
    db.run('UPDATE portal_export_state SET written_hash = prepared_hash WHERE written_hash IS NOT prepared_hash');
    db.run('DELETE FROM portal_export_state WHERE written_hash IS NULL');
    const writtenAt = clock.now().toISOString();
    db.run("UPDATE portal_exports SET status = 'written', written_at = ? WHERE id = ?", [writtenAt, exportId]);
    return { exportId, sequence: row.sequence, kind: row.kind, writtenAt, reportedResponses: reported.length };
  },
});
