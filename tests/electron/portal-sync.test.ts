import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportTarget } from '../../electron/portal/portal-files';
import { PortalHost } from '../../electron/portal/portal-host';
import { createInvoicingWorld } from '../core/invoicing/invoicing-world';
import { portalIdFor, requestsFile, subscriberOf } from '../core/portal/requests-support';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'paniers-portail-'));
});

async function world() {
  const w = await createInvoicingWorld(); // today: Friday 2026-12-04
  const first = await w.subscribe(w.depots.ploemeur);
  const second = await w.subscribe(w.depots.ploemeur);
  let token: string | null = null;
  const portal = new PortalHost({
    backend: () => w.backend,
    folders: { current: async () => folder, choose: async () => folder },
    tokens: { kind: 'memory', read: async () => token, write: async (t) => void (token = t || null) },
    now: () => new Date('2026-12-04T09:30:00Z'),
  });
  return { ...w, first, second, portal };
}

interface Manifest {
  sequence: number;
  kind: string;
  files: { name: string; sha256: string; bytes: number }[];
}

async function manifestIn(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

async function expectChecksumsMatch(manifest: Manifest) {
  for (const file of manifest.files) {
    const bytes = await readFile(path.join(folder, ...file.name.split('/')));
    expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    expect(bytes.length, file.name).toBe(file.bytes);
  }
}

describe('portal export into the folder', () => {
  it('writes every file with the manifest, whose checksums match, then confirms the export', async () => {
    const { portal, backend } = await world();
    const done = await portal.export('incremental');
    // The first export is always complete, and says why.
    expect(done).toMatchObject({ sequence: 1, kind: 'full', folder, notice: expect.stringContaining('complet') });
    const manifest = await manifestIn(folder);
    expect(manifest).toMatchObject({ sequence: 1, kind: 'full' });
    expect(done.files).toBe(manifest.files.length + 1);
    expect(manifest.files.filter((f) => f.name.startsWith('subscribers/'))).toHaveLength(2);
    await expectChecksumsMatch(manifest);
    expect(await backend.call('portal-status', {})).toMatchObject({ lastWritten: { sequence: 1, exportId: done.exportId }, prepared: null });
    // No temp file left behind by the atomic writes.
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('then writes only what changed, with a manifest that names just that', async () => {
    const { portal, backend, second } = await world();
    await portal.export('full');
    const subscriberId = await subscriberOf(backend, second);
    const subscriber = (await backend.call('subscriber-get', { id: subscriberId })) as Record<string, unknown>;
    await backend.call('subscriber-update', { ...subscriber, email: 'nouvelle.adresse@example.fr' });
    const done = await portal.export('incremental');
    expect(done).toMatchObject({ sequence: 2, kind: 'incremental', notice: null });
    const manifest = await manifestIn(folder);
    expect(manifest.files.map((f) => f.name)).toEqual([`subscribers/${await portalIdFor(backend, subscriberId)}.json`]);
    await expectChecksumsMatch(manifest);
  });

  it('confirms nothing when a file cannot be written, and says what to do', async () => {
    const { portal, backend } = await world();
    // A file where the export needs its « subscribers » folder: mkdir fails.
    await writeFile(path.join(folder, 'subscribers'), 'pas un dossier');
    await expect(portal.export('full')).rejects.toThrow(/L’export n’a pas pu être écrit dans le dossier .* le portail garde l’export précédent/);
    expect(await backend.call('portal-status', {})).toMatchObject({ lastWritten: null, prepared: { sequence: 1 } });
  });

  it('refuses a file name that would leave the folder', () => {
    for (const name of ['../evil.json', '/etc/passwd', 'subscribers/../../x.json', 'C:\\x.json', 'a/b/c/d.json', '']) {
      expect(() => exportTarget(folder, name), name).toThrow(/Nom de fichier d’export refusé/);
    }
    expect(exportTarget(folder, 'factures/F-2026-0001.pdf')).toBe(path.join(folder, 'factures', 'F-2026-0001.pdf'));
  });

  it('says so when the folder has gone (a synced folder moved, a disk unplugged)', async () => {
    const { backend } = await world();
    const gone = path.join(folder, 'parti');
    const portal = new PortalHost({
      backend: () => backend,
      folders: { current: async () => gone, choose: async () => gone },
      tokens: { kind: 'memory', read: async () => null, write: async () => undefined },
      now: () => new Date(),
    });
    await expect(portal.export('full')).rejects.toThrow(`Le dossier du portail ${gone} est introuvable`);
    await expect(portal.readRequests()).rejects.toThrow(/introuvable/);
  });
});

describe('reading the portal’s requests from the folder', () => {
  it('imports demandes/*.json, moves the imported files to traitees/, and leaves a bad file reported', async () => {
    const { portal, backend, first } = await world();
    const subscriberId = await subscriberOf(backend, first);
    const portalId = await portalIdFor(backend, subscriberId);
    await mkdir(path.join(folder, 'demandes'));
    await writeFile(
      path.join(folder, 'demandes', 'a.json'),
      requestsFile([{ requestId: 'contact-1', portalId, type: 'contact_update', email: 'depuis.le.portail@example.fr' }]),
    );
    await writeFile(path.join(folder, 'demandes', 'b.json'), '{ "format": "paniers-portail-demandes", ');

    const read = await portal.readRequests();
    expect(read).toMatchObject({ read: 2, applied: 1, waiting: 0, rejected: 0, duplicates: 0 });
    expect(read.files).toEqual([{ name: 'b.json', requests: 0, applied: 0, waiting: 0, duplicates: 0, problems: [{ path: '$', message: expect.stringMatching(/^Le fichier n’est pas du JSON valide/) }] }]);
    expect(((await backend.call('subscriber-get', { id: subscriberId })) as { email: string }).email).toBe('depuis.le.portail@example.fr');
    expect((await readdir(path.join(folder, 'demandes'))).sort()).toEqual(['b.json', 'traitees']);
    expect(await readdir(path.join(folder, 'demandes', 'traitees'))).toEqual(['2026-12-04T09-30-00Z-a.json']);

    // The same file dropped again changes nothing and is moved aside under another name.
    await writeFile(
      path.join(folder, 'demandes', 'a.json'),
      requestsFile([{ requestId: 'contact-1', portalId, type: 'contact_update', email: 'autre@example.fr' }]),
    );
    expect(await portal.readRequests()).toMatchObject({ read: 2, applied: 0, duplicates: 1 });
    expect(((await backend.call('subscriber-get', { id: subscriberId })) as { email: string }).email).toBe('depuis.le.portail@example.fr');
    expect((await readdir(path.join(folder, 'demandes', 'traitees'))).sort()).toEqual(['2026-12-04T09-30-00Z-a-2.json', '2026-12-04T09-30-00Z-a.json']);
  });

  it('answers zeros without calling the import when nothing waits', async () => {
    const { portal } = await world();
    expect(await portal.readRequests()).toEqual({ read: 0, applied: 0, waiting: 0, rejected: 0, duplicates: 0, files: [] });
  });
});
