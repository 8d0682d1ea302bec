import type { PortalExportDone, PortalExportKind, PortalHostState, PortalPushDone, PortalRequestsRead } from '../../core/bridge';

/**
 * The host runs the renderer: Electron (native dialogs through the preload bridge) or the web
 * harness (files live in one data folder, chosen by name). The first-run screen and the menus
 * call this interface and never care which one it is.
 */
export interface HostState {
  /** A database is open and the API can be called. */
  open: boolean;
  /** File name of the open database, for the header. */
  fileName: string | null;
  /** Web harness only: the databases in its data folder, to pick one by name. */
  databases: string[];
}

export interface Host {
  readonly kind: 'electron' | 'web';
  /**
   * True on the web: the renderer asks for a file name (no file dialog can reach the disk).
   * False in Electron: the host shows its own save/open dialogs.
   */
  readonly asksForFileName: boolean;
  state(): Promise<HostState>;
  /** Resolves to null when the person cancelled the host's dialog. */
  createDatabase(name?: string): Promise<HostState | null>;
  openDatabase(name?: string): Promise<HostState | null>;
  openDemo(): Promise<HostState | null>;
  /** After an open refused a file and offered a backup: restore that backup in its place, then open it. */
  recoverRefused(): Promise<HostState>;
  /** The exchange with the subscribers' portal: files in a folder the host owns, push over HTTPS. */
  readonly portal: PortalOperations;
}

/**
 * What the Portail screen asks the host. The page never names a path: Electron's main
 * remembers the folder chosen in its dialog, the web harness always uses its `portail/` folder.
 */
export interface PortalOperations {
  state(): Promise<PortalHostState>;
  /** Resolves to null when the person cancelled the folder dialog. */
  chooseFolder(): Promise<PortalHostState | null>;
  export(kind: PortalExportKind): Promise<PortalExportDone>;
  readRequests(): Promise<PortalRequestsRead>;
  push(): Promise<PortalPushDone>;
  /** An empty token forgets the stored one. The token is never read back. */
  setToken(token: string): Promise<PortalHostState>;
}
