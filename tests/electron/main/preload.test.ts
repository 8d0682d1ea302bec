import * as esbuild from 'esbuild';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MENU_EVENT } from '../../../core/bridge';
import { CHANNELS, MENU_CHANNEL } from '../../../electron/channels';
// @ts-expect-error -- plain .mjs build script, no type declarations
import { electronBundles } from '../../../scripts/build.mjs';

/**
 * Runs the preload exactly as built (same esbuild options as `npm run build`) in a bare VM
 * context whose only module is a fake `electron`: it must need nothing else, which is what a
 * sandboxed preload can `require`.
 */
let code: string;

beforeAll(async () => {
  const options = (electronBundles() as esbuild.BuildOptions[]).find((o) => String(o.outfile).endsWith('preload.cjs'))!;
  const result = await esbuild.build({ ...options, write: false, logLevel: 'silent' });
  code = result.outputFiles[0]!.text;
});

function runPreload() {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const dispatched: { type: string; detail: unknown }[] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { data: 'ok' };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    },
  };
  class CustomEvent {
    constructor(
      readonly type: string,
      init: { detail: unknown },
    ) {
      this.detail = init.detail;
    }
    detail: unknown;
  }
  const context = vm.createContext({
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
    module: { exports: {} },
    exports: {},
    CustomEvent,
    dispatchEvent: (event: CustomEvent) => dispatched.push({ type: event.type, detail: event.detail }),
  });
  vm.runInContext(code, context);
  return { exposed, invoked, listeners, dispatched, required };
}

describe('preload bridge', () => {
  it('requires only electron', () => {
    expect(runPreload().required).toEqual(['electron']);
  });

  it('exposes one object, window.paniers, with exactly the bridge functions', () => {
    const { exposed } = runPreload();
    expect([...exposed.keys()]).toEqual(['paniers']);
    const api = exposed.get('paniers')!;
    expect(Object.keys(api).sort()).toEqual(
      [
        'call', 'createDatabase', 'createDemoDatabase', 'currentDatabase', 'openDatabase', 'openPdf', 'platform', 'printPdf', 'recoverDatabase', 'saveDatabaseCopy', 'savePdf',
        'portalState', 'portalChooseFolder', 'portalExport', 'portalReadRequests', 'portalPush', 'portalSetToken',
      ].sort(),
    );
    expect(api.platform).toBe('electron');
    // Plain functions only: never the IPC object itself, nor any object a page could explore.
    for (const [key, value] of Object.entries(api)) {
      if (key !== 'platform') expect(typeof value, key).toBe('function');
    }
  });

  it('maps each function to its own channel with a fixed payload shape', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed.get('paniers') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const bytes = new Uint8Array([1]);
    await api.call!('organisation-get', {});
    await api.savePdf!('Facture.pdf', bytes);
    await api.openPdf!('/documents/Facture.pdf');
    await api.currentDatabase!();
    await api.portalExport!('incremental');
    await api.portalSetToken!('jeton');
    expect(invoked).toEqual([
      [CHANNELS.call, { method: 'organisation-get', input: {} }],
      [CHANNELS.savePdf, { name: 'Facture.pdf', bytes }],
      [CHANNELS.openPdf, { path: '/documents/Facture.pdf' }],
      [CHANNELS.currentDatabase, undefined],
      [CHANNELS.portalExport, { kind: 'incremental' }],
      [CHANNELS.portalSetToken, { token: 'jeton' }],
    ]);
  });

  it('turns known menu commands into a DOM event and drops anything else', () => {
    const { listeners, dispatched } = runPreload();
    const onMenu = listeners.get(MENU_CHANNEL)!;
    onMenu({}, 'backups');
    onMenu({}, 'rm -rf /');
    onMenu({}, { toString: () => 'backups' });
    expect(dispatched).toEqual([{ type: MENU_EVENT, detail: 'backups' }]);
  });
});
