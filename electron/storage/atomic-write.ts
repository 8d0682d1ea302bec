import { open, rename as fsRename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/*
 * Our own atomic write rather than `write-file-atomic`: that package neither fsyncs the
 * directory after the rename (so the rename itself may not survive a power cut, see
 * "Rename doesn't sync" and Pillai et al., OSDI'14) nor retries the rename when Windows
 * answers EPERM/EBUSY because an antivirus or indexer holds the file (write-file-atomic
 * #28, #227); its v8 also needs Node 22 and we support Node 20.
 */

/** Identity of a file as written, to notice later that someone else replaced it. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface AtomicWriteOptions {
  /** Injected in tests to simulate Windows refusing the rename. */
  rename?: (from: string, to: string) => Promise<void>;
  /** Injected in tests so the retry path runs without real waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Delays between rename attempts; the total stays around two seconds. */
  retryDelaysMs?: readonly number[];
}

/** 10 attempts, 9 waits, ≈ 2 s in total: long enough for an antivirus scan to let go. */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [20, 40, 80, 120, 160, 240, 320, 440, 580];

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

let tempCounter = 0;

/**
 * The temp file of a target: hidden, same folder (a rename is only atomic within one file
 * system), unique per process and write. `isTempFileOf` must recognise exactly these names.
 */
export function tempPathFor(target: string): string {
  tempCounter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${tempCounter}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True for a file name that our atomic write of `target` left behind (a crash mid-save). */
export function isTempFileOf(target: string, fileName: string): boolean {
  return new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.tmp-\\d+-\\d+$`).test(fileName);
}

/** True for any temp file name of ours, whatever its target (cleaning our own folders). */
export function isAnyTempFile(fileName: string): boolean {
  return /^\..+\.tmp-\d+-\d+$/.test(fileName);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Makes the rename durable. Windows cannot open a folder (EISDIR/EPERM): NTFS journals it. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) refuse fsync on a directory handle: nothing more to do.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

async function renameWithRetry(from: string, to: string, options: AtomicWriteOptions): Promise<void> {
  const rename = options.rename ?? fsRename;
  const sleep = options.sleep ?? defaultSleep;
  const delays = options.retryDelaysMs ?? RENAME_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (!code || !RETRYABLE_RENAME.has(code)) throw error;
      const delay = delays[attempt];
      if (delay === undefined) {
        throw new AtomicWriteError(
          `Impossible de remplacer « ${path.basename(to)} » : le fichier reste bloqué par un autre programme (antivirus, synchronisation, indexation) après ${attempt + 1} essais (${code}). Rien n’a été écrit ; fermez ce programme puis réessayez.`,
          { cause: error },
        );
      }
      await sleep(delay);
    }
  }
}

export async function identityOf(file: string): Promise<FileIdentity> {
  const info = await stat(file);
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
}

/** A write that could not be completed; the target is unchanged. Message in French. */
export class AtomicWriteError extends Error {
  override readonly name = 'AtomicWriteError';
}

/**
 * Replaces `target` by `bytes` so that after a crash at any moment the target holds either
 * the old or the new content, complete: temp file → write → fsync → close → rename → fsync
 * the folder. Never falls back to writing the target in place. Returns the identity of the
 * written file (taken from the temp file: a rename keeps size, mtime and inode).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<FileIdentity> {
  const temp = tempPathFor(target);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target, options);
    renamed = true;
    await fsyncDirectory(path.dirname(target));
    // Stat after the rename, not before the close: network shares may set mtime at close.
    return await identityOf(target);
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}
