// The sandboxed preload (bundled to CommonJS: sandboxed preloads cannot be ES modules). It
// exposes one object, `window.paniers`, with one function per command: no ipcRenderer, no
// callbacks, nothing the page could use to reach another channel.
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_COMMANDS, MENU_EVENT, type MenuCommand, type PaniersBridge } from '../core/bridge';
import { CHANNELS, MENU_CHANNEL } from './channels';

const invoke = (channel: string, input?: unknown) => ipcRenderer.invoke(channel, input);

const api = {
  platform: 'electron',
  call: (method, input) => invoke(CHANNELS.call, { method, input }),
  currentDatabase: () => invoke(CHANNELS.currentDatabase),
  openDatabase: () => invoke(CHANNELS.openDatabase),
  createDatabase: () => invoke(CHANNELS.createDatabase),
  createDemoDatabase: () => invoke(CHANNELS.createDemoDatabase),
  recoverDatabase: () => invoke(CHANNELS.recoverDatabase),
  saveDatabaseCopy: () => invoke(CHANNELS.saveDatabaseCopy),
  savePdf: (name, bytes) => invoke(CHANNELS.savePdf, { name, bytes }),
  openPdf: (path) => invoke(CHANNELS.openPdf, { path }),
  printPdf: (name, bytes) => invoke(CHANNELS.printPdf, { name, bytes }),
  portalState: () => invoke(CHANNELS.portalState),
  portalChooseFolder: () => invoke(CHANNELS.portalChooseFolder),
  portalExport: (kind) => invoke(CHANNELS.portalExport, { kind }),
  portalReadRequests: () => invoke(CHANNELS.portalReadRequests),
  portalPush: () => invoke(CHANNELS.portalPush),
  portalSetToken: (token) => invoke(CHANNELS.portalSetToken, { token }),
} satisfies PaniersBridge;

contextBridge.exposeInMainWorld('paniers', api);

// The preload runs in the page's (isolated) world; the Node-side tsconfig has no DOM types.
const page = globalThis as unknown as {
  dispatchEvent(event: unknown): boolean;
  CustomEvent: new (type: string, init: { detail: MenuCommand }) => unknown;
};

// Menu commands reach the page as a DOM event carrying only a known string.
ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  if (MENU_COMMANDS.includes(command as MenuCommand)) {
    page.dispatchEvent(new page.CustomEvent(MENU_EVENT, { detail: command as MenuCommand }));
  }
});
