import { stat } from 'node:fs/promises';
import { ConflictError, ValidationError } from '../../core/api/errors';
import type { Backend } from '../../core/api/backend';
import type { PortalExportDone, PortalExportKind, PortalHostState, PortalPushDone, PortalRequestsRead } from '../../core/bridge';
import { exportToFolder, pushLastExport, readRequestsFromFolder, type PushOptions } from './portal-sync';

/** Where the exchange folder comes from: a dialog remembered by main, or the harness's fixed folder. */
export interface PortalFolderStore {
  current(): Promise<string | null>;
  /** Asks for a folder (Electron's dialog); null when cancelled. */
  choose(): Promise<string | null>;
}

/** Where the push token lives: the OS keychain (Electron) or memory (harness). Never the database. */
export interface PortalTokenStore {
  readonly kind: PortalHostState['tokenStorage'];
  read(): Promise<string | null>;
  /** An empty token forgets the stored one. */
  write(token: string): Promise<void>;
}

const NO_DATABASE = 'Aucune base n’est ouverte : ouvrez la base de votre jardin, puis revenez au portail.';
const MAX_TOKEN_LENGTH = 4096;

/** The portal operations of a host, the same for Electron and the web harness. */
export class PortalHost {
  constructor(
    private readonly deps: {
      backend(): Backend | null;
      folders: PortalFolderStore;
      tokens: PortalTokenStore;
      now(): Date;
      /** Tests only: trust a self-signed certificate, skip the real waits. */
      push?: Omit<PushOptions, 'token'>;
    },
  ) {}

  async state(): Promise<PortalHostState> {
    const token = await this.deps.tokens.read().catch(() => null);
    return { folder: await this.deps.folders.current(), tokenStorage: this.deps.tokens.kind, tokenSaved: Boolean(token) };
  }

  async chooseFolder(): Promise<PortalHostState | null> {
    return (await this.deps.folders.choose()) === null ? null : this.state();
  }

  async export(kind: PortalExportKind): Promise<PortalExportDone> {
    return exportToFolder(this.backend(), await this.folder(), kind);
  }

  async readRequests(): Promise<PortalRequestsRead> {
    return readRequestsFromFolder(this.backend(), await this.folder(), this.deps.now);
  }

  async push(): Promise<PortalPushDone> {
    const backend = this.backend();
    const folder = await this.folder();
    return pushLastExport(backend, folder, { ...this.deps.push, token: await this.deps.tokens.read() });
  }

  async setToken(token: string): Promise<PortalHostState> {
    const trimmed = token.trim();
    if (trimmed.length > MAX_TOKEN_LENGTH) throw ValidationError.field('token', 'Jeton trop long (4 096 caractères au plus) : copiez seulement le jeton donné par le portail.');
    if (/\s/.test(trimmed)) throw ValidationError.field('token', 'Le jeton ne doit pas contenir d’espace ni de retour à la ligne : copiez-le à nouveau depuis le portail.');
    await this.deps.tokens.write(trimmed);
    return this.state();
  }

  private backend(): Backend {
    const backend = this.deps.backend();
    if (!backend) throw new ConflictError(NO_DATABASE);
    return backend;
  }

  /** The chosen folder, still there: a synced folder may have been moved or unplugged since. */
  private async folder(): Promise<string> {
    const folder = await this.deps.folders.current();
    if (!folder) throw new ConflictError('Choisissez d’abord le dossier d’échange avec le portail (« Choisir le dossier »).');
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) {
      throw new ConflictError(`Le dossier du portail ${folder} est introuvable : rebranchez le disque ou choisissez à nouveau le dossier.`);
    }
    return folder;
  }
}
