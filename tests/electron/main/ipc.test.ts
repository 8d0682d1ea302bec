import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../core';
import { CHANNELS } from '../../../electron/channels';
import { registerIpc, type IpcHost } from '../../../electron/ipc';
import { PortalHost } from '../../../electron/portal/portal-host';
import { registerPortalIpc } from '../../../electron/portal/portal-ipc';
import { createMainWindow } from '../../../electron/window';
import { createTestBackend } from '../../support/core';
import { createFakeElectron, FakeFrame, FakeWebContents, type FakeElectron } from '../fake-electron';

let fake: FakeElectron;
let backend: Backend | null;
let main: { sender: FakeWebContents; frame: FakeFrame };
const pdfsSaved: { name: string; bytes: Uint8Array }[] = [];
/** What the portal channels reached (folder or token): must stay empty for a foreign sender. */
const portalReached: string[] = [];

const unused = (what: string) => () => Promise.reject(new Error(`${what} is not part of this test`));

beforeEach(async () => {
  fake = createFakeElectron();
  backend = (await createTestBackend()).backend;
  const window = createMainWindow(fake.electron.BrowserWindow, { preload: '/p.cjs' });
  const contents = fake.windows[0]!.webContents;
  main = { sender: contents, frame: contents.mainFrame };
  pdfsSaved.length = 0;
  const host: IpcHost = {
    mainWindow: () => window,
    backend: () => backend,
    currentDatabase: () => (backend ? { file: '/bases/jardin.paniers', readOnly: false, lockHolder: null } : null),
    openDatabase: unused('openDatabase'),
    createDatabase: unused('createDatabase'),
    createDemoDatabase: unused('createDemoDatabase'),
    recoverDatabase: unused('recoverDatabase'),
    saveDatabaseCopy: unused('saveDatabaseCopy'),
    savePdf: async (name, bytes) => {
      pdfsSaved.push({ name, bytes });
      return { path: `/documents/${name}` };
    },
    openPdf: unused('openPdf'),
    printPdf: unused('printPdf'),
    log: () => undefined,
  };
  registerIpc(fake.electron.ipcMain, host);
  portalReached.length = 0;
  const reached = (what: string) => async () => {
    portalReached.push(what);
    return null;
  };
  const portal = new PortalHost({
    backend: () => backend,
    folders: { current: reached('folder'), choose: reached('choose') },
    tokens: { kind: 'memory', read: reached('token'), write: async () => void portalReached.push('write') },
    now: () => new Date(),
  });
  registerPortalIpc(fake.electron.ipcMain, host, portal);
});

const call = (method: unknown, input?: unknown, from = main) => fake.invoke(CHANNELS.call, from, { method, input });

describe('paniers:call', () => {
  it('answers a registered handler with { data }', async () => {
    const result = (await call('organisation-get', {})) as { data: { legalName: string } };
    expect(result).toHaveProperty('data');
    expect(typeof result.data.legalName).toBe('string');
  });

  it('validates the input with the handler schema: a typed error with French field messages', async () => {
    const { data: org } = (await call('organisation-get', {})) as { data: Record<string, unknown> };
    const result = await call('organisation-update', { ...org, legalName: 'Jardin de Cocagne', iban: 'FR76 0000 0000 0000' });
    expect(result).toEqual({
      error: {
        type: 'validation',
        message: expect.stringContaining('IBAN'),
        fields: { iban: expect.stringMatching(/IBAN invalide|clé de contrôle/) },
      },
    });
  });

  it('runs a valid mutation', async () => {
    const { data: org } = (await call('organisation-get', {})) as { data: Record<string, unknown> };
    await call('organisation-update', { ...org, legalName: 'Jardin de Cocagne du Blavet' });
    expect(await call('organisation-get', {})).toMatchObject({ data: { legalName: 'Jardin de Cocagne du Blavet' } });
  });

  it('refuses an unregistered method with a typed not-found error naming it', async () => {
    expect(await call('organisation-drop', {})).toEqual({
      error: { type: 'not-found', message: expect.stringContaining('organisation-drop') },
    });
  });

  it.each([[42], [''], [null], [{ toString: 'organisation-get' }]])('refuses a malformed method name %j', async (method) => {
    expect(await call(method)).toMatchObject({ error: { type: 'validation', fields: { method: expect.any(String) } } });
  });

  it('says what to do when no database is open', async () => {
    backend = null;
    expect(await call('organisation-get', {})).toEqual({
      error: { type: 'conflict', message: expect.stringContaining('Aucune base n’est ouverte') },
    });
  });
});

describe('sender frame guard', () => {
  const foreign = () => [
    ['an iframe of the window', { sender: main.sender, frame: new FakeFrame('app://paniers/index.html', main.frame, main.frame.processId) }],
    ['another page in the top frame', { sender: main.sender, frame: new FakeFrame('https://evil.example/', null, main.frame.processId, main.frame.routingId) }],
    ['a frame that is gone', { sender: main.sender, frame: null }],
    ['another window', { sender: new FakeWebContents(), frame: new FakeFrame('app://paniers/index.html') }],
    ['a file:// page', { sender: main.sender, frame: new FakeFrame('file:///C:/index.html', null, main.frame.processId, main.frame.routingId) }],
  ] as const;

  it('refuses every channel from a foreign frame, and runs nothing', async () => {
    for (const [, from] of foreign()) {
      for (const channel of Object.values(CHANNELS)) {
        const input = channel === CHANNELS.call ? { method: 'organisation-update', input: {} } : { name: 'x.pdf', bytes: new Uint8Array(1) };
        const result = await fake.invoke(channel, from as never, input);
        expect(result).toEqual({ error: { type: 'conflict', message: expect.stringContaining('Appel refusé') } });
      }
    }
    expect(pdfsSaved).toEqual([]);
    expect(portalReached).toEqual([]);
  });

  it('refuses calls once the window is closed', async () => {
    fake.windows[0]!.destroyed = true;
    expect(await call('organisation-get', {})).toMatchObject({ error: { type: 'conflict' } });
  });
});

describe('host channels', () => {
  it('registers one handler per bridge function', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('validates their input too, with French field names', async () => {
    const result = await fake.invoke(CHANNELS.savePdf, main, { name: '', bytes: 'pas des octets' });
    expect(result).toEqual({
      error: {
        type: 'validation',
        message: expect.stringMatching(/Nom du fichier|Contenu du PDF/),
        fields: { name: 'Champ obligatoire.', bytes: 'Le contenu du PDF doit être une suite d’octets.' },
      },
    });
    expect(pdfsSaved).toEqual([]);
  });

  it('passes valid input through and answers { data }', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70]);
    expect(await fake.invoke(CHANNELS.savePdf, main, { name: 'Facture 2026-0001.pdf', bytes })).toEqual({
      data: { path: '/documents/Facture 2026-0001.pdf' },
    });
    expect(await fake.invoke(CHANNELS.currentDatabase, main)).toEqual({
      data: { file: '/bases/jardin.paniers', readOnly: false, lockHolder: null },
    });
  });

  it('turns an unexpected failure into an internal error without its stack', async () => {
    const result = (await fake.invoke(CHANNELS.openPdf, main, { path: '/documents/a.pdf' })) as { error: { type: string; message: string } };
    expect(result.error.type).toBe('internal');
    expect(result.error.message).not.toContain('not part of this test');
  });
});
