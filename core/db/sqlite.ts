import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads the SQLite WASM module once per process. Hosts that bundle the app pass the wasm
 * bytes (Electron main reads them from the app resources); Node tests let sql.js find its
 * own file.
 */
export function loadSqlite(options: { wasmBinary?: ArrayBuffer | Uint8Array } = {}): Promise<SqlJsStatic> {
  loading ??= initSqlJs(
    options.wasmBinary ? ({ wasmBinary: options.wasmBinary } as unknown as Parameters<typeof initSqlJs>[0]) : undefined,
  );
  return loading;
}

export type { SqlJsStatic };
