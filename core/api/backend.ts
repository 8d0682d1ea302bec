import type { SqlJsStatic } from 'sql.js';
import type { Clock } from '../dates/clock';
import type { Db } from '../db/database';
import { AppError, ConflictError, InternalError, NotFoundError, toSerializedError, type SerializedError } from './errors';
import type { HandlerContext, HandlerRegistry } from './handler';
import { parseInput } from './zod-fr';

/** Where the database image goes to be durable. Resolves only once the bytes are on disk. */
export interface Persistence {
  save(bytes: Uint8Array): Promise<void>;
}

/** What the host (Electron main, web harness) tells the UI about the open file. */
export interface HostStatus {
  /** Path or name of the open database file; null for an in-memory database. */
  file: string | null;
  readOnly: boolean;
  /** Who holds the lock when we are read-only (`Marie sur BUREAU-2, pid 1234`). */
  lockHolder: string | null;
  /** ISO instant of the last durable save, null when nothing was saved in this session. */
  lastSavedAt: string | null;
  /** ISO instant of the newest backup, null when there is none. */
  lastBackupAt: string | null;
}

export type BackupReason = 'open' | 'daily' | 'manual' | 'before-restore' | 'before-migration';

export interface BackupInfo {
  /** Opaque id the host understands (its file name). */
  id: string;
  /** ISO instant the backup was taken. */
  createdAt: string;
  sizeBytes: number;
  reason: BackupReason;
}

/**
 * What the host (Electron main or web harness) does that core cannot: the file itself.
 * Core handlers such as `backup-list` call these; in-memory tests have no host.
 */
export interface HostServices {
  describe(): Omit<HostStatus, 'lastSavedAt' | 'readOnly' | 'lockHolder'>;
  listBackups(): Promise<BackupInfo[]>;
  createBackup(): Promise<BackupInfo>;
  /** Keeps the current file aside, then replaces it by the backup and reloads the backend. */
  restoreBackup(id: string): Promise<void>;
}

export interface BackendOptions {
  db: Db;
  sqlite: SqlJsStatic;
  registry: HandlerRegistry;
  clock: Clock;
  randomId: () => string;
  /** Omitted for in-memory databases (tests): mutations are then acknowledged at commit. */
  persistence?: Persistence;
  /** Read-only when another instance holds the lock: every mutation is refused. */
  readOnly?: { holder: string } | null;
  host?: HostServices;
  /** Where unexpected errors are reported (core has no console of its own). */
  log?: (message: string, error: unknown) => void;
}

export type CallResult = { data: unknown } | { error: SerializedError };

/**
 * Runs handlers one at a time. A mutation is: validate → one transaction → export → durable
 * save → reply. If the save fails, the in-memory database goes back to the last durable
 * image, so what the UI sees never runs ahead of what is on disk.
 */
export class Backend {
  private queue: Promise<unknown> = Promise.resolve();
  private lastDurable: Uint8Array;
  private lastSavedAt: string | null = null;
  /** True while a call runs (the queue runs one at a time). */
  private executing = false;
  private readOnly: { holder: string } | null;
  private readonly context: HandlerContext;

  constructor(private readonly options: BackendOptions) {
    this.readOnly = options.readOnly ?? null;
    this.lastDurable = options.db.export();
    this.context = {
      db: options.db,
      clock: options.clock,
      randomId: options.randomId,
      status: () => this.status(),
      host: options.host ?? null,
    };
  }

  get registry(): HandlerRegistry {
    return this.options.registry;
  }

  status(): HostStatus {
    const host = this.options.host?.describe() ?? { file: null, lastBackupAt: null };
    return {
      ...host,
      readOnly: this.readOnly !== null,
      lockHolder: this.readOnly?.holder ?? null,
      lastSavedAt: this.lastSavedAt,
    };
  }

  /**
   * Replaces the whole database by another image (a restored backup), as the new durable
   * state. Runs on the queue so no call sees a half-swapped database.
   */
  replaceDatabase(bytes: Uint8Array): Promise<void> {
    const swap = () => {
      this.options.db.replaceConnection(new this.options.sqlite.Database(bytes));
      this.lastDurable = bytes;
    };
    // From inside a running call (the backup-restore handler), waiting for the queue would
    // wait for that very call: swap now, nothing else runs meanwhile.
    if (this.executing) {
      swap();
      return Promise.resolve();
    }
    const run = this.queue.then(swap);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Read-only from now on (the lock was lost to another instance), or writable again. */
  setReadOnly(holder: string | null): void {
    this.readOnly = holder === null ? null : { holder };
  }

  /** Calls a handler by name with untrusted input; throws a typed AppError. */
  call(name: string, input: unknown): Promise<unknown> {
    const run = this.queue.then(async () => {
      this.executing = true;
      try {
        return await this.execute(name, input);
      } finally {
        this.executing = false;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The transport-facing form: never throws, errors are serialized for the UI. */
  async handle(name: string, input: unknown): Promise<CallResult> {
    try {
      return { data: await this.call(name, input) };
    } catch (error) {
      if (!(error instanceof AppError)) this.options.log?.(`${name} failed`, error);
      return { error: toSerializedError(error) };
    }
  }

  private async execute(name: string, rawInput: unknown): Promise<unknown> {
    const handler = this.options.registry.get(name);
    if (!handler) throw new NotFoundError(`Opération inconnue : « ${name} ».`);
    const input = parseInput(handler.input, rawInput ?? {}, handler.labels);
    // Reads may await the host (backups); mutations stay synchronous inside their transaction.
    if (!handler.mutates) return await handler.run(this.context, input);
    if (this.readOnly) {
      throw new ConflictError(
        `Base ouverte en lecture seule : ${this.readOnly.holder} l’utilise déjà. Fermez Paniers sur l’autre poste pour pouvoir modifier.`,
      );
    }
    const result = this.options.db.transaction(() => handler.run(this.context, input));
    await this.persist();
    return result;
  }

  private async persist(): Promise<void> {
    const bytes = this.options.db.export();
    if (!this.options.persistence) {
      this.lastDurable = bytes;
      return;
    }
    try {
      await this.options.persistence.save(bytes);
      this.lastDurable = bytes;
      this.lastSavedAt = this.options.clock.now().toISOString();
    } catch (error) {
      this.options.db.replaceConnection(new this.options.sqlite.Database(this.lastDurable));
      if (error instanceof AppError) throw error;
      this.options.log?.('save failed', error);
      throw new InternalError(
        'L’enregistrement sur le disque a échoué : la modification a été annulée. Vérifiez le disque ou le dossier de la base, puis réessayez.',
      );
    }
  }
}
