import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSqlite, toSerializedError } from '../core';
import type { MenuCommand, OpenDatabase } from '../core/bridge';
import { databaseFromArgv, defaultDatabasePath, demoDatabasePath, readLastDatabase } from './app-paths';
import { MENU_CHANNEL } from './channels';
import { DatabaseHost, type OpenSession } from './databases';
import { askDatabaseDestination, askDatabaseToOpen, PdfFiles } from './dialogs';
import { writeDemoFile } from './harness/demo-file';
import type { ElectronApi, WindowLike } from './electron-api';
import { registerIpc, type IpcHost } from './ipc';
import { desktopFolderStore, keychainTokenStore } from './portal/portal-desktop';
import { PortalHost } from './portal/portal-host';
import { registerPortalIpc } from './portal/portal-ipc';
import { installMenu, type MenuActions } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { createMainWindow, focusWindow } from './window';

export interface ShellOptions {
  /** Built files: the renderer folder, the preload bundle, sql.js's WASM, the window icon. */
  paths: { renderer: string; preload: string; wasm: string; icon?: string };
  openSession: OpenSession;
  argv: readonly string[];
  cwd: string;
  platform: string;
  log: (message: string, error?: unknown) => void;
}

export interface Shell {
  /** Settles once the window exists (tests await it). */
  ready: Promise<void>;
  mainWindow(): WindowLike | null;
  databases(): DatabaseHost | null;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * The desktop shell: one instance, one hardened window, the database file behind the IPC
 * channels. Returns null in a second instance, which hands over to the first and quits.
 */
export function startApp(electron: ElectronApi, options: ShellOptions): Shell | null {
  const { app, dialog, shell } = electron;
  // A second launch (or a double-clicked .paniers file) goes to the running instance; two
  // instances of one user would otherwise fight over the same file.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerAppScheme(electron.protocol);
  hardenAllWebContents(app, shell);

  let window: WindowLike | null = null;
  let databases: DatabaseHost | null = null;
  let closed = false;

  const userData = () => app.getPath('userData');
  const documents = () => app.getPath('documents');
  const folderForDialogs = () => path.dirname(databases?.describe()?.file ?? defaultDatabasePath(documents()));

  const requireWindow = (): WindowLike => {
    if (!window || window.isDestroyed()) throw new Error('no main window');
    return window;
  };

  const showError = (title: string, error: unknown) => {
    const message = toSerializedError(error).message;
    if (!window || window.isDestroyed()) return dialog.showErrorBox(title, message);
    void dialog.showMessageBox(window, { type: 'error', title, message: title, detail: message, buttons: ['OK'] });
  };

  const sendMenuCommand = (command: MenuCommand) => {
    if (window && !window.isDestroyed()) window.webContents.send(MENU_CHANNEL, command);
  };

  const pdfs = new PdfFiles({ dialog, shell, documents: documents(), temp: app.getPath('temp') });

  const askAndOpen = async (): Promise<OpenDatabase | null> => {
    const file = await askDatabaseToOpen(dialog, requireWindow(), folderForDialogs());
    return file ? databases!.open(file, 'open') : null;
  };
  const askAndCreate = async (): Promise<OpenDatabase | null> => {
    const file = await askDatabaseDestination(dialog, requireWindow(), {
      title: 'Nouvelle base Paniers',
      buttonLabel: 'Créer',
      defaultPath: databases?.describe() ? path.join(folderForDialogs(), 'nouvelle.paniers') : defaultDatabasePath(documents()),
    });
    return file ? databases!.open(file, 'create') : null;
  };
  const askAndCopy = async (): Promise<{ path: string } | null> => {
    const current = databases?.describe();
    const file = await askDatabaseDestination(dialog, requireWindow(), {
      title: 'Enregistrer une copie de la base',
      buttonLabel: 'Enregistrer la copie',
      defaultPath: current ? current.file.replace(/\.paniers$/i, ' - copie.paniers') : defaultDatabasePath(documents()),
    });
    return file ? databases!.copyTo(file) : null;
  };

  const host: IpcHost = {
    mainWindow: () => window,
    backend: () => databases?.backend() ?? null,
    currentDatabase: () => databases?.describe() ?? null,
    openDatabase: askAndOpen,
    createDatabase: askAndCreate,
    createDemoDatabase: async () => {
      // The demo lives in the app's own folder, generated once (the same one as the web
      // harness's); reopening it keeps what the user tried.
      const file = demoDatabasePath(userData());
      if (!(await exists(file))) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeDemoFile(file);
      }
      return databases!.open(file, 'open');
    },
    recoverDatabase: () => databases!.recoverRefused(),
    saveDatabaseCopy: askAndCopy,
    savePdf: (name, bytes) => pdfs.save(requireWindow(), name, bytes),
    openPdf: (file) => pdfs.open(file),
    printPdf: (name, bytes) => pdfs.print(name, bytes),
    log: options.log,
  };

