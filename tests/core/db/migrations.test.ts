import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, PAGE_SIZE, createDatabase, DatabaseFileError, fixedClock, loadSqlite, MIGRATIONS, openDatabase, SCHEMA_VERSION, type Db } from '../../../core';
import { verifyChain } from '../../../core/ledger/chain';
import { TEST_NOW } from '../../support/core';

const clock = fixedClock(TEST_NOW);

async function fresh(): Promise<{ db: Db; sqlite: Awaited<ReturnType<typeof loadSqlite>> }> {
  const sqlite = await loadSqlite();
  return { db: createDatabase(sqlite, clock), sqlite };
}

/** The refusal an image gets at open, or null when it opens. */
async function refusal(bytes: Uint8Array): Promise<DatabaseFileError | null> {
  const sqlite = await loadSqlite();
  try {
    openDatabase(sqlite, bytes, clock).db.close();
    return null;
  } catch (error) {
    if (error instanceof DatabaseFileError) return error;
    throw error;
  }
}

describe('migrations from an empty database', () => {
  it('creates every table of the schema', async () => {
    const { db } = await fresh();
    const tables = db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((t) => t.name);
    for (const table of ['schema_migrations', 'organisation', 'gardens', 'depots', 'rounds', 'round_depots', 'formulas', 'formula_prices', 'subscribers', 'subscriptions', 'deliveries', 'ledger_entries']) {
      expect(tables).toContain(table);
    }
    expect(db.get('SELECT id FROM organisation')).toEqual({ id: 1 });
  });

  it('records every migration, in order, with the schema version and our application id', async () => {
    const { db } = await fresh();
    expect(db.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id').map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(db.all<{ applied_at: string }>('SELECT DISTINCT applied_at FROM schema_migrations')).toEqual([{ applied_at: TEST_NOW }]);
    expect(db.pragma('user_version')).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id')).toBe(APPLICATION_ID);
    expect(db.pragma('page_size')).toBe(PAGE_SIZE);
    expect(new DataView(db.export().buffer).getUint16(16)).toBe(PAGE_SIZE); // header: survives export
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('keeps migration ids unique and sorted, so the applied list is comparable', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}-[a-z0-9-]+$/);
  });

  it('opens its own export unchanged, applying nothing', async () => {
    const { db, sqlite } = await fresh();
    const opened = openDatabase(sqlite, db.export(), clock);
    expect(opened.migrated).toEqual([]);
    expect(opened.db.pragma('user_version')).toBe(SCHEMA_VERSION);
  });

  it('applies only the missing migrations to an older database', async () => {
    if (MIGRATIONS.length < 2) return; // nothing older than the first schema to migrate from
    const sqlite = await loadSqlite();
    const old = new sqlite.Database();
    old.run(`PRAGMA application_id = ${APPLICATION_ID}`);
    old.run('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    old.exec(MIGRATIONS[0]!.up);
    old.run('INSERT INTO schema_migrations VALUES (?, ?)', [MIGRATIONS[0]!.id, TEST_NOW]);
    old.run('PRAGMA user_version = 1');
    const opened = openDatabase(sqlite, old.export(), clock);
    old.close();
    expect(opened.migrated).toEqual(MIGRATIONS.slice(1).map((m) => m.id));
    expect(opened.db.pragma('user_version')).toBe(SCHEMA_VERSION);
  });
});

describe('refusing a database this version cannot trust', () => {
  it('refuses a newer database and says to update Paniers', async () => {
    const { db } = await fresh();
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    const error = await refusal(db.export());
    expect(error?.problem).toBe('newer');
    expect(error?.message).toMatch(/version plus récente de Paniers.*Mettez Paniers à jour/);
  });

  it('refuses a database with a migration this version does not know', async () => {
    const { db } = await fresh();
    db.run('INSERT INTO schema_migrations VALUES (?, ?)', ['2099-01-01-01-from-the-future', TEST_NOW]);
    expect((await refusal(db.export()))?.problem).toBe('migrations');
  });

  it('refuses a database whose applied list was renamed or lost an entry', async () => {
    const renamed = await fresh();
    renamed.db.run('UPDATE schema_migrations SET id = ? WHERE id = ?', ['2026-12-04-01-other', MIGRATIONS[0]!.id]);
    expect((await refusal(renamed.db.export()))?.problem).toBe('migrations');

    const missing = await fresh();
    missing.db.run('DELETE FROM schema_migrations WHERE id = ?', [MIGRATIONS[MIGRATIONS.length - 1]!.id]);
    const error = await refusal(missing.db.export());
    expect(error?.problem).toBe('migrations');
    expect(error?.message).toMatch(/ne correspond pas à cette version de Paniers/);
  });

  it('refuses a database whose foreign keys point at missing rows', async () => {
    const { db } = await fresh();
    db.exec('PRAGMA foreign_keys = OFF');
    db.run("INSERT INTO depots (name, garden_id, weekday) VALUES ('Orphelin', 99, 2)");
    expect((await refusal(db.export()))?.problem).toBe('foreign-keys');
  });
});

describe('foreign keys', () => {
  const insertOrphan = (db: Db) => () => db.run("INSERT INTO depots (name, garden_id, weekday) VALUES ('Orphelin', 99, 2)");

  it('are enforced on a created database, after opening, and after every export', async () => {
    const { db, sqlite } = await fresh();
    expect(db.pragma('foreign_keys')).toBe(1);
    expect(insertOrphan(db)).toThrow(/FOREIGN KEY/);
    db.export();
    expect(db.pragma('foreign_keys')).toBe(1);
    expect(insertOrphan(db)).toThrow(/FOREIGN KEY/);
    const opened = openDatabase(sqlite, db.export(), clock).db;
    expect(opened.pragma('foreign_keys')).toBe(1);
    expect(insertOrphan(opened)).toThrow(/FOREIGN KEY/);
  });
});

describe('the payments migration (08)', () => {
  it('keeps every ledger entry of a version-7 file, names its source and chains it', async () => {
    const sqlite = await loadSqlite();
    const old = new sqlite.Database();
    old.run(`PRAGMA application_id = ${APPLICATION_ID}`);
    old.run('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const seven = MIGRATIONS.findIndex((m) => m.id === '2026-12-04-07-document-assets') + 1;
    MIGRATIONS.slice(0, seven).forEach((m) => {
      old.exec(m.up);
      old.run('INSERT INTO schema_migrations VALUES (?, ?)', [m.id, TEST_NOW]);
    });
    old.run(`PRAGMA user_version = ${seven}`);
    old.run("INSERT INTO subscribers (id, last_name, created_at) VALUES (1, 'Le Gall', 'x')");
    old.run("INSERT INTO ledger_entries (subscriber_id, entry_date, kind, amount_cents, label, created_at) VALUES (1, '2026-03-31', 'opening_balance', 2500, 'Reprise', 'x')");
    old.run("INSERT INTO ledger_entries (subscriber_id, entry_date, kind, amount_cents, method, label, created_at) VALUES (1, '2026-04-10', 'payment', 1500, 'cheque', 'Chèque', 'x')");
    const { db, migrated } = openDatabase(sqlite, old.export(), clock);
    old.close();
    expect(migrated).toEqual(MIGRATIONS.slice(seven).map((m) => m.id));
    expect(db.all('SELECT id, kind, amount_cents, source_type FROM ledger_entries ORDER BY id')).toEqual([
      { id: 1, kind: 'opening_balance', amount_cents: 2500, source_type: 'opening' },
      { id: 2, kind: 'payment', amount_cents: 1500, source_type: 'payment' },
    ]);
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 2 });
    // The reversal link points at the ledger itself after the table was rebuilt and renamed.
    expect(db.all("SELECT \"table\" FROM pragma_foreign_key_list('ledger_entries')")).toContainEqual({ table: 'ledger_entries' });
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM pragma_foreign_key_check')!.n).toBe(0);
  });
});
