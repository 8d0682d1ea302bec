import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { BackupInfo, BackupReason } from '../../core/api/backend';
import { IntegrityError, NotFoundError } from '../../core/api/errors';
import type { Clock } from '../../core/dates/clock';
import { DatabaseFileError, openDatabase } from '../../core/db/open';
import { isAnyTempFile, writeFileAtomic } from './atomic-write';
import { DEFAULT_ROTATION, planRotation, type RotationPolicy } from './backup-rotation';
import type { DatabaseFile } from './database-file';

/** A backup on disk: what the UI sees plus where it is. */
export interface BackupEntry extends BackupInfo {
  path: string;
}

const REASONS: readonly BackupReason[] = ['open', 'daily', 'manual', 'before-restore', 'before-migration'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** `paniers` for `/data/paniers.paniers`: the stem shared by backups and conflict copies. */
export function databaseStem(dbPath: string): string {
  const base = path.basename(dbPath);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

export function defaultBackupDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), `${databaseStem(dbPath)}-sauvegardes`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20261204-093000` in local time: sorts by date and reads naturally in the folder. */
export function fileStamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a backup name back; null for any other file (never touched by rotation). */
export function parseBackupName(stem: string, fileName: string): { createdAt: Date; reason: BackupReason } | null {
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-([a-z-]+?)(?:-(\\d+))?\\.paniers$`);
  const match = pattern.exec(fileName);
  if (!match) return null;
  const reason = match[7] as BackupReason;
  if (!REASONS.includes(reason)) return null;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const createdAt = new Date(y, mo - 1, d, h, mi, s);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, reason };
}

export interface BackupsOptions {
  dbPath: string;
  /** Defaults to `<folder of the db>/<stem>-sauvegardes`. */
  dir?: string;
  sqlite: SqlJsStatic;
  clock: Clock;
  policy?: RotationPolicy;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Backups of one database: exported images (consistent snapshots, unlike a copy of a live
 * SQLite file) written atomically into a folder beside the database, rotated.
 */
export class Backups {
  readonly dir: string;
  private readonly stem: string;
  private queue: Promise<unknown> = Promise.resolve();
  private newestAt: Date | null = null;

  constructor(private readonly options: BackupsOptions) {
    this.dir = options.dir ?? defaultBackupDir(options.dbPath);
    this.stem = databaseStem(options.dbPath);
  }

  /** Backups newest first. Files that are not ours are ignored. */
  async list(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: { entry: BackupEntry; mtimeMs: number }[] = [];
    for (const name of names) {
      const parsed = parseBackupName(this.stem, name);
      if (!parsed) continue;
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) continue;
      found.push({ entry: { id: name, path: file, createdAt: parsed.createdAt.toISOString(), sizeBytes: info.size, reason: parsed.reason }, mtimeMs: info.mtimeMs });
    }
    // Names carry the second; two backups of the same second (at opening, then on demand) are
    // ordered by when their file was written.
    found.sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt) || b.mtimeMs - a.mtimeMs || (a.entry.id < b.entry.id ? 1 : -1));
    const entries = found.map((f) => f.entry);
    this.newestAt = entries[0] ? new Date(entries[0].createdAt) : this.newestAt;
    return entries;
  }

  /** ISO instant of the newest backup known (after `list` or `create`). */
  get lastBackupAt(): string | null {
    return this.newestAt?.toISOString() ?? null;
  }

  /** True when no backup was taken in the last 24 hours: time for a daily one. */
  isDailyDue(): boolean {
    return !this.newestAt || this.options.clock.now().getTime() - this.newestAt.getTime() >= DAY_MS;
  }

  /** Resolves once every backup queued so far is written (or failed). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Writes a backup of `bytes` atomically, then rotates. Backups run one at a time. */
  create(bytes: Uint8Array, reason: BackupReason): Promise<BackupEntry> {
    const run = this.queue.then(async () => {
      await mkdir(this.dir, { recursive: true });
      const now = this.options.clock.now();
      const base = `${this.stem}-${fileStamp(now)}-${reason}`;
      const existing = new Set(await readdir(this.dir));
      let name = `${base}.paniers`;
      for (let n = 2; existing.has(name); n++) name = `${base}-${n}.paniers`;
      const file = path.join(this.dir, name);
      const identity = await writeFileAtomic(file, bytes);
      this.newestAt = now;
      await this.rotate();
      return { id: name, path: file, createdAt: now.toISOString(), sizeBytes: identity.size, reason };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async rotate(): Promise<void> {
    const entries = await this.list();
    const { remove } = planRotation(
      entries.map((e) => ({ id: e.id, createdAt: new Date(e.createdAt) })),
      this.options.clock.now(),
      this.options.policy ?? DEFAULT_ROTATION,
    );
    for (const id of remove) {
      await unlink(path.join(this.dir, id)).catch((error) => this.options.log?.(`backup rotation could not remove ${id}`, error));
    }
  }

  /** Removes temp files a crash left in the backup folder (only ours: hidden `.…tmp-pid-n`). */
  async removeOrphanTempFiles(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter(isAnyTempFile).map((name) => unlink(path.join(this.dir, name)).catch(() => undefined)));
  }

  /** The image a backup would restore: opened with every check and migrated. Throws in French. */
  async readVerified(id: string): Promise<Uint8Array> {
    const entry = (await this.list()).find((e) => e.id === id);
    if (!entry) throw new NotFoundError(`La sauvegarde « ${id} » est introuvable dans ${this.dir}. Choisissez-en une dans la liste.`);
    const bytes = new Uint8Array(await readFile(entry.path));
    try {
      const { db } = openDatabase(this.options.sqlite, bytes, this.options.clock);
      try {
        return db.export();
      } finally {
        db.close();
      }
    } catch (error) {
      if (!(error instanceof DatabaseFileError)) throw error;
      throw new IntegrityError(`La sauvegarde « ${id} » ne peut pas être restaurée : ${error.message} Choisissez une autre sauvegarde.`);
    }
  }

  /** The newest backup that passes every open check, to offer when the database is refused. */
  async newestGood(): Promise<BackupEntry | null> {
    for (const entry of await this.list()) {
      try {
        await this.readVerified(entry.id);
        return entry;
      } catch {
        // A damaged backup: try the next older one.
      }
    }
    return null;
  }

  /**
   * Restores a backup: checks it, keeps the current file aside as a 'before-restore' backup,
   * then replaces the database file atomically. Returns the restored image for the backend.
   */
  async restore(id: string, file: DatabaseFile): Promise<Uint8Array> {
    const bytes = await this.readVerified(id);
    await file.replaceContents(bytes, async (current) => {
      await this.create(current, 'before-restore');
    });
    return bytes;
  }
}
