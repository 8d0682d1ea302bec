import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the user's database lives. The last opened file is remembered in a small JSON in the
 * app's userData folder; the first suggestion is `Documents/Paniers/paniers.paniers`.
 */
export const DATABASE_EXTENSION = 'paniers';
const SETTINGS_FILE = 'paniers-desktop.json';

export function defaultDatabasePath(documents: string): string {
  return path.join(documents, 'Paniers', `paniers.${DATABASE_EXTENSION}`);
}

export function demoDatabasePath(userData: string): string {
  return path.join(userData, 'demo', `demo.${DATABASE_EXTENSION}`);
}

interface DesktopSettings {
  lastDatabase?: string;
}

async function readSettings(userData: string): Promise<DesktopSettings> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(userData, SETTINGS_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as DesktopSettings) : {};
  } catch {
    // Missing or unreadable settings only mean "first run": never an error for the user.
    return {};
  }
}

/** The last database the user opened, or null (first run, or settings unreadable). */
export async function readLastDatabase(userData: string): Promise<string | null> {
  const { lastDatabase } = await readSettings(userData);
  return typeof lastDatabase === 'string' && path.isAbsolute(lastDatabase) ? lastDatabase : null;
}

export async function rememberLastDatabase(userData: string, file: string): Promise<void> {
  const settings = { ...(await readSettings(userData)), lastDatabase: path.resolve(file) };
  await mkdir(userData, { recursive: true });
  // Temp + rename: a crash mid-write leaves the old settings, never half a JSON.
  const target = path.join(userData, SETTINGS_FILE);
  await writeFile(`${target}.tmp`, JSON.stringify(settings, null, 2));
  await rename(`${target}.tmp`, target);
}

/**
 * A `.paniers` file named on the command line (a double-click on the file, or
 * `npm start -- chemin/vers/base.paniers`), resolved against the launch folder.
 */
export function databaseFromArgv(argv: readonly string[], cwd: string): string | null {
  const file = argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(`.${DATABASE_EXTENSION}`));
  return file ? path.resolve(cwd, file) : null;
}
