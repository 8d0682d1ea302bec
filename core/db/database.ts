import type { Database as SqlJsDatabase, SqlValue, Statement } from 'sql.js';

export type { SqlValue };
export type Params = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** A prepared statement usable many times inside `Db.withStatement`, for bulk work. */
export interface PreparedStatement {
  run(params?: Params): void;
  all<T>(params?: Params): T[];
  /** Calls `visit` row by row without holding them all (long walks); `false` stops early. */
  each<T>(params: Params | undefined, visit: (row: T) => boolean | void): void;
}

function eachRow<T>(stmt: Statement, params: Params | undefined, visit: (row: T) => boolean | void): void {
  if (params) stmt.bind(params as never);
  try {
    // getAsObject() asks WASM for the column names on every row; ask once instead.
    const columns = stmt.getColumnNames();
    while (stmt.step()) {
      const values = stmt.get();
      const row: Record<string, SqlValue> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i] ?? null;
      if (visit(row as T) === false) break;
    }
  } finally {
    stmt.reset();
  }
}

/**
 * The one way core code touches SQLite. Statements are always freed (sql.js allocates them in
 * WASM memory that never shrinks), nested transactions become savepoints, and the pragmas
 * that SQLite resets per connection are applied on every (re)open.
 */
export class Db {
  private depth = 0;
  private savepointSeq = 0;

  constructor(private raw: SqlJsDatabase) {
    this.applyConnectionPragmas();
  }

  private applyConnectionPragmas(): void {
    // Foreign keys default to OFF on every SQLite connection (pragma.html#pragma_foreign_keys).
    this.raw.run('PRAGMA foreign_keys = ON');
    // The default 2 MB page cache makes integrity_check re-read pages many times; 64 MB holds
    // a large association's whole database and halves the open-time check (measured).
    this.raw.run('PRAGMA cache_size = -65536');
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  run(sql: string, params?: Params): RunResult {
    this.raw.run(sql, params as never);
    return { changes: this.raw.getRowsModified(), lastInsertRowid: this.lastInsertRowid() };
  }

  private lastInsertRowid(): number {
    const stmt = this.raw.prepare('SELECT last_insert_rowid()');
    try {
      stmt.step();
      return Number(stmt.get()[0]);
    } finally {
      stmt.free();
    }
  }

  all<T = Record<string, SqlValue>>(sql: string, params?: Params): T[] {
    return this.withStatement(sql, (stmt) => stmt.all<T>(params));
  }

  get<T = Record<string, SqlValue>>(sql: string, params?: Params): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): void {
    this.raw.exec(sql);
  }

  withStatement<R>(sql: string, use: (stmt: PreparedStatement) => R): R {
    const stmt: Statement = this.raw.prepare(sql);
    try {
      return use({
        run: (params) => {
          stmt.run(params as never);
        },
        all: <T>(params?: Params) => {
          const rows: T[] = [];
          eachRow<T>(stmt, params, (row) => {
            rows.push(row);
          });
          return rows;
        },
        each: <T>(params: Params | undefined, visit: (row: T) => boolean | void) => eachRow(stmt, params, visit),
      });
    } finally {
      stmt.free();
    }
  }

  /**
   * Runs `fn` atomically: the outermost call is a transaction, inner calls are savepoints,
   * so a failing inner step rolls back alone. `fn` must be synchronous: a transaction must
   * never stay open across an await (sql.js cannot export while one is open).
   */
  transaction<T>(fn: () => T): T {
    const outer = this.depth === 0;
    const savepoint = `sp_${++this.savepointSeq}`;
    this.raw.run(outer ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
    this.depth++;
    try {
      const result = fn();
      if (result instanceof Promise) {
        throw new TypeError('Db.transaction() takes a synchronous function.');
      }
      this.depth--;
      this.raw.run(outer ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      this.depth--;
      if (outer) {
        this.raw.run('ROLLBACK');
      } else {
        this.raw.run(`ROLLBACK TO ${savepoint}`);
        this.raw.run(`RELEASE ${savepoint}`);
      }
      throw error;
    }
  }

  /** A consistent image of the whole database (only between transactions). */
  export(): Uint8Array {
    if (this.depth > 0) throw new Error('Cannot export the database inside a transaction.');
    const bytes = this.raw.export();
    // sql.js up to 1.14 closed and reopened the connection on export, silently dropping
    // foreign_keys (sql.js #159); re-applying is cheap and keeps us safe on any version.
    this.applyConnectionPragmas();
    return bytes;
  }

  /** Swaps the underlying connection (restoring the last durable image after a failed save). */
  replaceConnection(raw: SqlJsDatabase): void {
    if (this.depth > 0) throw new Error('Cannot replace the connection inside a transaction.');
    this.raw.close();
    this.raw = raw;
    this.applyConnectionPragmas();
  }

  pragma<T = SqlValue>(name: string): T | undefined {
    const row = this.all<Record<string, SqlValue>>(`PRAGMA ${name}`)[0];
    return row ? (Object.values(row)[0] as T) : undefined;
  }

  close(): void {
    this.raw.close();
  }
}
