import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, ConflictError, toSerializedError, type SerializedError } from '../../core/api/errors';
import { CONTENT_SECURITY_POLICY } from '../security';
import type { HarnessDatabases } from './harness-databases';
import { harnessPortalRoute } from './harness-portal';
import type { PortalHost } from '../portal/portal-host';
import { checkOrigin, readJsonBody, RequestRefused } from './request-guard';
import { serveStatic } from './static-files';

export interface HarnessAppOptions {
  databases: HarnessDatabases;
  staticDir: string;
  /** The port we listen on, known once listening (Host/Origin checks). */
  port(): number;
  /** Creates a fresh demonstration database at this path (closed again when done). */
  createDemo(file: string): Promise<void>;
  /** The portal operations (`/host/portal/*`), on the fixed `portail/` folder. */
  portal?: PortalHost;
  log(message: string, error?: unknown): void;
}

// The same headers as the Electron window's app:// protocol, plus the usual hardening.
const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const HTTP_STATUS: Record<SerializedError['type'], number> = {
  validation: 422,
  'not-found': 404,
  conflict: 409,
  integrity: 409,
  internal: 500,
};

const NO_DATABASE = 'Aucune base n’est ouverte : créez une base, ouvrez-en une ou découvrez la base de démonstration.';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, error: unknown, log: HarnessAppOptions['log']): void {
  if (error instanceof RequestRefused) {
    res.setHeader('Connection', 'close');
    sendJson(res, error.status, { error: { type: 'validation', message: error.message } });
    return;
  }
  if (!(error instanceof AppError)) log('harness request failed', error);
  const serialized = toSerializedError(error);
  sendJson(res, HTTP_STATUS[serialized.type], { error: serialized });
}

/** The harness's request handler: the renderer's files, `/api/<method>` and `/host/*`. */
export function createHarnessApp(options: HarnessAppOptions) {
  const { databases, log } = options;

  async function hostRoute(action: string, body: Record<string, unknown>) {
    switch (action) {
      case 'create':
        return databases.open(databases.resolveName(body.path), 'create');
      case 'open':
        return databases.open(databases.resolveName(body.path), 'open');
      case 'demo': {
        const file = await databases.freeDemoPath();
        await options.createDemo(file);
        return databases.open(file, 'open');
      }
      case 'recover':
        return databases.recoverRefused();
      default:
        return null;
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
    try {
      checkOrigin(req, options.port());
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';

      const api = /^\/api\/([a-z0-9-]+)$/.exec(url.pathname);
      if (api) {
        if (method !== 'POST') return sendJson(res, 405, { error: { type: 'validation', message: 'Utilisez POST pour appeler l’API.' } });
        const input = await readJsonBody(req);
        const backend = databases.backend();
        if (!backend) return sendError(res, new ConflictError(NO_DATABASE), log);
        const result = await backend.handle(api[1]!, input);
        return sendJson(res, 'error' in result ? HTTP_STATUS[result.error.type] : 200, result);
      }

      if (url.pathname === '/host/state' && method === 'GET') return sendJson(res, 200, { data: await databases.state() });
      const host = /^\/host\/(create|open|demo|recover)$/.exec(url.pathname);
      if (host) {
        if (method !== 'POST') return sendJson(res, 405, { error: { type: 'validation', message: 'Utilisez POST.' } });
        const body = await readJsonBody(req);
        const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
        return sendJson(res, 200, { data: await hostRoute(host[1]!, record) });
      }

      const portal = /^\/host\/portal\/(state|choose-folder|export|read-requests|push|token)$/.exec(url.pathname);
      if (portal && options.portal) {
        if (method !== 'POST') return sendJson(res, 405, { error: { type: 'validation', message: 'Utilisez POST.' } });
        const body = await readJsonBody(req);
        const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
        return sendJson(res, 200, { data: await harnessPortalRoute(options.portal, portal[1]!, record) });
      }

      if ((method === 'GET' || method === 'HEAD') && (await serveStatic(options.staticDir, url.pathname, res, method === 'HEAD'))) return;
      sendJson(res, 404, { error: { type: 'not-found', message: `Introuvable : ${url.pathname}` } });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error, log);
    }
  };
}
