import type { WindowConstructor, WindowLike } from './electron-api';
import { APP_ENTRY_URL } from './security';

/**
 * The main window. Every security-relevant preference is written out even where it is
 * Electron's default, so a reader (and electronegativity, which only reads an object literal
 * passed to `new BrowserWindow`) sees it, and a changed default cannot weaken us: checklist
 * items 2–4 (isolation, sandbox, no Node), 6 (webSecurity), 8–10 (no insecure content, no
 * experimental features, Blink's `Auxclick` off so a middle click opens nothing), no <webview>.
 * Shown once painted (no white flash), then loads the app from `app://paniers`.
 */
export function createMainWindow(BrowserWindow: WindowConstructor, paths: { preload: string; icon?: string }): WindowLike {
  const window = new BrowserWindow({
    title: 'Paniers',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f8f9fa',
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** A second launch brings the existing window forward instead of opening another one. */
export function focusWindow(window: WindowLike | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
