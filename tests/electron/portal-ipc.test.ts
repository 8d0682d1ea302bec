import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type Shell } from '../../electron/app';
import { CHANNELS } from '../../electron/channels';
import { PORTAL_SETTINGS_FILE, PORTAL_TOKEN_FILE } from '../../electron/portal/portal-desktop';
import { openSession } from '../../electron/session';
import { createFakeElectron, FakeFrame } from './fake-electron';

let dir: string;
let shell: Shell | null = null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'paniers-portal-ipc-'));
  for (const folder of ['userData', 'documents', 'temp', 'portail']) await mkdir(path.join(dir, folder));
});

afterEach(async () => {
  await shell?.databases()?.close();
  shell = null;
});

/** The desktop app with a fake Electron and one database created through its dialog. */
async function launch() {
  const fake = createFakeElectron({
    paths: { userData: path.join(dir, 'userData'), documents: path.join(dir, 'documents'), temp: path.join(dir, 'temp') },
  });
  shell = startApp(fake.electron, {
    paths: { renderer: path.join(dir, 'renderer'), preload: '/app/preload.cjs', wasm: 'node_modules/sql.js/dist/sql-wasm.wasm' },
    openSession,
    argv: ['electron', '.'],
    cwd: dir,
    platform: 'linux',
    log: () => undefined,
  });
  await shell!.ready;
  const contents = fake.windows[0]!.webContents;
  const main = { sender: contents, frame: contents.mainFrame };
  const invoke = (channel: string, input?: unknown, from: { sender: typeof contents; frame: FakeFrame | typeof contents.mainFrame } = main) =>
    fake.invoke(channel, from, input) as Promise<Record<string, unknown>>;
  fake.dialogs.nextSave = path.join(dir, 'documents', 'jardin.paniers');
  await invoke(CHANNELS.createDatabase);
  return { fake, invoke, contents };
}

describe('portal channels (Electron main)', () => {
  it('remembers the folder chosen in the dialog, per database, and exports into it', async () => {
    const { fake, invoke } = await launch();
    expect(await invoke(CHANNELS.portalState)).toEqual({ data: { folder: null, tokenStorage: 'keychain', tokenSaved: false } });
    // No folder yet: a French answer, nothing written anywhere.
    expect(await invoke(CHANNELS.portalExport, { kind: 'full' })).toMatchObject({ error: { type: 'conflict', message: expect.stringContaining('Choisissez d’abord le dossier') } });

    // Cancelled dialog: null, nothing remembered.
    expect(await invoke(CHANNELS.portalChooseFolder)).toEqual({ data: null });
    const folder = path.join(dir, 'portail');
    fake.dialogs.nextOpen = folder;
    expect(await invoke(CHANNELS.portalChooseFolder)).toEqual({ data: { folder, tokenStorage: 'keychain', tokenSaved: false } });
    expect(fake.dialogs.open.at(-1)).toMatchObject({ title: 'Dossier d’échange avec le portail', properties: ['openDirectory', 'createDirectory'] });
    const settings = JSON.parse(await readFile(path.join(dir, 'userData', PORTAL_SETTINGS_FILE), 'utf8')) as unknown;
    expect(settings).toEqual({ folders: { [path.join(dir, 'documents', 'jardin.paniers')]: folder } });

    expect(await invoke(CHANNELS.portalExport, { kind: 'full' })).toMatchObject({ data: { sequence: 1, kind: 'full', folder } });
    expect(await readdir(folder)).toContain('manifest.json');
    expect(await invoke(CHANNELS.portalReadRequests)).toEqual({ data: { read: 0, applied: 0, waiting: 0, rejected: 0, duplicates: 0, files: [] } });

    // Another database has no folder yet: the demo never writes into the real portal's folder.
    fake.dialogs.nextSave = path.join(dir, 'documents', 'essai.paniers');
    await invoke(CHANNELS.createDatabase);
    expect(await invoke(CHANNELS.portalState)).toMatchObject({ data: { folder: null } });
  });

  it('validates the input: no path can be passed, the kind is one of two', async () => {
    const { invoke } = await launch();
    expect(await invoke(CHANNELS.portalExport, { kind: 'tout' })).toMatchObject({ error: { type: 'validation', fields: { kind: expect.any(String) } } });
    expect(await invoke(CHANNELS.portalExport, { kind: 'full', folder: '/etc' })).toMatchObject({ error: { type: 'validation' } });
    expect(await invoke(CHANNELS.portalChooseFolder, { folder: '/etc' })).toMatchObject({ error: { type: 'validation' } });
    expect(await invoke(CHANNELS.portalSetToken, { token: 42 })).toMatchObject({ error: { type: 'validation', fields: { token: expect.any(String) } } });
  });

  it('refuses every portal channel from an iframe or another page', async () => {
    const { invoke, contents } = await launch();
    const iframe = { sender: contents, frame: new FakeFrame('app://paniers/index.html', contents.mainFrame) };
    const elsewhere = { sender: contents, frame: new FakeFrame('https://evil.example/', null, contents.mainFrame.processId, contents.mainFrame.routingId) };
    for (const channel of [CHANNELS.portalState, CHANNELS.portalChooseFolder, CHANNELS.portalExport, CHANNELS.portalReadRequests, CHANNELS.portalPush, CHANNELS.portalSetToken]) {
      for (const from of [iframe, elsewhere]) {
        expect(await invoke(channel, { kind: 'full', token: 'x' }, from), channel).toEqual({
          error: { type: 'conflict', message: 'Appel refusé : il ne vient pas de la fenêtre de Paniers.' },
        });
      }
    }
  });

  it('stores the token encrypted by the OS keychain, never in clear, never sent back', async () => {
    const { invoke } = await launch();
    expect(await invoke(CHANNELS.portalSetToken, { token: '  jeton-tres-secret  ' })).toEqual({ data: { folder: null, tokenStorage: 'keychain', tokenSaved: true } });
    const stored = await readFile(path.join(dir, 'userData', PORTAL_TOKEN_FILE));
    expect(stored.toString('latin1')).not.toContain('jeton-tres-secret');
    expect(stored.toString('latin1').startsWith('fake-keychain:')).toBe(true);
    // Never in the database file either.
    const database = await readFile(path.join(dir, 'documents', 'jardin.paniers'));
    expect(database.includes(Buffer.from('jeton-tres-secret'))).toBe(false);
    // An empty token forgets it.
    expect(await invoke(CHANNELS.portalSetToken, { token: '' })).toMatchObject({ data: { tokenSaved: false } });
    await expect(readFile(path.join(dir, 'userData', PORTAL_TOKEN_FILE))).rejects.toThrow();
  });

  it('refuses to store the token when the OS offers no encryption, in French', async () => {
    const { fake, invoke } = await launch();
    fake.keychain.available = false;
    expect(await invoke(CHANNELS.portalState)).toMatchObject({ data: { tokenStorage: 'unavailable', tokenSaved: false } });
    expect(await invoke(CHANNELS.portalSetToken, { token: 'jeton' })).toEqual({
      error: { type: 'conflict', message: expect.stringMatching(/^Le jeton ne peut pas être enregistré de façon sûre : le trousseau du système n’est pas disponible/) },
    });
    await expect(readFile(path.join(dir, 'userData', PORTAL_TOKEN_FILE))).rejects.toThrow();
  });
});
