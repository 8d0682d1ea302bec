import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeOf } from '../content-types';

/**
 * Serves one file of the built renderer. The URL path is decoded, normalised and must stay
 * inside `root` (no `..`, no absolute paths); `/` is the app's index.html.
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): Promise<boolean> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return false;
  }
  if (relative.includes('\0')) return false;
  const file = path.resolve(root, `.${path.posix.normalize(relative)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
  } catch {
    return false;
  }
  const body = await readFile(file);
  const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(file);
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': body.length,
    // Vite's hashed assets never change; index.html must always be fresh after a rebuild.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  res.end(headOnly ? undefined : body);
  return true;
}
