import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConflictError, fromSerializedError, ValidationError } from '../../core/api/errors';
import type { Backend } from '../../core/api/backend';
import type { PortalExportDone, PortalExportKind, PortalFileReport, PortalPushDone, PortalRequestsRead } from '../../core/bridge';
import { exportTarget, listRequestFiles, MANIFEST, moveToProcessed, writeExportFiles, type PortalExportFile } from './portal-files';
import { pushExport, type PushRequest } from './push-client';

/*
 * The portal exchange as both hosts run it (Electron main and the web harness): the backend
 * builds and records, this module moves bytes between the backend, the folder and the portal.
 * Handlers are synchronous and never touch files, hence the two phases (prepare → confirm).
 */

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.handle(method, input);
  if ('error' in result) throw fromSerializedError(result.error);
  return result.data as T;
}

interface Prepared {
  exportId: number;
  sequence: number;
  kind: PortalExportKind;
  /** Why the kind differs from the one asked (the first export is always full), else null. */
  notice?: string | null;
  files: PortalExportFile[];
  manifest: unknown;
}

/** Prepare in the backend → write every file (manifest last) → confirm. Nothing is confirmed if a write fails. */
export async function exportToFolder(backend: Backend, folder: string, kind: PortalExportKind): Promise<PortalExportDone> {
  const prepared = await call<Prepared>(backend, 'portal-export-prepare', { kind });
  let written: number;
  try {
    written = await writeExportFiles(folder, prepared.files, prepared.manifest);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConflictError(
      `L’export n’a pas pu être écrit dans le dossier ${folder} (${reason}). Vérifiez que le dossier existe et que vous pouvez y écrire, puis réessayez : le portail garde l’export précédent.`,
    );
  }
  await call(backend, 'portal-export-confirm', { exportId: prepared.exportId });
  return { exportId: prepared.exportId, sequence: prepared.sequence, kind: prepared.kind, notice: prepared.notice ?? null, files: written, folder };
}

interface Imported {
  applied: number;
  waiting: number;
  rejected: number;
  duplicates: number;
  files?: PortalFileReport[];
}

/**
 * Imports every request file of `demandes/`, then moves the files imported to
 * `demandes/traitees/`. A refused file stays where it is, reported with its problems, until
 * the portal replaces it; a file imported twice changes nothing (request ids are unique).
 */
export async function readRequestsFromFolder(backend: Backend, folder: string, now: () => Date): Promise<PortalRequestsRead> {
  const files = await listRequestFiles(folder);
  if (files.length === 0) return { read: 0, applied: 0, waiting: 0, rejected: 0, duplicates: 0, files: [] };
  const result = await call<Imported>(backend, 'portal-requests-import', { files });
  const refused = (result.files ?? []).filter((file) => file.problems.length > 0);
  const refusedNames = new Set(refused.map((file) => file.name));
  for (const file of files) {
    if (!refusedNames.has(file.name)) await moveToProcessed(folder, file.name, now());
  }
  return {
    read: files.length,
    applied: result.applied,
    waiting: result.waiting,
    rejected: result.rejected,
    duplicates: result.duplicates,
    files: refused,
  };
}

interface ManifestOnDisk {
  sequence: number;
  files: { name: string; sha256: string; bytes: number }[];
}

/** The last written export as it is in the folder, its checksums verified: what the portal receives. */
async function readWrittenExport(folder: string, sequence: number) {
  let manifest: ManifestOnDisk;
  try {
    manifest = JSON.parse(await readFile(exportTarget(folder, MANIFEST), 'utf8')) as ManifestOnDisk;
  } catch {
    throw new ConflictError(`Le dossier ${folder} ne contient pas de manifest.json lisible : exportez à nouveau, puis envoyez.`);
  }
  if (manifest.sequence !== sequence || !Array.isArray(manifest.files)) {
    throw new ConflictError(
      `Le dossier contient l’export n° ${String(manifest.sequence)}, pas le dernier export écrit (n° ${sequence}) : exportez à nouveau, puis envoyez.`,
    );
  }
  const files = [];
  for (const entry of manifest.files) {
    const bytes = await readFile(exportTarget(folder, entry.name)).catch(() => null);
    const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : '';
    if (!bytes || sha256 !== entry.sha256) {
      throw new ConflictError(`Le fichier ${entry.name} du dossier a été modifié ou supprimé depuis l’export : exportez à nouveau, puis envoyez.`);
    }
    const binary = !entry.name.toLowerCase().endsWith('.json');
    files.push({ name: entry.name, sha256, encoding: binary ? 'base64' : 'utf8', content: binary ? bytes.toString('base64') : bytes.toString('utf8') });
  }
  return { manifest, files };
}

interface StatusForPush {
  lastWritten: { exportId: number; sequence: number } | null;
}

export interface PushOptions extends Pick<PushRequest, 'ca' | 'sleep' | 'delaysMs' | 'timeoutMs'> {
  token: string | null;
}

/** Sends the last written export to the push URL and records the outcome on that export. */
export async function pushLastExport(backend: Backend, folder: string, options: PushOptions): Promise<PortalPushDone> {
  const settings = await call<{ pushUrl: string }>(backend, 'portal-settings-get', {});
  if (!settings.pushUrl) {
    throw ValidationError.field('pushUrl', 'Indiquez l’adresse d’envoi du portail (https://…) dans les réglages, puis envoyez.');
  }
  if (!options.token) throw ValidationError.field('token', 'Enregistrez le jeton que le portail vous a donné, puis envoyez.');
  const status = await call<StatusForPush>(backend, 'portal-status', {});
  if (!status.lastWritten) throw new ConflictError('Aucun export n’a encore été écrit : exportez d’abord, puis envoyez.');
  const { manifest, files } = await readWrittenExport(folder, status.lastWritten.sequence);
  const done = await pushExport(
    { ...options, url: settings.pushUrl, token: options.token, body: JSON.stringify({ manifest, files }) },
    `export n° ${manifest.sequence}, ${files.length + 1} fichiers`,
  );
  await call(backend, 'portal-push-record', { exportId: status.lastWritten.exportId, ok: done.ok, status: done.status });
  return done;
}
