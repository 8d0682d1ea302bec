import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { installMenu, menuTemplate, type MenuActions } from '../../../electron/menu';
import { createFakeElectron } from '../fake-electron';

function recordingActions() {
  const done: string[] = [];
  const actions: MenuActions = {
    newDatabase: () => done.push('newDatabase'),
    openDatabase: () => done.push('openDatabase'),
    saveDatabaseCopy: () => done.push('saveDatabaseCopy'),
    showBackups: () => done.push('showBackups'),
    showShortcuts: () => done.push('showShortcuts'),
    showAbout: () => done.push('showAbout'),
  };
  return { actions, done };
}

const labels = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.type !== 'separator').map((item) => item.label);
const submenu = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((item) => item.label === label)!.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  const { actions } = recordingActions();
  const windows = menuTemplate(actions, { isMac: false, isPackaged: true });

  it('is in French, with the four menus of the issue', () => {
    expect(labels(windows)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(labels(submenu(windows, 'Fichier'))).toEqual(['Nouvelle base…', 'Ouvrir…', 'Enregistrer une copie…', 'Sauvegardes…', 'Quitter']);
    expect(labels(submenu(windows, 'Édition'))).toEqual(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']);
    expect(labels(submenu(windows, 'Aide'))).toEqual(['Raccourcis clavier', 'À propos de Paniers']);
  });

  it('gives every item a French label, roles included (Electron would use the OS language)', () => {
    const all = windows.flatMap((menu) => [menu, ...(menu.submenu as MenuItemConstructorOptions[])]);
    for (const item of all.filter((i) => i.type !== 'separator')) {
      expect(item.label, JSON.stringify(item)).toMatch(/^[A-ZÀ-Ý]/);
      expect(item.label).not.toMatch(/\b(File|Edit|View|Help|Undo|Paste|Quit)\b/);
    }
  });

  it('runs the right action for each command', () => {
    const { actions: recorded, done } = recordingActions();
    const template = menuTemplate(recorded, { isMac: false, isPackaged: true });
    for (const menu of template) {
      for (const item of menu.submenu as MenuItemConstructorOptions[]) {
        (item.click as (() => void) | undefined)?.();
      }
    }
    expect(done).toEqual(['newDatabase', 'openDatabase', 'saveDatabaseCopy', 'showBackups', 'showShortcuts', 'showAbout']);
  });

  it('offers developer tools only outside the packaged app', () => {
    const roles = (packaged: boolean) =>
      submenu(menuTemplate(actions, { isMac: false, isPackaged: packaged }), 'Affichage').map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('adds the macOS application menu in French', () => {
    const mac = menuTemplate(actions, { isMac: true, isPackaged: true });
    expect(labels(mac)).toEqual(['Paniers', 'Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(labels(submenu(mac, 'Paniers'))).toContain('Quitter Paniers');
  });

  it('is installed as the application menu', () => {
    const fake = createFakeElectron();
    installMenu(fake.electron.Menu, actions, { isMac: false, isPackaged: true });
    expect(fake.calls.filter((c) => c.method === 'Menu.setApplicationMenu')).toHaveLength(1);
    expect(labels(fake.menus[0]!)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });
});