  // From the menu, a new database means a fresh page: reload so every screen refetches.
  const switchFromMenu = (run: () => Promise<OpenDatabase | null>, title: string) => () => {
    void run().then(
      (opened) => opened && window?.webContents.reload(),
      (error: unknown) => showError(title, error),
    );
  };
  const actions: MenuActions = {
    newDatabase: switchFromMenu(askAndCreate, 'La nouvelle base n’a pas pu être créée'),
    openDatabase: switchFromMenu(askAndOpen, 'La base n’a pas pu être ouverte'),
    saveDatabaseCopy: () => {
      void askAndCopy().catch((error: unknown) => showError('La copie n’a pas pu être enregistrée', error));
    },
    showBackups: () => sendMenuCommand('backups'),
    showShortcuts: () => sendMenuCommand('shortcuts'),
    showAbout: () => {
      if (!window) return;
      void dialog.showMessageBox(window, {
        type: 'info',
        title: 'À propos de Paniers',
        message: `Paniers ${app.getVersion()}`,
        detail: 'Gestion des adhérents, paniers, livraisons, factures et prélèvements d’un Jardin de Cocagne.',
        buttons: ['OK'],
      });
    },
  };

  app.on('second-instance', (_event: unknown, argv: string[], cwd: string) => {
    focusWindow(window);
    const file = databaseFromArgv(argv, cwd);
    if (file) switchFromMenu(() => databases!.open(file, 'open'), 'La base n’a pas pu être ouverte')();
  });
  app.on('window-all-closed', () => app.quit());
  // Close the database (and release its lock) before quitting, so the next start is not read-only.
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (closed || !databases) return;
    event.preventDefault();
    closed = true;
    void databases
      .close()
      .catch((error: unknown) => options.log('closing the database failed', error))
      .finally(() => app.quit());
  });

  const ready = app.whenReady().then(async () => {
    serveRenderer(electron.protocol, options.paths.renderer);
    denyAllPermissions(electron.session.defaultSession);
    const wasmBinary = new Uint8Array(await readFile(options.paths.wasm));
    // sql.js is loaded once per process: load it now from the bundled bytes, so every later
    // user (sessions, the demo generator) gets this module and never looks for the file.
    await loadSqlite({ wasmBinary });
    databases = new DatabaseHost({ openSession: options.openSession, userData: userData(), wasmBinary, log: options.log });
    registerIpc(electron.ipcMain, host);
    const portal = new PortalHost({
      backend: () => databases?.backend() ?? null,
      folders: desktopFolderStore({
        dialog,
        window: requireWindow,
        userData: userData(),
        database: () => databases?.describe()?.file ?? null,
        documents: documents(),
      }),
      tokens: keychainTokenStore(electron.safeStorage, userData()),
      now: () => new Date(),
    });
    registerPortalIpc(electron.ipcMain, host, portal);
    installMenu(electron.Menu, actions, { isMac: options.platform === 'darwin', isPackaged: app.isPackaged });

    // Open the file before the page asks for it, so its first `currentDatabase` is right.
    const initial = databaseFromArgv(options.argv, options.cwd) ?? (await readLastDatabase(userData()));
    let failure: unknown = null;
    if (initial && (await exists(initial))) {
      await databases.open(initial, 'open').catch((error: unknown) => {
        failure = error;
      });
    }
    window = createMainWindow(electron.BrowserWindow, { preload: options.paths.preload, icon: options.paths.icon });
    window.on('closed', () => {
      window = null;
    });
    if (failure) showError(`La base ${path.basename(initial!)} n’a pas pu être ouverte`, failure);
  });

  return { ready, mainWindow: () => window, databases: () => databases };
}
