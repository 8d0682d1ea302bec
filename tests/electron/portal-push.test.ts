import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PortalHost } from '../../electron/portal/portal-host';
import { createInvoicingWorld } from '../core/invoicing/invoicing-world';

/*
 * A local HTTPS portal on 127.0.0.1 with a certificate made for this test. Only these
 * requests trust it (the `ca` given to the push); nothing disables verification.
 */
let server: Server;
let url: string;
let cert: string;
let answers: number[];
let received: { authorization: string | undefined; contentType: string | undefined; body: string }[];

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  cert = pems.cert;
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answers.shift() ?? 200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/import`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  answers = [];
  received = [];
});

async function setUp(options: { trust?: boolean; token?: string | null } = {}) {
  const world = await createInvoicingWorld();
  await world.subscribe(world.depots.ploemeur);
  const folder = await mkdtemp(path.join(tmpdir(), 'paniers-push-'));
  const waits: number[] = [];
  let token: string | null = options.token === undefined ? 'jeton-secret-42' : options.token;
  const portal = new PortalHost({
    backend: () => world.backend,
    folders: { current: async () => folder, choose: async () => folder },
    tokens: { kind: 'memory', read: async () => token, write: async (t) => void (token = t || null) },
    now: () => new Date(),
    push: {
      ...(options.trust === false ? {} : { ca: cert }),
      // The backoff is asserted on the waits asked for, not timed.
      sleep: async (ms) => void waits.push(ms),
    },
  });
  await world.backend.call('portal-settings-update', { weeksAhead: 8, includeInvoicePdfs: false, pushUrl: url });
  const exported = await portal.export('full');
  const lastPush = async () => ((await world.backend.call('portal-status', {})) as { lastPush: { status: string; pushedAt: string | null } | null }).lastPush;
  return { ...world, portal, waits, exported, lastPush };
}

describe('push to the portal over HTTPS', () => {
  it('sends the manifest and the files of the last export with the token as a Bearer header, and records it', async () => {
    const { portal, waits, exported, lastPush } = await setUp();
    const done = await portal.push();
    expect(done).toEqual({ ok: true, attempts: 1, status: `Envoyé au portail : export n° 1, ${exported.files} fichiers.` });
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
    expect(received[0]!.authorization).toBe('Bearer jeton-secret-42');
    expect(received[0]!.contentType).toBe('application/json; charset=utf-8');
    const body = JSON.parse(received[0]!.body) as { manifest: { sequence: number; files: { name: string; sha256: string }[] }; files: { name: string; sha256: string; encoding: string; content: string }[] };
    expect(body.manifest.sequence).toBe(1);
    expect(body.files.map((f) => [f.name, f.sha256])).toEqual(body.manifest.files.map((f) => [f.name, f.sha256]));
    expect(JSON.parse(body.files.find((f) => f.name === 'organisation.json')!.content)).toHaveProperty('name');
    expect(await lastPush()).toMatchObject({ status: done.status, pushedAt: expect.any(String) });
  });

  it('retries after a server error, waiting 1 s', async () => {
    const { portal, waits } = await setUp();
    answers = [500];
    const done = await portal.push();
    expect(done).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([1000]);
    expect(received).toHaveLength(2);
  });

  it('gives up after 3 attempts (waits of 1 s then 3 s) with a clear status, recorded without a push date', async () => {
    const { portal, waits, lastPush } = await setUp();
    answers = [503, 500, 502];
    const done = await portal.push();
    expect(done).toEqual({
      ok: false,
      attempts: 3,
      status: 'Le portail n’a pas accepté l’envoi après 3 essais (dernière réponse : erreur 502). L’export reste dans le dossier : réessayez plus tard.',
    });
    expect(waits).toEqual([1000, 3000]);
    expect(await lastPush()).toEqual(expect.objectContaining({ status: done.status, pushedAt: null }));
  });

  it('does not retry a refused token (401) and says what to do', async () => {
    const { portal, waits } = await setUp();
    answers = [401];
    const done = await portal.push();
    expect(done).toEqual({
      ok: false,
      attempts: 1,
      status: 'Le portail a refusé le jeton (erreur 401) : vérifiez le jeton que le portail vous a donné, enregistrez-le à nouveau, puis réessayez.',
    });
    expect(waits).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it('refuses a certificate it was not told to trust, without retrying and without sending anything', async () => {
    const { portal, waits } = await setUp({ trust: false });
    const done = await portal.push();
    expect(done).toMatchObject({ ok: false, attempts: 1, status: expect.stringMatching(/^Le certificat du portail a été refusé \(.+\) : la connexion n’est pas sûre/) });
    expect(waits).toEqual([]);
    expect(received).toEqual([]);
  });

  it('asks for the token, then for an export matching the folder, before sending anything', async () => {
    const { portal } = await setUp({ token: null });
    await expect(portal.push()).rejects.toMatchObject({ fields: { token: 'Enregistrez le jeton que le portail vous a donné, puis envoyez.' } });
    expect(received).toEqual([]);
  });
});
