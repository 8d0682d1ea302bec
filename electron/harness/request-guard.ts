import type { IncomingMessage } from 'node:http';

// A spreadsheet to import travels in base64 (4/3 of its size): 30 Mo covers a 20 Mo workbook.
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Only our own page may talk to us. A Host header naming another site means DNS rebinding
 * (evil.example resolving to 127.0.0.1); an Origin from another site means a cross-site
 * request. Non-browser clients (tests, curl) send no Origin and are allowed.
 */
export function checkOrigin(req: IncomingMessage, port: number): void {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    throw new RequestRefused(421, 'Adresse refusée : ouvrez Paniers par http://127.0.0.1:' + port + '/.');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    throw new RequestRefused(403, 'Requête refusée : elle ne vient pas de la page Paniers.');
  }
}

/** Reads a JSON body of at most 30 Mo, sent as `application/json` (a form cannot forge it). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RequestRefused(415, 'Requête refusée : le corps doit être du JSON (Content-Type: application/json).');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    // Discard the rest instead of closing under the client's feet, so it reads our 413.
    req.resume();
    throw new RequestRefused(413, 'Requête trop volumineuse (30 Mo au plus).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw new RequestRefused(413, 'Requête trop volumineuse (30 Mo au plus).');
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestRefused(400, 'Requête refusée : le corps n’est pas du JSON valide.');
  }
}
