import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '../../core/api/errors';
import type { DialogLike, SafeStorageLike, WindowLike } from '../electron-api';
import { writeFileAtomic } from '../storage/atomic-write';
import type { PortalFolderStore, PortalTokenStore } from './portal-host';

/** Main's own small settings for the portal, beside `paniers-desktop.json` in userData. */
export const PORTAL_SETTINGS_FILE = 'paniers-portail.json';
/** The push token, encrypted by the OS (DPAPI, Keychain, libsecret); never in the database. */
export const PORTAL_TOKEN_FILE = 'paniers-portail-jeton.bin';

interface PortalSettings {
  /** Exchange folder per database file: the demo must never export into the real portal's folder. */
  folders?: Record<string, string>;
}

async function readSettings(userData: string): Promise<PortalSettings> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(userData, PORTAL_SETTINGS_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as PortalSettings) : {};
  } catch {
    return {}; // missing or unreadable: no folder chosen yet
  }
}

/**
 * The folder comes from the OS dialog only and is remembered here, per database file: the
 * page never names a path, so it cannot make main write anywhere else.
 */
export function desktopFolderStore(deps: {
  dialog: DialogLike;
  window(): WindowLike;
  userData: string;
  /** The open database file, or null. */
  database(): string | null;
  documents: string;
}): PortalFolderStore {
  const current = async () => {
    const database = deps.database();
    const folder = database ? (await readSettings(deps.userData)).folders?.[database] : undefined;
    return typeof folder === 'string' && path.isAbsolute(folder) ? folder : null;
  };
  return {
    current,
    async choose() {
      const database = deps.database();
      if (!database) throw new ConflictError('Aucune base n’est ouverte : ouvrez la base de votre jardin, puis choisissez le dossier du portail.');
      const result = await deps.dialog.showOpenDialog(deps.window(), {
        title: 'Dossier d’échange avec le portail',
        buttonLabel: 'Choisir ce dossier',
        defaultPath: (await current()) ?? deps.documents,
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.canceled ? null : (result.filePaths[0] ?? null);
      if (!folder) return null;
      const settings = await readSettings(deps.userData);
      const next: PortalSettings = { ...settings, folders: { ...settings.folders, [database]: path.resolve(folder) } };
      await mkdir(deps.userData, { recursive: true });
      await writeFileAtomic(path.join(deps.userData, PORTAL_SETTINGS_FILE), new TextEncoder().encode(JSON.stringify(next, null, 2)));
      return path.resolve(folder);
    },
  };
}

/** The token through Electron's safeStorage; refused, in French, when the OS offers no encryption. */
export function keychainTokenStore(safeStorage: SafeStorageLike, userData: string): PortalTokenStore {
  const file = path.join(userData, PORTAL_TOKEN_FILE);
  return {
    get kind() {
      return safeStorage.isEncryptionAvailable() ? 'keychain' : 'unavailable';
    },
    async read() {
      const bytes = await readFile(file).catch(() => null);
      if (!bytes || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(bytes) || null;
      } catch {
        return null; // encrypted by another user or machine: as if none were stored
      }
    },
    async write(token) {
      if (!token) {
        await unlink(file).catch(() => undefined);
        return;
      }
      if (!safeStorage.isEncryptionAvailable()) {
        throw new ConflictError(
          'Le jeton ne peut pas être enregistré de façon sûre : le trousseau du système n’est pas disponible sur ce poste. Ouvrez votre session normalement (pas en invité) ou installez le trousseau (gnome-keyring, KWallet), puis réessayez.',
        );
      }
      await mkdir(userData, { recursive: true });
      await writeFileAtomic(file, new Uint8Array(safeStorage.encryptString(token)));
    },
  };
}
