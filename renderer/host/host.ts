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
}
