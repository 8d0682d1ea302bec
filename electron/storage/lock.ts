import { readFile, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ConflictError, NotFoundError } from '../../core/api/errors';
import { writeFileAtomic } from './atomic-write';

/**
 * One writer per database file. sql.js never takes SQLite's own locks on the disk file, so
 * two instances would silently overwrite each other (reliability-security.md §4).
 * proper-lockfile locks with `mkdir`, atomic even on network drives, and refreshes the lock's
 * mtime so a crashed holder's lock goes stale. Beside it, an owner file says who holds it.
 */

export interface LockOwner {
  host: string;
  user: string;
  pid: number;
  startedAt: string;
}

export type LockResult =
  | { acquired: true; lock: DatabaseLock }
  | { acquired: false; holder: LockOwner | null; holderText: string };

export interface LockOptions {
  /** Called once if another process took the lock from us (deleted by hand, stale on a sleeping PC). */
  onCompromised?: (error: Error) => void;
  /** Stale threshold of proper-lockfile (ms); its default, 10 s. */
  staleMs?: number;
}

export function ownerPathFor(dbPath: string): string {
  return `${dbPath}.owner.json`;
}

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

/** `Marie (BUREAU-2, processus 1234)`; the fallback when the owner file is missing. */
export function describeHolder(owner: LockOwner | null): string {
  if (!owner) return 'un autre poste';
  return `${owner.user} (${owner.host}, processus ${owner.pid})`;
}

function currentOwner(): LockOwner {
  let user = 'utilisateur inconnu';
  try {
    user = os.userInfo().username || user;
  } catch {
    // No passwd entry (some containers): keep the generic name.
  }
  return { host: os.hostname(), user, pid: process.pid, startedAt: new Date().toISOString() };
}

async function readOwner(dbPath: string): Promise<LockOwner | null> {
  try {
    const value = JSON.parse(await readFile(ownerPathFor(dbPath), 'utf8')) as Partial<LockOwner>;
    if (typeof value.host !== 'string' || typeof value.user !== 'string' || typeof value.pid !== 'number') return null;
    return { host: value.host, user: value.user, pid: value.pid, startedAt: String(value.startedAt ?? '') };
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A holder on this machine whose process is gone crashed (or was killed): its lock would only
 * go stale after `staleMs`, and meanwhile the user would be stuck read-only. Holders on other
 * machines are left to proper-lockfile's mtime staleness, since we cannot see their processes.
 */
function isDeadLocalHolder(owner: LockOwner | null, absolute: string): boolean {
  if (!owner || owner.host !== os.hostname()) return false;
  // Our own pid: either this process holds it (a second window) or a dead one had our pid.
  if (owner.pid === process.pid) return !heldHere.has(absolute);
  return !isProcessAlive(owner.pid);
}

/** Locks held by this process, to tell our own second window from a dead holder with our pid. */
const heldHere = new Set<string>();

export class DatabaseLock {
  private released = false;

  constructor(
    readonly dbPath: string,
    private readonly release: () => Promise<void>,
  ) {}

  /** Removes the owner file first, so nobody reads our name beside a lock that is gone. */
  async unlock(): Promise<void> {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.dbPath);
    await unlink(ownerPathFor(this.dbPath)).catch(() => undefined);
    await this.release().catch((error: NodeJS.ErrnoException) => {
      // Already lost (compromised) or released: nothing left to remove.
      if (error.code !== 'ERELEASED' && error.code !== 'ENOTACQUIRED') throw error;
    });
  }

  /** Forgets the lock without touching the files (after it was compromised). */
  markLost(): void {
    this.released = true;
    heldHere.delete(this.dbPath);
  }
}

async function tryLock(dbPath: string, options: LockOptions, onCompromised: (error: Error) => void) {
  try {
    return await lockfile.lock(dbPath, {
      realpath: false, // the file may not exist yet (mode 'create')
      stale: options.staleMs ?? 10_000,
      retries: 0,
      onCompromised,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (['EACCES', 'EPERM', 'EROFS'].includes(code)) {
      throw new ConflictError(
        `Impossible d’ouvrir « ${path.basename(dbPath)} » pour le modifier : le dossier ${path.dirname(dbPath)} n’est pas accessible en écriture (droits ou support en lecture seule). Copiez la base dans un dossier où vous pouvez écrire, puis ouvrez cette copie.`,
      );
    }
    if (code === 'ENOENT') {
      throw new NotFoundError(`Le dossier ${path.dirname(dbPath)} est introuvable : il a peut-être été déplacé, ou le lecteur réseau est déconnecté.`);
    }
    throw error;
  }
}

/**
 * Takes the lock of a database file, or says who holds it. Never waits: a held lock means
 * the caller opens the file read-only.
 */
export async function acquireLock(dbPath: string, options: LockOptions = {}): Promise<LockResult> {
  const absolute = path.resolve(dbPath);
  let lock: DatabaseLock | null = null;
  const onCompromised = (error: Error) => {
    lock?.markLost();
    options.onCompromised?.(error);
  };
  let release: () => Promise<void>;
  try {
    release = await tryLock(absolute, options, onCompromised);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readOwner(absolute);
    if (!isDeadLocalHolder(holder, absolute)) return { acquired: false, holder, holderText: describeHolder(holder) };
    // The holder crashed on this machine: its lock is ours to clear. If another starter races
    // us here, proper-lockfile's mtime check reports the loser as compromised.
    await rm(lockPathFor(absolute), { recursive: true, force: true });
    try {
      release = await tryLock(absolute, options, onCompromised);
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code !== 'ELOCKED') throw retryError;
      const next = await readOwner(absolute);
      return { acquired: false, holder: next, holderText: describeHolder(next) };
    }
  }
  lock = new DatabaseLock(absolute, release);
  heldHere.add(absolute);
  try {
    await writeFileAtomic(ownerPathFor(absolute), new TextEncoder().encode(JSON.stringify(currentOwner(), null, 2)));
  } catch (error) {
    await lock.unlock().catch(() => undefined);
    throw error;
  }
  return { acquired: true, lock };
}
