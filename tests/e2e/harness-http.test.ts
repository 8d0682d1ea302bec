import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';

let dataDir: string;
let harness: HarnessProcess;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be whatever an attacker would send. */
function send(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  const url = new URL(harness.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: pathname, method: options.method ?? 'GET', headers: { Host: url.host, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'paniers-harness-'));
  harness = await startHarnessProcess(['--data-dir', dataDir]);
});

afterAll(async () => {
  await harness?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the web harness over HTTP', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
  });

  it('serves the renderer with the same Content-Security-Policy as the Electron window', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/security');
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<div id="root">');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script for the CSP to refuse
  });

  it('says that no database is open before the first-run choice', async () => {
    expect(JSON.parse((await send('/host/state')).body)).toEqual({ data: { open: false, fileName: null, databases: [] } });
    const reply = await send('/api/app-status', json({}));
    expect(reply.status).toBe(409);
    expect(JSON.parse(reply.body).error.message).toContain('Aucune base n’est ouverte');
  });

  it('refuses another site’s Host (DNS rebinding) and Origin (cross-site requests)', async () => {
    const rebinding = await send('/api/app-status', { ...json({}), headers: { 'Content-Type': 'application/json', Host: `evil.example:${new URL(harness.url).port}` } });
    expect(rebinding.status).toBe(421);
    const crossSite = await send('/host/create', json({ path: 'piege' }, { Origin: 'http://evil.example' }));
    expect(crossSite.status).toBe(403);
    expect(await readdir(dataDir)).not.toContain('piege.paniers');
  });

  it('refuses bodies that are not JSON, malformed JSON, and bodies over 30 Mo', async () => {
    expect((await send('/api/app-status', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await send('/api/app-status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' })).status).toBe(400);
    const big = Buffer.alloc(30 * 1024 * 1024 + 1, 0x20);
    // The server answers 413 as soon as it sees the declared length; the client may still be
    // writing the body when the connection closes (EPIPE). Either way the upload is refused,
    // and the server keeps serving.
    const oversized = await send('/api/app-status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big }).then(
      (reply) => reply.status,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(oversized);
    expect((await send('/api/app-status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).not.toBe(413);
  });

  it('keeps files inside its data folder: no path in a name, no traversal in a URL', async () => {
    const escape = await send('/host/create', json({ path: '../evasion' }));
    expect(escape.status).toBe(422);
    expect(JSON.parse(escape.body).error.fields.path).toContain('Nom de fichier invalide');
    expect((await send('/../../etc/passwd')).status).toBe(404);
    expect((await send('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('creates a database in the data folder and then answers the API with its data', async () => {
    const created = JSON.parse((await send('/host/create', json({ path: 'essai' }))).body);
    expect(created.data).toMatchObject({ open: true, fileName: 'essai.paniers', databases: ['essai.paniers'] });
    const status = JSON.parse((await send('/api/app-status', json({}))).body);
    expect(status.data).toMatchObject({ file: path.join(dataDir, 'essai.paniers'), readOnly: false, isConfigured: false });
    const refused = await send('/api/organisation-update', json({ legalName: '' }));
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body).error.type).toBe('validation');
    expect((await send('/api/organisation-get', { method: 'GET' })).status).toBe(405);
  });

  it('opens a fresh demonstration database beside the others, never over one', async () => {
    const demo = JSON.parse((await send('/host/demo', json({}))).body);
    expect(demo.data).toMatchObject({ open: true, fileName: 'demo.paniers' });
    const status = JSON.parse((await send('/api/app-status', json({}))).body);
    expect(status.data.isConfigured).toBe(true);
    const again = JSON.parse((await send('/host/demo', json({}))).body);
    expect(again.data.fileName).toBe('demo-2.paniers');
    expect(again.data.databases).toEqual(['demo-2.paniers', 'demo.paniers', 'essai.paniers']);
  });
});
