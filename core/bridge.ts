import type { SerializedError } from './api/errors';

/**
 * What Electron's preload exposes as `window.paniers`. Types only, platform-neutral: the
 * renderer imports them to pick its transport at start (this bridge if present, else HTTP).
 * Every function returns `{ data }` or `{ error }` and never throws, like the handler map;
 * no function takes a callback and `ipcRenderer` is never exposed.
 */
export type BridgeResult<T> = { data: T } | { error: SerializedError };

/** The database the desktop app has open; `null` on first run (nothing opened yet). */
export interface OpenDatabase {
  file: string;
  /** True when another instance holds the file's lock: every change is refused. */
  readOnly: boolean;
  /** Who holds the lock when read-only (`Marie (BUREAU-2, processus 1234)`), else null. */
  lockHolder: string | null;
}

export interface PaniersBridge {
  readonly platform: 'electron';
  /** One backend handler by kebab-case name (`organisation-update`), input validated in main. */
  call(method: string, input?: unknown): Promise<BridgeResult<unknown>>;
  /** The open database, or `null` when none is open yet (show the first-run screen). */
  currentDatabase(): Promise<BridgeResult<OpenDatabase | null>>;
  /** Shows the « Ouvrir » dialog and opens the chosen file; `null` when the user cancels. */
  openDatabase(): Promise<BridgeResult<OpenDatabase | null>>;
  /** Shows the « Nouvelle base » dialog and creates the file; `null` when the user cancels. */
  createDatabase(): Promise<BridgeResult<OpenDatabase | null>>;
  /** « Explorer la démo »: opens the demo database in the app's own folder, generating it the first time. */
  createDemoDatabase(): Promise<BridgeResult<OpenDatabase>>;
  /**
   * After an open refused a file (corrupt, truncated…) and offered a backup (`recovery` in the
   * error): puts that backup in its place, keeping the refused file aside, and opens it.
   */
  recoverDatabase(): Promise<BridgeResult<OpenDatabase>>;
  /** « Enregistrer une copie… »: copies the open file where the user chooses. */
  saveDatabaseCopy(): Promise<BridgeResult<{ path: string } | null>>;
  /** Shows the save dialog for a PDF; returns where it was written, `null` when cancelled. */
  savePdf(suggestedName: string, bytes: Uint8Array): Promise<BridgeResult<{ path: string } | null>>;
  /** « Ouvrir le PDF »: opens a PDF saved by `savePdf` in this session, in the user's PDF reader. */
  openPdf(path: string): Promise<BridgeResult<null>>;
  /** « Imprimer »: opens the document in the user's PDF reader, whose print dialog is reliable. */
  printPdf(suggestedName: string, bytes: Uint8Array): Promise<BridgeResult<null>>;
  /** Portal sync (issue 9): the exchange folder and whether a push token is stored. */
  portalState(): Promise<BridgeResult<PortalHostState>>;
  /** Shows the folder dialog; main remembers the folder itself. `null` when cancelled. */
  portalChooseFolder(): Promise<BridgeResult<PortalHostState | null>>;
  /** Prepares the export in the backend, writes its files into the folder, then confirms it. */
  portalExport(kind: PortalExportKind): Promise<BridgeResult<PortalExportDone>>;
  /** Imports the request files waiting in `demandes/` and moves them to `demandes/traitees/`. */
  portalReadRequests(): Promise<BridgeResult<PortalRequestsRead>>;
  /** Sends the last written export to the portal's push URL over HTTPS. */
  portalPush(): Promise<BridgeResult<PortalPushDone>>;
  /** Stores the push token outside the database (OS keychain); an empty token forgets it. */
  portalSetToken(token: string): Promise<BridgeResult<PortalHostState>>;
}

export type PortalExportKind = 'full' | 'incremental';

/** What the host knows about the portal exchange: never the token itself. */
export interface PortalHostState {
  /** The exchange folder, shown to the office; null until one is chosen. */
  folder: string | null;
  /** `keychain`: encrypted by the OS; `memory`: until the harness stops; `unavailable`: cannot be stored. */
  tokenStorage: 'keychain' | 'memory' | 'unavailable';
  tokenSaved: boolean;
}

export interface PortalExportDone {
  exportId: number;
  sequence: number;
  kind: PortalExportKind;
  /** Why the kind differs from the one asked (the first export is always complete), else null. */
  notice: string | null;
  /** Files written, manifest included. */
  files: number;
  folder: string;
}

/** One request file the import refused, with why (JSON path and French message). */
export interface PortalFileReport {
  name: string;
  problems: { path: string; message: string }[];
}

export interface PortalRequestsRead {
  /** Request files found in `demandes/`. */
  read: number;
  applied: number;
  waiting: number;
  rejected: number;
  duplicates: number;
  /** Files that could not be imported: they stay in `demandes/` to be corrected. */
  files: PortalFileReport[];
}

export interface PortalPushDone {
  ok: boolean;
  /** French, shown as is and recorded on the export. */
  status: string;
  attempts: number;
}

/**
 * Menu commands the main process forwards to the page as a DOM `CustomEvent` named
 * `MENU_EVENT` on `window`, with the command as `detail`. A DOM event rather than a bridge
 * callback: nothing from the page is ever handed to the privileged side.
 */
export const MENU_EVENT = 'paniers:menu';
export type MenuCommand = 'backups' | 'shortcuts';
export const MENU_COMMANDS: readonly MenuCommand[] = ['backups', 'shortcuts'];
