// Electron's entry (bundled to dist/electron/main.cjs): only wiring. Every piece lives in a
// module that takes the electron API as a parameter, so tests run it with a fake.
import * as electron from 'electron';
import type { BrowserWindow } from 'electron';
import path from 'node:path';
import { startApp } from './app';
import type { DialogLike, ElectronApi } from './electron-api';
import { openSession } from './session';

// The shell only creates BrowserWindows, so the windows it hands to dialogs are BrowserWindows.
const dialog: DialogLike = {
  showOpenDialog: (window, options) => electron.dialog.showOpenDialog(window as unknown as BrowserWindow, options),
  showSaveDialog: (window, options) => electron.dialog.showSaveDialog(window as unknown as BrowserWindow, options),
  showMessageBox: (window, options) => electron.dialog.showMessageBox(window as unknown as BrowserWindow, options),
  showErrorBox: (title, content) => electron.dialog.showErrorBox(title, content),
};

const api: ElectronApi = {
  app: electron.app,
  BrowserWindow: electron.BrowserWindow,
  dialog,
  ipcMain: electron.ipcMain,
  Menu: electron.Menu,
  protocol: electron.protocol,
  session: electron.session,
  shell: electron.shell,
  safeStorage: electron.safeStorage,
};

// dist/electron/main.cjs sits beside preload.cjs, sql-wasm.wasm and icon.png; the renderer is dist/renderer.
startApp(api, {
  paths: {
    renderer: path.join(__dirname, '..', 'renderer'),
    preload: path.join(__dirname, 'preload.cjs'),
    wasm: path.join(__dirname, 'sql-wasm.wasm'),
    icon: path.join(__dirname, 'icon.png'),
  },
  openSession,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  log: (message, error) => console.error(`[paniers] ${message}`, error ?? ''),
});
