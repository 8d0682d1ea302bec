import { describe, expect, it } from 'vitest';
import { createMainWindow, focusWindow } from '../../../electron/window';
import { createFakeElectron } from '../fake-electron';

function openWindow() {
  const fake = createFakeElectron();
  const window = createMainWindow(fake.electron.BrowserWindow, { preload: '/app/dist/electron/preload.cjs' });
  const created = fake.windows[0]!;
  return { fake, window, created, prefs: created.options.webPreferences! };
}

describe('main window', () => {
  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    const { prefs } = openWindow();
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every experimental or insecure option off', () => {
    const { prefs } = openWindow();
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('uses our preload and nothing else privileged', () => {
    const { prefs } = openWindow();
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('loads the app from app://paniers, never file://, and shows it once painted', () => {
    const { created } = openWindow();
    expect(created.loadedUrls).toEqual(['app://paniers/index.html']);
    expect(created.options.show).toBe(false);
    expect(created.shown).toBe(0);
    created.emit('ready-to-show');
    expect(created.shown).toBe(1);
  });

  it('brings a minimised window back on focus', () => {
    const { window, created } = openWindow();
    created.minimized = true;
    focusWindow(window);
    expect(created.restored).toBe(1);
    expect(created.focused).toBe(1);
  });
});
