import { fromSerializedError } from '../../core/api/errors';
import type { BridgeResult, OpenDatabase, PaniersBridge } from '../../core/bridge';
import { fileNameOf } from '../shell/save-state';
import type { Host, HostState } from './host';

function toState(db: OpenDatabase | null): HostState {
  return { open: db !== null, fileName: fileNameOf(db?.file ?? null), databases: [] };
}

async function unwrap<T>(reply: Promise<BridgeResult<T>>): Promise<T> {
  const result = await reply;
  if ('error' in result) throw fromSerializedError(result.error);
  return result.data;
}

/** Electron: the main process shows the file dialogs; a cancelled dialog gives null. */
export function electronHost(bridge: PaniersBridge): Host {
  return {
    kind: 'electron',
    asksForFileName: false,
    state: async () => toState(await unwrap(bridge.currentDatabase())),
    createDatabase: async () => {
      const db = await unwrap(bridge.createDatabase());
      return db ? toState(db) : null;
    },
    openDatabase: async () => {
      const db = await unwrap(bridge.openDatabase());
      return db ? toState(db) : null;
    },
    openDemo: async () => toState(await unwrap(bridge.createDemoDatabase())),
    recoverRefused: async () => toState(await unwrap(bridge.recoverDatabase())),
    portal: {
      state: () => unwrap(bridge.portalState()),
      chooseFolder: () => unwrap(bridge.portalChooseFolder()),
      export: (kind) => unwrap(bridge.portalExport(kind)),
      readRequests: () => unwrap(bridge.portalReadRequests()),
      push: () => unwrap(bridge.portalPush()),
      setToken: (token) => unwrap(bridge.portalSetToken(token)),
    },
  };
}
