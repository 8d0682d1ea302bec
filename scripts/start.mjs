// `npm start`: build, make sure Electron's binary is there, then launch Paniers on the
// user's database (the last one opened, or a `.paniers` path given after `npm start --`).
//
// `.npmrc` sets ignore-scripts=true so that `npm install` succeeds on machines that cannot
// download Electron's binary; Electron's own install script therefore never ran. We run it
// here: on a connected machine it downloads the binary once, elsewhere we say what to do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = `${root}node_modules/electron`;
const NO_ELECTRON =
  'Electron n’a pas pu être téléchargé sur cette machine : lancez « npm run web » pour utiliser Paniers dans le navigateur ' +
  '(Electron could not be downloaded on this machine: run "npm run web" to use Paniers in the browser).';

/** The Electron executable, or null when its install never completed. */
export function electronBinary(dir = electronDir) {
  try {
    const relative = readFileSync(`${dir}/path.txt`, 'utf8').trim();
    const binary = `${dir}/dist/${relative}`;
    return relative && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs Electron's install.js (a no-op once installed); the download's details go to a log. */
function ensureElectron() {
  const result = spawnSync(process.execPath, [`${electronDir}/install.js`], { cwd: electronDir, encoding: 'utf8' });
  const binary = result.status === 0 ? electronBinary() : null;
  if (!binary) {
    const log = `${root}node_modules/.cache/paniers-electron-install.log`;
    mkdirSync(`${root}node_modules/.cache`, { recursive: true });
    writeFileSync(log, `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ?? ''}\n`);
  }
  return binary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Electron first: without it there is nothing to launch, so say so before a long build.
  const binary = ensureElectron();
  if (!binary) {
    console.error(NO_ELECTRON);
    process.exit(1);
  }
  await buildRenderer();
  await buildElectron();
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node process: never inherit it.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
