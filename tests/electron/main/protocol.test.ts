import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, registerAppScheme, resolveAppPath, serveRenderer } from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';
import { createFakeElectron } from '../fake-electron';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'paniers-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Paniers</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("ok")');
  // A secret beside the served folder, which no URL may reach.
  await writeFile(path.join(base, 'secret.txt'), 'mot de passe');
  await writeFile(path.join(base, 'renderer-secret.txt'), 'mot de passe');
});

const get = (url: string, method = 'GET') => createAppRequestHandler(root)(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered as standard and secure, with no CSP bypass, CORS or service workers', () => {
    const fake = createFakeElectron();
    registerAppScheme(fake.electron.protocol);
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('is served by protocol.handle', () => {
    const fake = createFakeElectron();
    serveRenderer(fake.electron.protocol, root);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
  });
});

describe('serving the renderer', () => {
  it('serves files with their type, the CSP and nosniff', async () => {
    const response = await get('app://paniers/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("ok")');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://paniers/', 'app://paniers/adherents']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Paniers</title>');
    }
  });

  it.each([
    'app://paniers/../secret.txt',
    'app://paniers/%2e%2e/secret.txt',
    'app://paniers/assets/%2e%2e/%2e%2e/secret.txt',
    'app://paniers/..%2fsecret.txt',
    'app://paniers/..%5csecret.txt',
    'app://paniers/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://paniers/C:%5cWindows%5cwin.ini',
    'app://paniers/%00index.html',
    'app://paniers/%E0%A4%A.txt',
    'app://paniers/../renderer-secret.txt',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('mot de passe');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('resolves nothing outside the folder, another host or another scheme', () => {
    // The URL parser already folds `..` (also `%2e%2e`) at the root; what is left stays inside.
    for (const url of ['app://paniers/%2e%2e/secret.txt', 'app://paniers/a/../../../secret.txt']) {
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'secret.txt'));
    }
    expect(resolveAppPath(root, 'app://paniers/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://autre/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://paniers/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('answers 404 for a missing file and 405 for anything but GET/HEAD', async () => {
    expect((await get('app://paniers/absent.js')).status).toBe(404);
    expect((await get('app://paniers/index.html', 'POST')).status).toBe(405);
  });
});
