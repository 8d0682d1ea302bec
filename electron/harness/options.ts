import os from 'node:os';
import path from 'node:path';

export interface HarnessOptions {
  /** Database to open at start (absolute), or null for the first-run screen. */
  db: string | null;
  /** Create `db` instead of opening it. */
  create: boolean;
  /** Open a fresh demonstration database at start. */
  demo: boolean;
  /** 0 = any free port (tests). */
  port: number;
  /** The only folder the browser may create or open databases in. */
  dataDir: string;
  /** The built renderer. */
  staticDir: string;
}

export class UsageError extends Error {}

const USAGE = 'Usage : tsx electron/harness/server.ts [--db fichier.paniers] [--create] [--demo] [--port N] [--data-dir dossier] [--static dossier]';

/** Parses the harness command line; paths are resolved against `cwd`. */
export function parseHarnessArgs(argv: readonly string[], cwd: string): HarnessOptions {
  const options: HarnessOptions = {
    db: null,
    create: false,
    demo: false,
    port: 5174,
    dataDir: '',
    staticDir: path.resolve(cwd, 'dist/renderer'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} attend une valeur.\n${USAGE}`);
      return next;
    };
    if (arg === '--db') options.db = path.resolve(cwd, value());
    else if (arg === '--create') options.create = true;
    else if (arg === '--demo') options.demo = true;
    else if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port invalide : ${argv[i]}.\n${USAGE}`);
      options.port = port;
    } else if (arg === '--data-dir') options.dataDir = path.resolve(cwd, value());
    else if (arg === '--static') options.staticDir = path.resolve(cwd, value());
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`Option inconnue : ${arg}.\n${USAGE}`);
  }
  if (options.create && !options.db) throw new UsageError(`--create demande --db.\n${USAGE}`);
  // The data folder defaults to the database's own folder, else a fresh temporary folder.
  if (!options.dataDir) options.dataDir = options.db ? path.dirname(options.db) : path.join(os.tmpdir(), `paniers-web-${process.pid}`);
  return options;
}
