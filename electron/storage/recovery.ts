import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError, type Clock, type SqlJsStatic } from '../../core';
import { writeFileAtomic } from './atomic-write';
import { Backups, databaseStem, fileStamp } from './backups';
import { acquireLock } from './lock';

export interface RecoveryResult {
  /** Where the refused file now lives, untouched (it is never deleted or written over). */
  damagedCopy: string | null;
}

/**
 * Puts a checked backup in place of a database that no longer opens. The refused file is
 * renamed beside it (`<nom>-endommage-<date>.paniers`), never written over nor deleted: it may
 * still hold something worth rescuing (`sqlite3 .recover`). Runs under the database's lock.
 */
export async function recoverFromBackup(options: {
  dbPath: string;
  backupId: string;
  sqlite: SqlJsStatic;
  clock: Clock;
  backupDir?: string;
}): Promise<RecoveryResult> {
  const dbPath = path.resolve(options.dbPath);
  const locked = await acquireLock(dbPath);
  if (!locked.acquired) {
    throw new ConflictError(`${locked.holderText} utilise cette base : la restauration se fait quand elle n’est ouverte nulle part ailleurs.`);
  }
  try {
    const backups = new Backups({ dbPath, dir: options.backupDir, sqlite: options.sqlite, clock: options.clock });
    const bytes = await backups.readVerified(options.backupId);
    const exists = await access(dbPath).then(
      () => true,
      () => false,
    );
    let damagedCopy: string | null = null;
    if (exists) {
      damagedCopy = path.join(path.dirname(dbPath), `${databaseStem(dbPath)}-endommage-${fileStamp(options.clock.now())}${path.extname(dbPath)}`);
      await rename(dbPath, damagedCopy);
    }
    await writeFileAtomic(dbPath, bytes);
    return { damagedCopy };
  } finally {
    await locked.lock.unlock();
  }
}
