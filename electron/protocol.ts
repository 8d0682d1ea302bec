import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from './content-types';
import type { ProtocolLike } from './electron-api';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/**
 * `app://paniers/` serves the built renderer (checklist item 18: a custom protocol, not
 * `file://`, so the page has a real origin, the CSP is a response header, and no file outside
 * `dist/renderer` is reachable).
 */
export function registerAppScheme(protocol: ProtocolLike): void {
  // Must run before `app.whenReady()`. `standard` gives relative URLs and an origin; `secure`
  // a secure context. No `bypassCSP`, `corsEnabled`, `allowServiceWorkers` or `stream`.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Maps a request URL to a file under `root`, or null when it must be refused: another
 * scheme or host, an undecodable path, `..` segments (also percent-encoded), backslashes,
 * drive letters or NUL bytes, or anything resolving outside `root`. Extension-less paths are
 * client-side routes and get `index.html`.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (/[\\:\0]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const last = segments.at(-1);
  const relative = last === undefined || !last.includes('.') ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const resolved = path.resolve(base, relative);
  return resolved.startsWith(base + path.sep) ? resolved : null;
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

/** The `protocol.handle` callback: GET only, files under `root` only, CSP on every response. */
export function createAppRequestHandler(root: string, read: ReadFile = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Méthode non autorisée.');
    const file = resolveAppPath(root, request.url);
    if (!file) return refuse(404, 'Fichier introuvable.');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return refuse(404, 'Fichier introuvable.');
    }
    const type = contentTypeOf(file);
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: securityHeaders(type),
    });
  };
}

export function serveRenderer(protocol: ProtocolLike, root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
}
