import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type Shell } from '../../../electron/app';
import { CHANNELS } from '../../../electron/channels';
import { openSession } from '../../../electron/session';
import { createFakeElectron, fakeEvent, type FakeElectron } from '../fake-electron';

let dir: string;
const shells: { fake: FakeElectron; shell: Shell }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'paniers-app-'));
  for (const folder of ['userData', 'documents', 'temp']) await mkdir(path.join(dir, folder));
});

afterEach(async () => {
  // Quit like Electron would, so every database lock is released.
  for (const { shell } of shells.splice(0)) await shell.databases()?.close();
});

async function launch(options: { hasSingleInstanceLock?: boolean; argv?: string[] } = {}) {
  const fake = createFakeElectron({
    hasSingleInstanceLock: options.hasSingleInstanceLock,
    paths: { userData: path.join(dir, 'userData'), documents: path.join(dir, 'documents'), temp: path.join(dir, 'temp') },
  });
  const shell = startApp(fake.electron, {
    paths: { renderer: path.join(dir, 'renderer'), preload: '/app/preload.cjs', wasm: 'node_modules/sql.js/dist/sql-wasm.wasm' },
    openSession,
    argv: options.argv ?? ['electron', '.'],
    cwd: dir,
    platform: 'linux',
    log: () => undefined,
  });
  if (shell) {
    shells.push({ fake, shell });
    await shell.ready;
  }
  const window = fake.windows[0];
  const from = () => ({ sender: window!.webContents, frame: window!.webContents.mainFrame });
  const invoke = (channel: string, input?: unknown) => fake.invoke(channel, from(), input) as Promise<Record<string, unknown>>;
  return { fake, shell, invoke };
}

