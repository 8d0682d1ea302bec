import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLike } from './electron-api';

/** What the menu items do; app.ts wires them to dialogs, the database host and the page. */
export interface MenuActions {
  newDatabase(): void;
  openDatabase(): void;
  saveDatabaseCopy(): void;
  showBackups(): void;
  showShortcuts(): void;
  showAbout(): void;
}

/**
 * The French application menu. Edit and View items use Electron roles (the OS does the work)
 * with French labels, since Electron's role labels follow the OS language, not the app's.
 * Developer tools appear only in a development build.
 */
export function menuTemplate(actions: MenuActions, options: { isMac: boolean; isPackaged: boolean }): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: [
      { label: 'Nouvelle base…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newDatabase() },
      { label: 'Ouvrir…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDatabase() },
      { label: 'Enregistrer une copie…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveDatabaseCopy() },
      { type: 'separator' },
      { label: 'Sauvegardes…', click: () => actions.showBackups() },
      { type: 'separator' },
      options.isMac ? { label: 'Fermer la fenêtre', role: 'close' } : { label: 'Quitter', role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { label: 'Annuler', role: 'undo' },
      { label: 'Rétablir', role: 'redo' },
      { type: 'separator' },
      { label: 'Couper', role: 'cut' },
      { label: 'Copier', role: 'copy' },
      { label: 'Coller', role: 'paste' },
      { label: 'Tout sélectionner', role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { label: 'Actualiser', role: 'reload' },
      { type: 'separator' },
      { label: 'Taille réelle', role: 'resetZoom' },
      { label: 'Zoom avant', role: 'zoomIn' },
      { label: 'Zoom arrière', role: 'zoomOut' },
      { type: 'separator' },
      { label: 'Plein écran', role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : [{ label: 'Outils de développement', role: 'toggleDevTools' } as const]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Aide',
    role: 'help',
    submenu: [
      { label: 'Raccourcis clavier', accelerator: 'F1', click: () => actions.showShortcuts() },
      { type: 'separator' },
      { label: 'À propos de Paniers', click: () => actions.showAbout() },
    ],
  };
  const macApp: MenuItemConstructorOptions = {
    label: 'Paniers',
    submenu: [
      { label: 'À propos de Paniers', click: () => actions.showAbout() },
      { type: 'separator' },
      { label: 'Masquer Paniers', role: 'hide' },
      { label: 'Masquer les autres', role: 'hideOthers' },
      { label: 'Tout afficher', role: 'unhide' },
      { type: 'separator' },
      { label: 'Quitter Paniers', role: 'quit' },
    ],
  };
  return options.isMac ? [macApp, file, edit, view, help] : [file, edit, view, help];
}

export function installMenu(Menu: MenuLike, actions: MenuActions, options: { isMac: boolean; isPackaged: boolean }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)));
}
