/**
 * IPC channel names, shared by main (ipc.ts) and the preload. The preload bundles this file
 * alone, so it imports nothing.
 */
export const CHANNELS = {
  call: 'paniers:call',
  currentDatabase: 'paniers:current-database',
  openDatabase: 'paniers:open-database',
  createDatabase: 'paniers:create-database',
  createDemoDatabase: 'paniers:create-demo-database',
  recoverDatabase: 'paniers:recover-database',
  saveDatabaseCopy: 'paniers:save-database-copy',
  savePdf: 'paniers:save-pdf',
  openPdf: 'paniers:open-pdf',
  printPdf: 'paniers:print-pdf',
  portalState: 'paniers:portal-state',
  portalChooseFolder: 'paniers:portal-choose-folder',
  portalExport: 'paniers:portal-export',
  portalReadRequests: 'paniers:portal-read-requests',
  portalPush: 'paniers:portal-push',
  portalSetToken: 'paniers:portal-set-token',
} as const;

/** Main → page: a menu command, re-dispatched by the preload as a DOM event (core/bridge.ts). */
export const MENU_CHANNEL = 'paniers:menu';
