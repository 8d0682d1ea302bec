import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';

/**
 * The parts of the `electron` module the shell uses, as narrow structural types. The real
 * module satisfies them (main.ts passes it in, and tsc checks that); tests pass the fake of
 * tests/electron/fake-electron.ts, so every module here runs in plain Node.
 */
export type Listener = (...args: never[]) => unknown;

export interface Emitter {
  on(event: string, listener: Listener): unknown;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface WebContentsLike extends Emitter {
  readonly mainFrame: FrameLike;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  send(channel: string, ...args: unknown[]): void;
  reload(): void;
  isDestroyed(): boolean;
}

export interface WindowLike extends Emitter {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  once(event: string, listener: Listener): unknown;
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => WindowLike;

export interface AppLike extends Emitter {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  getPath(name: 'userData' | 'documents' | 'temp'): string;
  getVersion(): string;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
  /** Resolves with an error message, or '' on success (Electron's contract). */
  openPath(path: string): Promise<string>;
}

export interface DialogLike {
  showOpenDialog(window: WindowLike, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: WindowLike, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showMessageBox(window: WindowLike, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showErrorBox(title: string, content: string): void;
}

/** Electron's safeStorage: strings encrypted with the OS keychain (DPAPI, Keychain, libsecret). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
}

export interface InvokeEvent {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface MenuLike {
  buildFromTemplate(template: MenuItemConstructorOptions[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

export interface ElectronApi {
  app: AppLike;
  BrowserWindow: WindowConstructor;
  dialog: DialogLike;
  ipcMain: IpcMainLike;
  Menu: MenuLike;
  protocol: ProtocolLike;
  session: { readonly defaultSession: SessionLike };
  shell: ShellLike;
  safeStorage: SafeStorageLike;
}
