import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface HarnessProcess {
  url: string;
  child: ChildProcess;
  /** Everything the harness printed, for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the exit (the harness closes its session and releases the lock). */
  stop(): Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY = /Paniers \(web\) : (http:\/\/127\.0\.0\.1:\d+\/)/;

/** Starts `electron/harness/server.ts` in its own Node process on a free port. */
export function startHarnessProcess(args: string[]): Promise<HarnessProcess> {
  // One node process (tsx as a loader, not the tsx CLI) so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/harness/server.ts', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more.toString()));
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the harness exited (code ${code}) before listening:\n${output}`)));
  });
}
