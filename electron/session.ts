import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Backend, type BackendOptions, type BackupInfo, type HostServices } from '../core/api/backend';
import { ConflictError } from '../core/api/errors';
import type { HandlerRegistry } from '../core/api/handler';
import { systemClock, type Clock } from '../core/dates/clock';
import { loadSqlite } from '../core/db/sqlite';
import { createRegistry } from '../core/handlers';
import { Backups, type BackupEntry } from './storage/backups';
import { DatabaseFile } from './storage/database-file';
import { acquireLock, type DatabaseLock } from './storage/lock';

export interface SessionOptions {
  file: string;
  mode: 'open' | 'create';
  clock?: Clock;
  /** The sql.js WASM bytes when the host bundles them (Electron main). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Defaults to `<folder of the db>/<name>-sauvegardes`. */
  backupDir?: string;
  log?: (message: string, error?: unknown) => void;
  /** Defaults to every handler of the contract; tests and the crash bench add their own. */
  registry?: HandlerRegistry;
  /** When a lock nobody refreshes counts as abandoned (proper-lockfile's `stale`, default 10 s). */
  lockStaleMs?: number;
}

export interface Session {
  backend: Backend;
  file: DatabaseFile;
  backups: Backups;
  /** True when another instance holds the lock (or we lost it): every mutation is refused. */
  readonly readOnly: boolean;
  /** Who holds the lock when read-only (`Marie (BUREAU-2, processus 1234)`), else null. */
  readonly lockHolder: string | null;
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

function toInfo({ id, createdAt, sizeBytes, reason }: BackupEntry): BackupInfo {
  return { id, createdAt, sizeBytes, reason };
}

/**
 * Opens (or creates) a database file for one window: takes the lock or falls back to
 * read-only, checks the file, backs it up, and builds the backend whose every mutation is
 * saved atomically into the file before it is acknowledged.
 */
export async function openSession(options: SessionOptions): Promise<Session> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[paniers] ${message}`, error ?? ''));
  const filePath = path.resolve(options.file);
  const sqlite = await loadSqlite(options.wasmBinary ? { wasmBinary: options.wasmBinary } : {});
  const backups = new Backups({ dbPath: filePath, dir: options.backupDir, sqlite, clock, log });

  let holder: string | null = null;
  let file: DatabaseFile | null = null;
  let backend: Backend | null = null;
  const onCompromised = (error: Error) => {
    // Someone removed or took over our lock: stop writing at once rather than race them.
    holder = 'un autre programme (le verrou du fichier a été perdu)';
    file?.markReadOnly(holder);
    backend?.setReadOnly(holder);
    log('database lock compromised, now read-only', error);
  };
  const locked = await acquireLock(filePath, { onCompromised, staleMs: options.lockStaleMs });
  const lock: DatabaseLock | null = locked.acquired ? locked.lock : null;
  if (!locked.acquired) holder = locked.holderText;

  try {
    file = await DatabaseFile.open(filePath, { mode: options.mode, sqlite, clock, readOnly: !lock, holder: holder ?? undefined, backups });
    if (lock) {
      await backups.removeOrphanTempFiles();
      await backups.create(file.db.export(), 'open');
    } else {
      await backups.list(); // only to know the date of the newest backup
    }
  } catch (error) {
    file?.db.close();
    await lock?.unlock();
    throw error;
  }
  const openFile = file;

  const dailyBackup = async (bytes?: Uint8Array) => {
    if (openFile.readOnly || !backups.isDailyDue()) return;
    await backups.create(bytes ?? (await openFile.readCurrent()), 'daily');
  };
  // At least one backup a day while the window stays open; unref'd so it never keeps the process alive.
  const timer = setInterval(() => void dailyBackup().catch((error) => log('daily backup failed', error)), HOUR_MS);
  timer.unref();

  const refuseReadOnly = () => {
    if (holder) {
      throw new ConflictError(`Base ouverte en lecture seule : ${holder} l’utilise déjà. Fermez Paniers sur l’autre poste, puis réessayez.`);
    }
  };

  const host: HostServices = {
    describe: () => ({ file: filePath, lastBackupAt: backups.lastBackupAt }),
    listBackups: async () => (await backups.list()).map(toInfo),
    createBackup: async () => {
      refuseReadOnly();
      return toInfo(await backups.create(await openFile.readCurrent(), 'manual'));
    },
    restoreBackup: async (id) => {
      refuseReadOnly();
      const bytes = await backups.restore(id, openFile);
      // Runs inside the backup-restore call: the Backend swaps at once (see replaceDatabase).
      try {
        await opened.replaceDatabase(bytes);
      } finally {
        openFile.reloaded();
      }
    },
  };

  const backendOptions: BackendOptions = {
    db: openFile.db,
    sqlite,
    registry: options.registry ?? createRegistry(),
    clock,
    randomId: randomUUID,
    persistence: {
      save: async (bytes) => {
        await openFile.save(bytes);
        void dailyBackup(bytes).catch((error) => log('daily backup failed', error));
      },
    },
    host,
    log,
    readOnly: holder ? { holder } : null,
  };
  const opened = new Backend(backendOptions);
  backend = opened;

  let closing: Promise<void> | null = null;
  return {
    backend: opened,
    file: openFile,
    backups,
    get readOnly() {
      return holder !== null;
    },
    get lockHolder() {
      return holder;
    },
    close: () => {
      closing ??= (async () => {
        clearInterval(timer);
        await openFile.close();
        await lock?.unlock();
      })();
      return closing;
    },
  };
}
