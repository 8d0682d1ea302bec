import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { ElectronApi, FrameLike, InvokeEvent, Listener } from '../../electron/electron-api';

/**
 * An injected stand-in for the parts of the `electron` module the shell uses: it records
 * every call and lets a test fire the events Electron would. Electron itself cannot run on
 * our build machines (no binary), so this is how main-process logic is tested.
 */
type Handler = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Handler[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as unknown as Handler]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

/** An Electron event: records whether a handler called `preventDefault()`. */
export function fakeEvent<T extends object>(extra: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextId = 1;

export class FakeFrame implements FrameLike {
  constructor(
    public url: string,
    public parent: FrameLike | null = null,
    public processId = 7,
    public routingId = nextId++,
  ) {}
}

export class FakeWebContents extends FakeEmitter {
  mainFrame = new FakeFrame('app://paniers/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly sent: unknown[][] = [];
  reloads = 0;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  reload(): void {
    this.reloads += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function createFakeElectron(options: { hasSingleInstanceLock?: boolean; paths?: Record<string, string> } = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    shown = 0;
    focused = 0;
    restored = 0;
    minimized = false;
    destroyed = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
    }
    show(): void {
      this.shown += 1;
    }
    focus(): void {
      this.focused += 1;
    }
    restore(): void {
      this.restored += 1;
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const app = new (class extends FakeEmitter {
    isPackaged = false;
    quitCalls = 0;
    requestSingleInstanceLock(): boolean {
      record('app.requestSingleInstanceLock');
      return options.hasSingleInstanceLock ?? true;
    }
    whenReady(): Promise<void> {
      return Promise.resolve();
    }
    quit(): void {
      this.quitCalls += 1;
    }
    getPath(name: string): string {
      const path = options.paths?.[name];
      if (!path) throw new Error(`fake app.getPath: no path for ${name}`);
      return path;
    }
    getVersion(): string {
      return '0.1.0';
    }
  })();

  const permissionRequestHandlers: Handler[] = [];
  const permissionCheckHandlers: Handler[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const privilegedSchemes: CustomScheme[] = [];
  const ipcHandlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  const menus: MenuItemConstructorOptions[][] = [];
  const dialogs = {
    open: [] as OpenDialogOptions[],
    save: [] as SaveDialogOptions[],
    messages: [] as MessageBoxOptions[],
    errors: [] as [string, string][],
    /** What the next open/save dialog answers: a path, or null for "cancelled". */
    nextOpen: null as string | null,
    nextSave: null as string | null,
  };
  const opened = { external: [] as string[], paths: [] as string[], openPathAnswer: '' };
  /** safeStorage stand-in: a reversible transform, so a test can tell the file holds no clear token. */
  const keychain = { available: true };
  const scramble = (bytes: Uint8Array) => Uint8Array.from(bytes, (byte) => byte ^ 0x5a);

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      async showOpenDialog(_window, dialogOptions) {
        dialogs.open.push(dialogOptions);
        return dialogs.nextOpen ? { canceled: false, filePaths: [dialogs.nextOpen] } : { canceled: true, filePaths: [] };
      },
      async showSaveDialog(_window, dialogOptions) {
        dialogs.save.push(dialogOptions);
        return dialogs.nextSave ? { canceled: false, filePath: dialogs.nextSave } : { canceled: true, filePath: '' };
      },
      async showMessageBox(_window, messageOptions) {
        dialogs.messages.push(messageOptions);
        return { response: 0, checkboxChecked: false };
      },
      showErrorBox(title, content) {
        dialogs.errors.push([title, content]);
      },
    },
    ipcMain: {
      handle(channel, listener) {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, listener);
      },
    },
    Menu: {
      buildFromTemplate(template) {
        menus.push(template);
        return template;
      },
      setApplicationMenu(menu) {
        record('Menu.setApplicationMenu', menu);
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes) {
        privilegedSchemes.push(...schemes);
      },
      handle(scheme, handler) {
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(handler) {
          if (handler) permissionRequestHandlers.push(handler as unknown as Handler);
        },
        setPermissionCheckHandler(handler) {
          if (handler) permissionCheckHandlers.push(handler as unknown as Handler);
        },
      },
    },
    shell: {
      async openExternal(url) {
        opened.external.push(url);
      },
      async openPath(path) {
        opened.paths.push(path);
        return opened.openPathAnswer;
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => keychain.available,
      encryptString(plainText: string) {
        if (!keychain.available) throw new Error('Encryption is not available.');
        return Buffer.concat([Buffer.from('fake-keychain:'), scramble(new TextEncoder().encode(plainText))]);
      },
      decryptString(encrypted: Buffer) {
        if (!keychain.available) throw new Error('Encryption is not available.');
        const prefix = Buffer.from('fake-keychain:');
        if (!encrypted.subarray(0, prefix.length).equals(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return new TextDecoder().decode(scramble(encrypted.subarray(prefix.length)));
      },
    },
  } satisfies ElectronApi;

  return {
    electron,
    app,
    windows,
    calls,
    dialogs,
    opened,
    keychain,
    menus,
    privilegedSchemes,
    protocolHandlers,
    ipcHandlers,
    permissionRequestHandlers,
    permissionCheckHandlers,
    /** Invokes an IPC channel as the renderer would, from `frame` of `sender`. */
    invoke(channel: string, from: { sender: FakeWebContents; frame: FrameLike | null }, ...args: unknown[]) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler for ${channel}`);
      return handler({ sender: from.sender, senderFrame: from.frame }, ...args);
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
