import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../core/api/errors';
import type { Backend } from '../../core/api/backend';
import { DATABASE_EXTENSION } from '../app-paths';
import { DatabaseHost, type OpenSession } from '../databases';

/** What `GET /host/state` answers; the renderer's `HostState` (renderer/host/host.ts). */
export interface HarnessHostState {
  open: boolean;
  fileName: string | null;
  databases: string[];
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,79}$/u;

/**
 * The harness's databases, all inside one data folder: the browser names files, never
 * paths, so a page cannot make the server touch anything outside that folder.
 */
export class HarnessDatabases {
  private readonly host: DatabaseHost;

  constructor(
    private readonly dataDir: string,
    openSession: OpenSession,
    log: (message: string, error?: unknown) => void,
  ) {
    // userData: DatabaseHost remembers the last file there; keep it out of the listed files.
    this.host = new DatabaseHost({ openSession, userData: path.join(dataDir, '.harness'), log });
  }

  backend(): Backend | null {
    return this.host.backend();
  }

  /** A file name typed in the browser → a path inside the data folder, or a French error. */
  resolveName(name: unknown): string {
    const raw = typeof name === 'string' ? name.trim() : '';
    if (!raw) throw ValidationError.field('path', 'Indiquez le nom du fichier de la base (exemple : jardin.paniers).');
    const withExtension = raw.toLowerCase().endsWith(`.${DATABASE_EXTENSION}`) ? raw : `${raw}.${DATABASE_EXTENSION}`;
    if (!NAME.test(withExtension) || withExtension.includes('..')) {
      throw ValidationError.field(
        'path',
        'Nom de fichier invalide : utilisez des lettres, des chiffres, des espaces, « - », « _ » ou « . », sans « / » ni « \\ ».',
      );
    }
    return path.join(this.dataDir, withExtension);
  }

  async state(): Promise<HarnessHostState> {
    const open = this.host.describe();
    return { open: open !== null, fileName: open ? path.basename(open.file) : null, databases: await this.list() };
  }

  async open(file: string, mode: 'open' | 'create'): Promise<HarnessHostState> {
    await mkdir(path.dirname(file), { recursive: true });
    await this.host.open(file, mode);
    return this.state();
  }

  /** Puts the backup offered for the file refused at the last open in its place, and opens it. */
  async recoverRefused(): Promise<HarnessHostState> {
    await this.host.recoverRefused();
    return this.state();
  }

  /** The first free `demo.paniers`, `demo-2.paniers`…: a fresh demo never overwrites a file. */
  async freeDemoPath(): Promise<string> {
    const taken = new Set(await this.list());
    let name = `demo.${DATABASE_EXTENSION}`;
    for (let n = 2; taken.has(name); n++) name = `demo-${n}.${DATABASE_EXTENSION}`;
    return path.join(this.dataDir, name);
  }

  close(): Promise<void> {
    return this.host.close();
  }

  private async list(): Promise<string[]> {
    try {
      const entries = await readdir(this.dataDir, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(`.${DATABASE_EXTENSION}`))
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b, 'fr'));
    } catch {
      return [];
    }
  }
}
