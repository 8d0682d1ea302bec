import type { SqlJsStatic } from 'sql.js';
import { IntegrityError, type RecoveryOffer, type SerializedError } from '../api/errors';
import type { Clock } from '../dates/clock';
import { Db } from './database';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

/** `PRAGMA application_id` of a Paniers database: "PANI" in ASCII. Rejects other apps' files. */
export const APPLICATION_ID = 0x50414e49;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const MIN_SIZE = 512;

export type DatabaseProblem =
  | 'empty'
  | 'too-small'
  | 'not-sqlite'
  | 'foreign'
  | 'newer'
  | 'corrupt'
  | 'foreign-keys'
  | 'migrations';

/** Why a file cannot be opened; the message is for the office staff. */
export class DatabaseFileError extends IntegrityError {
  /** Set by the host when a good backup can replace the refused file. */
  recovery: RecoveryOffer | undefined;

  constructor(
    readonly problem: DatabaseProblem,
    message: string,
  ) {
    super(message);
  }

  override toJSON(): SerializedError {
    return this.recovery ? { type: this.type, message: this.message, recovery: this.recovery } : super.toJSON();
  }
}

function readUint32BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) >>> 0) + (bytes[offset + 1]! << 16) + (bytes[offset + 2]! << 8) + bytes[offset + 3]!;
}

/**
 * The cheap checks, on the header alone (fileformat2 §1.3): size, magic, our application id,
 * a schema version we know. Throws DatabaseFileError.
 */
export function checkHeader(bytes: Uint8Array): { schemaVersion: number } {
  if (bytes.length === 0) {
    throw new DatabaseFileError('empty', 'Le fichier est vide : ce n’est pas une base Paniers (peut-être un enregistrement interrompu).');
  }
  if (bytes.length < MIN_SIZE) {
    throw new DatabaseFileError('too-small', `Le fichier est trop petit (${bytes.length} octets) pour être une base Paniers : il est tronqué ou d’un autre type.`);
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 16));
  if (magic !== SQLITE_MAGIC) {
    throw new DatabaseFileError('not-sqlite', 'Ce fichier n’est pas une base de données Paniers (ce n’est pas une base SQLite).');
  }
  if (readUint32BE(bytes, 68) !== APPLICATION_ID) {
    throw new DatabaseFileError('foreign', 'Ce fichier est une base de données d’un autre logiciel, pas une base Paniers.');
  }
  const schemaVersion = readUint32BE(bytes, 60);
  if (schemaVersion > SCHEMA_VERSION) {
    throw new DatabaseFileError(
      'newer',
      `Cette base a été enregistrée par une version plus récente de Paniers (schéma ${schemaVersion}, cette version connaît le schéma ${SCHEMA_VERSION}). Mettez Paniers à jour pour l’ouvrir.`,
    );
  }
  return { schemaVersion };
}

function appliedMigrations(db: Db): string[] {
  const table = db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!table?.n) return [];
  return db.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id').map((row) => row.id);
}

/** The deep checks: SQLite's own integrity check, foreign keys, and our migration history. */
export function checkContents(db: Db, schemaVersion: number): void {
  const integrity = db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    throw new DatabaseFileError('corrupt', 'La base de données est endommagée (contrôle d’intégrité SQLite en échec).');
  }
  const brokenKeys = db.all('PRAGMA foreign_key_check');
  if (brokenKeys.length > 0) {
    throw new DatabaseFileError('foreign-keys', `La base de données est incohérente : ${brokenKeys.length} référence(s) vers des fiches disparues.`);
  }
  const applied = appliedMigrations(db);
  const known = MIGRATIONS.map((m) => m.id);
  const isPrefix = applied.length <= known.length && applied.every((id, i) => id === known[i]);
  if (!isPrefix || applied.length !== schemaVersion) {
    throw new DatabaseFileError(
      'migrations',
      'L’historique des mises à jour de cette base ne correspond pas à cette version de Paniers : elle a peut-être été modifiée par un autre outil.',
    );
  }
}

function applyMigration(db: Db, migration: Migration, version: number, clock: Clock): void {
  db.transaction(() => {
    db.exec(migration.up);
    migration.after?.(db);
    db.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [migration.id, clock.now().toISOString()]);
    db.exec(`PRAGMA user_version = ${version}`);
  });
}

function migrate(db: Db, from: number, clock: Clock): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done: string[] = [];
  MIGRATIONS.forEach((migration, index) => {
    if (index < from) return;
    applyMigration(db, migration, index + 1, clock);
    done.push(migration.id);
  });
  return done;
}

export interface OpenedDb {
  db: Db;
  /** Migrations applied by this open (empty when the file was up to date). */
  migrated: string[];
}

/** A fresh database with every migration applied. */
/**
 * 16 KiB pages (SQLite's default is 4 KiB): on the benchmark databases they halve the time
 * of export() (every save) and cut integrity_check (every open) by a third. Only a new, empty
 * database can choose its page size.
 */
export const PAGE_SIZE = 16_384;

export function createDatabase(sqlite: SqlJsStatic, clock: Clock): Db {
  const db = new Db(new sqlite.Database());
  db.exec(`PRAGMA page_size = ${PAGE_SIZE}`);
  db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
  migrate(db, 0, clock);
  return db;
}

/**
 * Opens a database image with every check, then applies pending migrations. A file that
 * fails a check throws DatabaseFileError and is left untouched (the bytes are not modified).
 */
export function openDatabase(sqlite: SqlJsStatic, bytes: Uint8Array, clock: Clock): OpenedDb {
  const { schemaVersion } = checkHeader(bytes);
  let db: Db;
  try {
    // Setting the connection's pragmas already reads the header: a truncated file fails here.
    db = new Db(new sqlite.Database(bytes));
  } catch {
    throw new DatabaseFileError('corrupt', 'La base de données est endommagée : le fichier est tronqué ou illisible.');
  }
  try {
    checkContents(db, schemaVersion);
    return { db, migrated: migrate(db, schemaVersion, clock) };
  } catch (error) {
    db.close();
    if (error instanceof DatabaseFileError) throw error;
    // sql.js reports a damaged page as SQLITE_CORRUPT / SQLITE_NOTADB on first use.
    throw new DatabaseFileError('corrupt', 'La base de données est endommagée et ne peut pas être lue.');
  }
}

/** Opens then closes: the verdict on a backup or a candidate file, without keeping it. */
export function verifyDatabase(sqlite: SqlJsStatic, bytes: Uint8Array, clock: Clock): void {
  openDatabase(sqlite, bytes, clock).db.close();
}
