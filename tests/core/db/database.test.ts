import { describe, expect, it } from 'vitest';
import { createDatabase, Db, fixedClock, loadSqlite } from '../../../core';
import { TEST_NOW } from '../../support/core';

async function fresh(): Promise<Db> {
  return createDatabase(await loadSqlite(), fixedClock(TEST_NOW));
}

const gardens = (db: Db) => db.all<{ name: string }>('SELECT name FROM gardens ORDER BY id').map((g) => g.name);
const addGarden = (db: Db, name: string) => db.run('INSERT INTO gardens (name) VALUES (?)', [name]);

describe('nested transactions', () => {
  it('rolls back only the inner savepoint when an inner step fails', async () => {
    const db = await fresh();
    db.transaction(() => {
      addGarden(db, 'Pont-Scorff');
      expect(() =>
        db.transaction(() => {
          addGarden(db, 'Riantec');
          throw new Error('inner step failed');
        }),
      ).toThrow('inner step failed');
      expect(db.inTransaction).toBe(true);
      addGarden(db, 'Hennebont');
    });
    expect(gardens(db)).toEqual(['Pont-Scorff', 'Hennebont']);
    expect(db.inTransaction).toBe(false);
  });

  it('rolls back everything, inner savepoints included, when the outer transaction fails', async () => {
    const db = await fresh();
    expect(() =>
      db.transaction(() => {
        addGarden(db, 'Pont-Scorff');
        db.transaction(() => addGarden(db, 'Riantec'));
        throw new Error('outer step failed');
      }),
    ).toThrow('outer step failed');
    expect(gardens(db)).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('keeps working after a failed constraint inside a savepoint', async () => {
    const db = await fresh();
    db.transaction(() => {
      addGarden(db, 'Riantec');
      expect(() => db.transaction(() => addGarden(db, 'Riantec'))).toThrow(/UNIQUE/);
    });
    expect(gardens(db)).toEqual(['Riantec']);
  });

  it('refuses an asynchronous function, which would leave the transaction open across an await', async () => {
    const db = await fresh();
    expect(() => db.transaction(async () => addGarden(db, 'Riantec'))).toThrow(/synchronous/);
    expect(gardens(db)).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('cannot export in the middle of a transaction', async () => {
    const db = await fresh();
    expect(() => db.transaction(() => db.export())).toThrow(/inside a transaction/);
  });
});

/**
 * A database whose sql.js connection counts the statements it prepares and those freed: a
 * statement never freed holds WASM memory that never shrinks (sql.js allocates it outside JS).
 */
async function counted(): Promise<{ db: Db; live: () => number }> {
  const sqlite = await loadSqlite();
  const raw = new sqlite.Database((await fresh()).export());
  let live = 0;
  const prepare = raw.prepare.bind(raw);
  raw.prepare = (sql, params) => {
    const stmt = prepare(sql, params);
    live++;
    const free = stmt.free.bind(stmt);
    stmt.free = () => {
      live--;
      return free();
    };
    return stmt;
  };
  return { db: new Db(raw), live: () => live };
}

describe('statements', () => {
  it('are freed: 20,000 reads and writes leave no statement behind and the database exports', async () => {
    const { db, live } = await counted();
    addGarden(db, 'Pont-Scorff');
    db.withStatement('SELECT 1', () => expect(live()).toBe(1)); // the counter sees a statement in use
    for (let i = 0; i < 10_000; i++) db.get('SELECT name FROM gardens WHERE id = ?', [1]);
    for (let i = 0; i < 10_000; i++) db.run('UPDATE gardens SET address = ? WHERE id = 1', [String(i)]);
    expect(live()).toBe(0);
    expect(db.export().length).toBeGreaterThan(0);
    expect(db.get('SELECT name, address FROM gardens')).toEqual({ name: 'Pont-Scorff', address: '9999' });
  });

  it('are freed when the statement or its use fails', async () => {
    const { db, live } = await counted();
    for (let i = 0; i < 100; i++) expect(() => db.get('SELECT nope FROM gardens')).toThrow(/no such column/);
    expect(() =>
      db.withStatement('SELECT 1', () => {
        throw new Error('use failed');
      }),
    ).toThrow('use failed');
    expect(() => db.withStatement('INSERT INTO gardens (name) VALUES (?)', (stmt) => stmt.run([null]))).toThrow(/NOT NULL/);
    expect(live()).toBe(0);
    expect(db.export().length).toBeGreaterThan(0);
  });

  it('reuses one prepared statement for bulk inserts', async () => {
    const db = await fresh();
    db.transaction(() => db.withStatement('INSERT INTO gardens (name) VALUES (?)', (stmt) => ['A', 'B', 'C'].forEach((name) => stmt.run([name]))));
    expect(gardens(db)).toEqual(['A', 'B', 'C']);
    expect(db.withStatement('SELECT name FROM gardens WHERE name > ? ORDER BY name', (stmt) => [stmt.all(['A']), stmt.all(['B'])])).toEqual([
      [{ name: 'B' }, { name: 'C' }],
      [{ name: 'C' }],
    ]);
  });
});
