// `npm run dev`: rebuild on every change. With Electron: Vite and esbuild in watch mode, and
// Electron restarted when the main process or the preload changes (the page itself just needs
// « Affichage › Actualiser »). Without Electron: the renderer in watch mode behind the web
// harness (`npm run web`), reloaded by hand in the browser.
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildRenderer, copyRuntimeFiles, electronBundles } from './build.mjs';
import { electronBinary } from './start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

spawnSync(process.execPath, [`${root}node_modules/electron/install.js`], { stdio: 'ignore' });
const binary = electronBinary();

// Vite's watcher resolves once the first build is written.
await buildRenderer({ build: { watch: {} } });

if (!binary) {
  console.log('Electron est absent sur cette machine : mode navigateur (npm run web) avec reconstruction automatique.');
  if (!existsSync(`${root}scripts/web.mjs`)) {
    console.error('scripts/web.mjs est introuvable : le mode navigateur n’est pas encore disponible.');
    process.exit(1);
  }
  spawn(process.execPath, [`${root}scripts/web.mjs`, ...args], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  let electron = null;
  const restart = () => {
    if (electron) {
      electron.removeAllListeners('exit');
      electron.kill();
    }
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    electron = spawn(binary, [root, ...args], { stdio: 'inherit', env });
    electron.on('exit', (code) => process.exit(code ?? 0));
  };
  let pending = 2; // launch once both bundles exist, then on every rebuild
  const onRebuilt = {
    name: 'restart-electron',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        if (pending > 0 && --pending > 0) return;
        await copyRuntimeFiles();
        restart();
      });
    },
  };
  for (const options of electronBundles()) {
    const context = await esbuild.context({ ...options, plugins: [onRebuilt] });
    await context.watch();
  }
}