describe('single instance', () => {
  it('a second launch quits at once, without a window or any handler', async () => {
    const { fake, shell } = await launch({ hasSingleInstanceLock: false });
    expect(shell).toBeNull();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('the first instance brings its window forward when a second one starts', async () => {
    const { fake } = await launch();
    const window = fake.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['paniers'], dir);
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('registers the scheme, serves the renderer, denies permissions and opens one window', async () => {
    const { fake } = await launch();
    expect(fake.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
    expect(fake.permissionRequestHandlers).toHaveLength(1);
    expect(fake.permissionCheckHandlers).toHaveLength(1);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.loadedUrls).toEqual(['app://paniers/index.html']);
    expect(fake.app.listeners.get('web-contents-created')).toHaveLength(1);
  });

  it('starts on the first-run screen when no database was ever opened', async () => {
    const { invoke } = await launch();
    expect(await invoke(CHANNELS.currentDatabase)).toEqual({ data: null });
  });

  it('creates a database from the dialog, then reopens it at the next start', async () => {
    const first = await launch();
    const file = path.join(dir, 'documents', 'jardin');
    first.fake.dialogs.nextSave = file;
    expect(await first.invoke(CHANNELS.createDatabase)).toEqual({
      data: { file: `${file}.paniers`, readOnly: false, lockHolder: null },
    });
    expect(first.fake.dialogs.save[0]!.filters).toEqual([{ name: 'Base Paniers', extensions: ['paniers'] }]);
    const { data: org } = (await first.invoke(CHANNELS.call, { method: 'organisation-get', input: {} })) as { data: object };
    await first.invoke(CHANNELS.call, { method: 'organisation-update', input: { ...org, legalName: 'Jardin de Riantec' } });

    // Quit: before-quit closes the database (and its lock) first, then quits.
    const quit = fakeEvent();
    first.fake.app.emit('before-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await first.shell!.databases()!.close();

    const second = await launch();
    expect(await second.invoke(CHANNELS.currentDatabase)).toEqual({
      data: { file: `${file}.paniers`, readOnly: false, lockHolder: null },
    });
    expect(await second.invoke(CHANNELS.call, { method: 'organisation-get', input: {} })).toMatchObject({
      data: { legalName: 'Jardin de Riantec' },
    });
  });

  it('shows a French error and stays on the first-run screen when the remembered file is not a database', async () => {
    const first = await launch();
    first.fake.dialogs.nextSave = path.join(dir, 'documents', 'jardin.paniers');
    await first.invoke(CHANNELS.createDatabase);
    await first.shell!.databases()!.close();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'documents', 'jardin.paniers'), 'ceci n’est pas une base');

    const second = await launch();
    expect(await second.invoke(CHANNELS.currentDatabase)).toEqual({ data: null });
    expect(second.fake.dialogs.messages).toHaveLength(1);
    expect(second.fake.dialogs.messages[0]!.title).toContain('jardin.paniers n’a pas pu être ouverte');
    expect(await readFile(path.join(dir, 'documents', 'jardin.paniers'), 'utf8')).toBe('ceci n’est pas une base');
  });

  it('opens a .paniers file given on the command line', async () => {
    const first = await launch();
    first.fake.dialogs.nextSave = path.join(dir, 'autre.paniers');
    await first.invoke(CHANNELS.createDatabase);
    await first.shell!.databases()!.close();
    const second = await launch({ argv: ['paniers', 'autre.paniers'] });
    expect(await second.invoke(CHANNELS.currentDatabase)).toMatchObject({ data: { file: path.join(dir, 'autre.paniers') } });
  });

  it('explores the demo: a generated database in the app folder, reopened as it was left', async () => {
    const { invoke, shell } = await launch();
    const demo = path.join(dir, 'userData', 'demo', 'demo.paniers');
    expect(await invoke(CHANNELS.createDemoDatabase)).toEqual({ data: { file: demo, readOnly: false, lockHolder: null } });
    const { data: org } = (await invoke(CHANNELS.call, { method: 'organisation-get', input: {} })) as { data: { legalName: string } };
    expect(org.legalName).not.toBe('');
    await invoke(CHANNELS.call, { method: 'organisation-update', input: { ...org, city: 'Hennebont' } });
    await shell!.databases()!.close();
    expect(await invoke(CHANNELS.createDemoDatabase)).toMatchObject({ data: { file: demo } });
    expect(await invoke(CHANNELS.call, { method: 'organisation-get', input: {} })).toMatchObject({ data: { city: 'Hennebont' } });
  });

  it('returns null, not an error, when the user cancels a dialog', async () => {
    const { invoke } = await launch();
    expect(await invoke(CHANNELS.openDatabase)).toEqual({ data: null });
    expect(await invoke(CHANNELS.createDatabase)).toEqual({ data: null });
  });
});

describe('PDFs', () => {
  it('saves where the user chooses, and opens only what it saved', async () => {
    const { fake, invoke } = await launch();
    const target = path.join(dir, 'documents', 'facture');
    fake.dialogs.nextSave = target;
    const bytes = new Uint8Array([37, 80, 68, 70, 45]);
    expect(await invoke(CHANNELS.savePdf, { name: 'Facture 2026/0001', bytes })).toEqual({ data: { path: `${target}.pdf` } });
    expect(fake.dialogs.save[0]!.defaultPath).toBe(path.join(dir, 'documents', 'Facture 2026 0001.pdf'));
    expect(new Uint8Array(await readFile(`${target}.pdf`))).toEqual(bytes);

    expect(await invoke(CHANNELS.openPdf, { path: `${target}.pdf` })).toEqual({ data: null });
    expect(fake.opened.paths).toEqual([`${target}.pdf`]);

    expect(await invoke(CHANNELS.openPdf, { path: '/usr/bin/calc.pdf' })).toMatchObject({ error: { type: 'not-found' } });
    expect(fake.opened.paths).toHaveLength(1);
  });

  it('prints by opening a temporary copy in the PDF reader', async () => {
    const { fake, invoke } = await launch();
    expect(await invoke(CHANNELS.printPdf, { name: 'Feuille de livraison', bytes: new Uint8Array([1, 2]) })).toEqual({ data: null });
    const [printed] = fake.opened.paths;
    expect(printed!.startsWith(path.join(dir, 'temp'))).toBe(true);
    expect(path.basename(printed!)).toBe('Feuille de livraison.pdf');
  });
});
