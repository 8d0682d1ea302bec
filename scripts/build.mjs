// `npm run build`: the renderer with Vite (dist/renderer), the main process and the preload
// with esbuild (dist/electron/*.cjs), and the files main reads at run time beside them.
// Everything the app needs ends up in dist/, which is all electron-builder packages.
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/electron`;

/** esbuild options for the two Electron bundles; `electron` itself is provided at run time. */
export function electronBundles() {
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  return [
    // Electron 45 runs Node 22.
    { ...common, entryPoints: ['electron/main.ts'], outfile: `${out}/main.cjs`, target: 'node22' },
    // Sandboxed preloads must be CommonJS and may only require('electron').
    { ...common, entryPoints: ['electron/preload.ts'], outfile: `${out}/preload.cjs`, target: 'chrome140' },
  ];
}

/** sql.js's WASM (main passes its bytes to sql.js) and the window icon, beside main.cjs. */
export async function copyRuntimeFiles() {
  await mkdir(out, { recursive: true });
  await copyFile(`${root}node_modules/sql.js/dist/sql-wasm.wasm`, `${out}/sql-wasm.wasm`);
  await copyFile(`${root}resources/icon.png`, `${out}/icon.png`);
}

export async function buildElectron() {
  await Promise.all(electronBundles().map((options) => esbuild.build(options)));
  await copyRuntimeFiles();
}

export async function buildRenderer(options = {}) {
  const { build } = await import('vite');
  return build({ configFile: `${root}vite.config.ts`, logLevel: 'warn', ...options });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const electronOnly = process.argv.includes('--electron-only');
  if (!electronOnly) await buildRenderer();
  await buildElectron();
  console.log(electronOnly ? 'dist/electron construit.' : 'dist/renderer et dist/electron construits.');
}
