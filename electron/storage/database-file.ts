import { access, open as openFile, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { ConflictError, NotFoundError } from '../../core/api/errors';
import type { Clock } from '../../core/dates/clock';
import type { Db } from '../../core/db/database';
import { createDatabase, DatabaseFileError, openDatabase } from '../../core/db/open';
import { identityOf, isTempFileOf, writeFileAtomic, type AtomicWriteOptions, type FileIdentity } from './atomic-write';
import { databaseStem, fileStamp, type BackupEntry, type Backups } from './backups';
import { ownerPathFor } from './lock';

export interface DatabaseFileOptions {
  mode: 'open' | 'create';
  sqlite: SqlJsStatic;
  clock: Clock;
  /** Another instance holds the lock: never write, not even to remove temp files. */
  readOnly?: boolean;
  /** Holder text for the read-only refusal (`Marie (BUREAU-2, processus 1234)`). */
  holder?: string;
  backups?: Backups;
  /** Injected in tests (rename refusals). */
  writeOptions?: AtomicWriteOptions;
}

/** A refused file, with the newest backup that passes every check (null if none). */
export type RefusedDatabaseError = DatabaseFileError & { newestGoodBackup: BackupEntry | null };

export function isRefusedDatabaseError(error: unknown): error is RefusedDatabaseError {
  return error instanceof DatabaseFileError && 'newestGoodBackup' in error;
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Removes temp files left by a crash mid-save, for this database only (and its owner file). */
async function removeOrphanTempFiles(dbPath: string): Promise<void> {
  const dir = path.dirname(dbPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  const orphans = names.filter((name) => isTempFileOf(dbPath, name) || isTempFileOf(ownerPathFor(dbPath), name));
  await Promise.all(orphans.map((name) => unlink(path.join(dir, name)).catch(() => undefined)));
}

async function readWithIdentity(file: string): Promise<{ bytes: Uint8Array; identity: FileIdentity }> {
  // Identity from the same handle as the bytes: an atomic replace in between changes the path, not this file.
  const handle = await openFile(file, 'r');
  try {
    const bytes = new Uint8Array(await handle.readFile());
    const info = await handle.stat();
    return { bytes, identity: { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } };
  } finally {
    await handle.close();
  }
}

async function refuse(error: DatabaseFileError, backups: Backups | undefined): Promise<RefusedDatabaseError> {
  const newestGoodBackup = backups ? await backups.newestGood().catch(() => null) : null;
  const advice = newestGoodBackup
    ? `Le fichier n’a pas été modifié. La sauvegarde valide la plus récente (${newestGoodBackup.id}, dans ${path.dirname(newestGoodBackup.path)}) peut être restaurée.`
    : 'Le fichier n’a pas été modifié. Aucune sauvegarde valide n’a été trouvée : ouvrez une autre base ou contactez le support.';
  const refused = Object.assign(new DatabaseFileError(error.problem, `${error.message} ${advice}`), { newestGoodBackup });
  if (newestGoodBackup) refused.recovery = { file: '', backupId: newestGoodBackup.id, backupCreatedAt: newestGoodBackup.createdAt };
  return refused;
}

/**
 * The database file on disk: checked at open, saved atomically one save at a time, never
 * written over when it fails a check or when another program changed it since we read it.
 */
export class DatabaseFile {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private closing: Promise<void> | null = null;
  private awaitingReload = false;
  private readOnlyHolder: string | null;

  private constructor(
    readonly path: string,
    readonly db: Db,
    /** Migrations applied by this open (already saved unless read-only). */
    readonly migrated: string[],
    private identity: FileIdentity,
    readOnlyHolder: string | null,
    private readonly writeOptions: AtomicWriteOptions,
    private readonly clock: Clock,
  ) {
    this.readOnlyHolder = readOnlyHolder;
  }

  static async open(filePath: string, options: DatabaseFileOptions): Promise<DatabaseFile> {
    const absolute = path.resolve(filePath);
    const holder = options.readOnly ? (options.holder ?? 'un autre poste') : null;
    const writeOptions = options.writeOptions ?? {};
    if (options.mode === 'create') {
      if (await exists(absolute)) {
        throw new ConflictError(`Le fichier « ${path.basename(absolute)} » existe déjà : ouvrez-le, ou choisissez un autre nom pour la nouvelle base.`);
      }
      if (holder) throw new ConflictError(`Impossible de créer « ${path.basename(absolute)} » : ${holder} utilise déjà ce nom de fichier.`);
      const db = createDatabase(options.sqlite, options.clock);
      const identity = await writeFileAtomic(absolute, db.export(), writeOptions).catch((error: unknown) => {
        db.close();
        throw error;
      });
      return new DatabaseFile(absolute, db, [], identity, null, writeOptions, options.clock);
    }

    if (!holder) await removeOrphanTempFiles(absolute);
    let read;
    try {
      read = await readWithIdentity(absolute);
    } catch (error) {
      if (!isMissing(error)) throw error;
      throw new NotFoundError(`Le fichier « ${absolute} » est introuvable : il a peut-être été déplacé ou renommé. Choisissez-le à nouveau.`);
    }
    let opened;
    try {
      opened = openDatabase(options.sqlite, read.bytes, options.clock);
    } catch (error) {
      if (error instanceof DatabaseFileError) throw await refuse(error, options.backups);
      throw error;
    }
    const file = new DatabaseFile(absolute, opened.db, opened.migrated, read.identity, holder, writeOptions, options.clock);
    if (opened.migrated.length > 0 && !holder) {
      try {
        // Keep the untouched original before the first write of the new schema.
        await options.backups?.create(read.bytes, 'before-migration');
        await file.save(opened.db.export());
      } catch (error) {
        opened.db.close();
        throw error;
      }
    }
    return file;
  }

  get readOnly(): boolean {
    return this.readOnlyHolder !== null;
  }

  /** After the lock was lost: every later save is refused. */
  markReadOnly(holder: string): void {
    this.readOnlyHolder = holder;
  }

  /** Saves one image atomically, after every save queued before it. */
  save(bytes: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      if (this.awaitingReload) {
        throw new ConflictError('Une restauration de sauvegarde est en cours : la modification n’a pas été enregistrée. Réessayez dans un instant.');
      }
      await this.writeChecked(bytes);
    });
  }

  /**
   * Replaces the file by a restored image. `beforeReplace` receives the current file's bytes
   * (to keep them aside). Saves are then refused until `reloaded()`: a mutation queued before
   * the backend swapped in the restored image must not write the old data back.
   */
  replaceContents(bytes: Uint8Array, beforeReplace: (current: Uint8Array) => Promise<void>): Promise<void> {
    return this.enqueue(async () => {
      const { bytes: current } = await readWithIdentity(this.path);
      await beforeReplace(current);
      await this.writeChecked(bytes);
      this.awaitingReload = true;
    });
  }

  /** The backend now holds the restored image: saves are allowed again. */
  reloaded(): void {
    this.awaitingReload = false;
  }

  /** The last durable image, read from disk between saves (for daily and manual backups). */
  readCurrent(): Promise<Uint8Array> {
    return this.enqueue(async () => (await readWithIdentity(this.path)).bytes);
  }

  /** Waits for queued saves, then refuses any further one and closes the database. */
  close(): Promise<void> {
    this.closing ??= this.enqueue(async () => {
      this.closed = true;
    })
      .catch(() => undefined)
      .then(() => this.db.close());
    return this.closing;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.closed) throw new ConflictError('La base est fermée : rouvrez-la pour enregistrer des modifications.');
      return task();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeChecked(bytes: Uint8Array): Promise<void> {
    if (this.readOnlyHolder !== null) {
      throw new ConflictError(
        `Base ouverte en lecture seule : ${this.readOnlyHolder} l’utilise déjà. Fermez Paniers sur l’autre poste pour pouvoir modifier.`,
      );
    }
    const onDisk = await identityOf(this.path).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (!onDisk || !sameIdentity(onDisk, this.identity)) await this.refuseConflict(bytes, onDisk === null);
    this.identity = await writeFileAtomic(this.path, bytes, this.writeOptions);
  }

  /** Someone else wrote or moved the file: keep our image beside it and write nothing over it. */
  private async refuseConflict(bytes: Uint8Array, missing: boolean): Promise<never> {
    const base = path.join(path.dirname(this.path), `${databaseStem(this.path)}-conflit-${fileStamp(this.clock.now())}`);
    let copy = `${base}.paniers`;
    let copied = false;
    try {
      for (let n = 2; await exists(copy); n++) copy = `${base}-${n}.paniers`;
      await writeFileAtomic(copy, bytes, this.writeOptions);
      copied = true;
    } catch {
      // The refusal matters more than the copy: report without it.
    }
    const what = missing ? 'a été déplacé ou supprimé' : 'a été modifié par un autre programme ou un autre poste';
    const kept = copied ? ` Votre version a été mise de côté dans « ${path.basename(copy)} ».` : '';
    throw new ConflictError(
      `Le fichier « ${path.basename(this.path)} » ${what} depuis son ouverture : la modification n’a pas été enregistrée, pour ne pas écraser l’autre version.${kept} Fermez puis rouvrez la base.`,
    );
  }
}
