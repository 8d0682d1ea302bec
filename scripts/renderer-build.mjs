// Builds the renderer with Vite when dist/renderer is missing or older than its sources.
// Shared by `npm run web` and the end-to-end tests' global setup.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from './build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The renderer bundles core's pure helpers, so core's sources count too.
const SOURCES = ['renderer', 'core', 'vite.config.ts', 'package.json', 'package-lock.json'];
const OUTPUT = path.join(ROOT, 'dist/renderer/index.html');

async function newestMtime(target) {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  return newest;
}

export async function rendererIsStale() {
  const built = await newestMtime(OUTPUT);
  if (!built) return true;
  let sources = 0;
  for (const source of SOURCES) sources = Math.max(sources, await newestMtime(path.join(ROOT, source)));
  return sources > built;
}

/** Returns true when it had to build. */
export async function ensureRendererBuilt({ log = console.log } = {}) {
  if (!(await rendererIsStale())) return false;
  log('Construction de l’interface (vite build)…');
  await buildRenderer();
  return true;
}
