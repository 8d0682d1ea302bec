import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openSession } from '../session';
import { writeDemoFile } from './demo-file';
import { createHarnessApp } from './harness-app';
import { HarnessDatabases } from './harness-databases';
import { harnessPortal } from './harness-portal';
import { parseHarnessArgs, UsageError, type HarnessOptions } from './options';

export interface RunningHarness {
  url: string;
  server: Server;
  databases: HarnessDatabases;
  close(): Promise<void>;
}

const log = (message: string, error?: unknown) => console.error(`[paniers web] ${message}`, error ?? '');

/**
 * The web harness: the built renderer and the backend's handler map over HTTP, on 127.0.0.1
 * only. What the end-to-end tests drive, and how to try Paniers without Electron.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  await mkdir(options.dataDir, { recursive: true });
  const databases = new HarnessDatabases(options.dataDir, openSession, log);
  if (options.db) await databases.open(options.db, options.create ? 'create' : 'open');
  else if (options.demo) {
    const file = await databases.freeDemoPath();
    await writeDemoFile(file);
    await databases.open(file, 'open');
  }

  let port = options.port;
  const app = createHarnessApp({
    databases,
    staticDir: options.staticDir,
    port: () => port,
    createDemo: (file) => writeDemoFile(file),
    portal: harnessPortal(options.dataDir, () => databases.backend()),
    log,
  });
  const server = createServer((req, res) => void app(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    databases,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await databases.close(); // releases the lock beside the file
      })();
      return closing;
    },
  };
}

async function main(): Promise<void> {
  let options: HarnessOptions;
  try {
    options = parseHarnessArgs(process.argv.slice(2), process.cwd());
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const harness = await startHarness(options);
  // Tests parse this exact line to find the port.
  console.log(`Paniers (web) : ${harness.url}`);
  console.log(`Dossier des bases : ${options.dataDir}`);
  // `on`, not `once`: Ctrl+C reaches both npm's script and us, and a second signal must not
  // kill the process with Node's default handler before the lock is released.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Arrêt (${signal})…`);
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Run only as a program (tsx electron/harness/server.ts), not when imported by tests.
if (process.argv[1] && /harness[\\/]server\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(`Paniers (web) n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
