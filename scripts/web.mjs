// `npm run web [-- --db fichier.paniers | --demo | --port N | --data-dir dossier]`: builds the
// renderer if needed, then starts the web harness on 127.0.0.1 (it prints the URL).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from './renderer-build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await ensureRendererBuilt();
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/harness/server.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
// Pass Ctrl+C and SIGTERM on, so the harness closes its database and releases the lock.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
