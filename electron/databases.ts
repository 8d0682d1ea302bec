import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError, DatabaseFileError, loadSqlite, systemClock, type Backend, type Clock } from '../core';
import type { OpenDatabase } from '../core/bridge';
import { rememberLastDatabase } from './app-paths';
import { recoverFromBackup } from './storage/recovery';

/** An open database file (electron/session.ts): the backend, its lock state, and closing. */
export interface Session {
  backend: Backend;
  readonly readOnly: boolean;
  readonly lockHolder: string | null;
  close(): Promise<void>;
}

export type OpenSession = (options: {
  file: string;
  mode: 'open' | 'create';
  clock?: Clock;
  wasmBinary?: Uint8Array;
  log?: (message: string, error?: unknown) => void;
}) => Promise<Session>;

/**
 * The one database the desktop app has open, and switching to another. A switch opens the
 * new file first and closes the old one only once that worked, so a refused file (corrupt,
 * foreign, newer) leaves the user where they were. Switches run one at a time.
 */
export class DatabaseHost {
  private current: { file: string; session: Session } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The last file refused at open and the backup offered for it: the only one recoverable. */
  private refused: { file: string; backupId: string } | null = null;

  constructor(
    private readonly deps: {
      openSession: OpenSession;
      userData: string;
      wasmBinary?: Uint8Array;
      log: (message: string, error?: unknown) => void;
    },
  ) {}

  backend(): Backend | null {
    return this.current?.session.backend ?? null;
  }

  describe(): OpenDatabase | null {
    if (!this.current) return null;
    const { readOnly, lockHolder } = this.current.session;
    return { file: this.current.file, readOnly, lockHolder };
  }

  open(file: string, mode: 'open' | 'create'): Promise<OpenDatabase> {
    return this.enqueue(async () => {
      const target = path.resolve(file);
      if (this.current?.file === target) {
        if (mode === 'create') {
          throw new ConflictError('Cette base est celle qui est ouverte : choisissez un autre nom pour la nouvelle base.');
        }
        return this.describe()!;
      }
      const session = await this.openOrRemember(target, mode);
      const previous = this.current;
      this.current = { file: target, session };
      await previous?.session.close().catch((error: unknown) => this.deps.log('closing the previous database failed', error));
      await rememberLastDatabase(this.deps.userData, target).catch((error: unknown) =>
        this.deps.log('remembering the last database failed', error),
      );
      return this.describe()!;
    });
  }

  private async openOrRemember(target: string, mode: 'open' | 'create'): Promise<Session> {
    try {
      const session = await this.deps.openSession({
        file: target,
        mode,
        ...(this.deps.wasmBinary ? { wasmBinary: this.deps.wasmBinary } : {}),
        log: this.deps.log,
      });
      if (this.refused?.file === target) this.refused = null;
      return session;
    } catch (error) {
      // The renderer may only ask to recover the file just refused, never name a path itself.
      if (error instanceof DatabaseFileError && error.recovery) {
        this.refused = { file: target, backupId: error.recovery.backupId };
        error.recovery = { ...error.recovery, file: path.basename(target) };
      }
      throw error;
    }
  }

  /**
   * Replaces the file refused at the last open by the backup offered then (the refused file
   * is kept aside, renamed), and opens it.
   */
  recoverRefused(): Promise<OpenDatabase> {
    const refused = this.refused;
    if (!refused) return Promise.reject(new ConflictError('Aucune base refusée à restaurer : ouvrez d’abord la base qui pose problème.'));
    return this.enqueue(async () => {
      const sqlite = await loadSqlite(this.deps.wasmBinary ? { wasmBinary: this.deps.wasmBinary } : {});
      const { damagedCopy } = await recoverFromBackup({ dbPath: refused.file, backupId: refused.backupId, sqlite, clock: systemClock });
      this.deps.log(`recovered ${refused.file} from ${refused.backupId}; the refused file is kept as ${damagedCopy ?? '(none)'}`);
      this.refused = null;
    }).then(() => this.open(refused.file, 'open'));
  }

  /** « Enregistrer une copie… »: saves are atomic renames, so the file on disk is a consistent image. */
  copyTo(destination: string): Promise<{ path: string }> {
    return this.enqueue(async () => {
      if (!this.current) throw new ConflictError('Aucune base n’est ouverte : ouvrez ou créez une base avant d’en enregistrer une copie.');
      const target = path.resolve(destination);
      if (target === this.current.file) {
        throw new ConflictError('La copie ne peut pas remplacer la base ouverte : choisissez un autre nom ou un autre dossier.');
      }
      await copyFile(this.current.file, target);
      return { path: target };
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      const previous = this.current;
      this.current = null;
      await previous?.session.close();
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
