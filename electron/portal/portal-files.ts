import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../core/api/errors';
import { writeFileAtomic } from '../storage/atomic-write';

/** A file of a prepared export, as `portal-export-prepare` returns it. */
export interface PortalExportFile {
  name: string;
  /** UTF-8 text (JSON files). */
  content?: string;
  /** Binary files (invoice PDFs). */
  base64?: string;
}

export const MANIFEST = 'manifest.json';
export const REQUESTS_FOLDER = 'demandes';
export const PROCESSED_FOLDER = 'traitees';
/** A request file bigger than this is not one the portal wrote: refuse it rather than read it. */
export const MAX_REQUEST_FILE_BYTES = 10 * 1024 * 1024;

// Relative names of at most three segments: `manifest.json`, `abonnes/P….json`, `factures/F-2026-0001.pdf`.
const SAFE_NAME = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,119}\/){0,2}[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

/**
 * The path of an exported file inside the folder. The names come from our own backend, but
 * the folder is often a synced one: a name that could leave it (`..`, absolute, a drive) is
 * refused rather than trusted.
 */
export function exportTarget(folder: string, name: string): string {
  if (!SAFE_NAME.test(name) || name.split('/').some((part) => part === '.' || part === '..' || part.includes('..'))) {
    throw new ValidationError(`Nom de fichier d’export refusé : « ${name} ». Rien n’a été écrit ; signalez ce problème.`);
  }
  return path.join(folder, ...name.split('/'));
}

function bytesOf(file: PortalExportFile): Uint8Array {
  if (typeof file.content === 'string') return new TextEncoder().encode(file.content);
  if (typeof file.base64 === 'string') return new Uint8Array(Buffer.from(file.base64, 'base64'));
  throw new ValidationError(`Le fichier d’export « ${file.name} » n’a pas de contenu. Rien n’a été confirmé ; réessayez l’export.`);
}

/**
 * Writes an export into the folder: every file atomically (temp + rename + fsync), the
 * manifest last, so a portal reading the folder meanwhile sees the previous manifest or the
 * new one, never one that names files not yet written.
 */
export async function writeExportFiles(folder: string, files: readonly PortalExportFile[], manifest: unknown): Promise<number> {
  const body = files.filter((file) => file.name !== MANIFEST);
  const manifestFile = files.find((file) => file.name === MANIFEST) ?? { name: MANIFEST, content: `${JSON.stringify(manifest, null, 2)}\n` };
  // Check every name before writing anything: a bad one leaves the folder untouched.
  const targets = [...body, manifestFile].map((file) => ({ file, target: exportTarget(folder, file.name) }));
  const made = new Set<string>();
  for (const { file, target } of targets) {
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFileAtomic(target, bytesOf(file));
  }
  return targets.length;
}

export interface RequestFile {
  name: string;
  content: string;
}

/** The request files waiting in `demandes/` (not in `traitees/`), by name; a missing folder means none. */
export async function listRequestFiles(folder: string): Promise<RequestFile[]> {
  const dir = path.join(folder, REQUESTS_FOLDER);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'fr'));
  const files: RequestFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if ((await stat(file)).size > MAX_REQUEST_FILE_BYTES) {
      // Given to the import as unreadable so it is reported by name like any bad file.
      files.push({ name, content: '' });
      continue;
    }
    files.push({ name, content: await readFile(file, 'utf8') });
  }
  return files;
}

/** `2026-12-04T09-30-00Z`: sortable, and without the colons Windows refuses in file names. */
export function processedPrefix(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/** Moves an imported request file to `demandes/traitees/<instant>-<name>`, never over another one. */
export async function moveToProcessed(folder: string, name: string, now: Date): Promise<string> {
  const dir = path.join(folder, REQUESTS_FOLDER, PROCESSED_FOLDER);
  await mkdir(dir, { recursive: true });
  const base = `${processedPrefix(now)}-${name}`;
  let target = path.join(dir, base);
  for (let n = 2; await exists(target); n++) target = path.join(dir, base.replace(/\.json$/i, `-${n}.json`));
  await rename(path.join(folder, REQUESTS_FOLDER, name), target);
  return target;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
