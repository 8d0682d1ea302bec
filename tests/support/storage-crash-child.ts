/**
 * Child process of the crash test (tests/electron/storage/crash.test.ts, npm run bench -- crash):
 * opens the database through the real session, then mutates and saves in a loop, printing
 * `ack <seq>` only once each save is durable. The parent kills it with SIGKILL at random.
 * Exit codes: 3 = opened read-only (the lock is still held), 1 = any other failure.
 */
import { createRegistry } from '../../core';
import { openSession } from '../../electron/session';
import { crashSeqInsert, crashSeqMax } from './storage-crash-seq';

async function main(file: string): Promise<void> {
  const registry = createRegistry();
  registry.add(crashSeqInsert);
  registry.add(crashSeqMax);
  const session = await openSession({ file, mode: 'open', registry, log: (message, error) => process.stderr.write(`${message} ${String(error)}\n`) });
  if (session.readOnly) {
    process.stdout.write(`readonly ${session.lockHolder}\n`);
    process.exit(3);
  }
  let seq = ((await session.backend.call('crash-seq-max', {})) as number) + 1;
  // Pipes are synchronous on Linux: a line printed here has left the process when we continue.
  process.stdout.write(`ready ${seq - 1}\n`);
  for (;;) {
    await session.backend.call('crash-seq-insert', { seq });
    process.stdout.write(`ack ${seq}\n`);
    seq += 1;
  }
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: storage-crash-child <database file>\n');
  process.exit(1);
}
main(file).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
