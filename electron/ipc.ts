import { z } from 'zod';
import { AppError, ConflictError, NotFoundError, parseInput, toSerializedError, type Backend } from '../core';
import type { BridgeResult, OpenDatabase } from '../core/bridge';
import { CHANNELS } from './channels';
import type { FrameLike, InvokeEvent, IpcMainLike, WindowLike } from './electron-api';
import { isAppUrl } from './security';

/** What the IPC channels act on; app.ts implements it with the dialogs and the database host. */
export interface IpcHost {
  mainWindow(): WindowLike | null;
  backend(): Backend | null;
  currentDatabase(): OpenDatabase | null;
  openDatabase(): Promise<OpenDatabase | null>;
  createDatabase(): Promise<OpenDatabase | null>;
  createDemoDatabase(): Promise<OpenDatabase>;
  /** Puts the backup offered for the file refused at the last open in its place, and opens it. */
  recoverDatabase(): Promise<OpenDatabase>;
  saveDatabaseCopy(): Promise<{ path: string } | null>;
  savePdf(name: string, bytes: Uint8Array): Promise<{ path: string } | null>;
  openPdf(path: string): Promise<void>;
  printPdf(name: string, bytes: Uint8Array): Promise<void>;
  log(message: string, error?: unknown): void;
}

const MAX_PDF_BYTES = 50 * 1024 * 1024;

// French labels of the host channels' fields, for ValidationError messages.
const LABELS = { method: 'Opération', name: 'Nom du fichier', bytes: 'Contenu du PDF', path: 'Fichier PDF' };

const callInput = z.object({ method: z.string().min(1).max(100), input: z.unknown() });
const pdfInput = z.object({
  name: z.string().min(1).max(200),
  bytes: z.instanceof(Uint8Array, { message: 'Le contenu du PDF doit être une suite d’octets.' }).refine(
    (bytes) => bytes.byteLength <= MAX_PDF_BYTES,
    'Le PDF dépasse 50 Mo.',
  ),
});
const openPdfInput = z.object({ path: z.string().min(1).max(4096) });
const noInput = z.object({}).optional();

/**
 * Checklist item 17: only the top frame of our main window, showing an `app://paniers` page,
 * may use the channels; an iframe, another window or a page that navigated elsewhere may not.
 */
export function isTrustedSender(event: InvokeEvent, window: WindowLike | null): boolean {
  const frame: FrameLike | null = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  const top = window.webContents.mainFrame;
  return (
    event.sender === window.webContents &&
    frame.parent === null &&
    frame.processId === top.processId &&
    frame.routingId === top.routingId &&
    isAppUrl(frame.url)
  );
}

const refused = (): BridgeResult<never> => ({
  error: { type: 'conflict', message: 'Appel refusé : il ne vient pas de la fenêtre de Paniers.' },
});

/**
 * A host channel: checks the sender, validates the payload with `schema` (French `labels`),
 * runs, and answers `{ data }` or `{ error }`; an unexpected error is logged and becomes `internal`.
 */
export function registerChannel<S extends z.ZodType, T>(
  ipcMain: IpcMainLike,
  host: Pick<IpcHost, 'mainWindow' | 'log'>,
  name: string,
  schema: S,
  labels: Readonly<Record<string, string>>,
  run: (input: z.output<S>) => Promise<T>,
): void {
  ipcMain.handle(name, async (event, raw) => {
    if (!isTrustedSender(event, host.mainWindow())) {
      host.log(`IPC ${name} refused: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
      return refused();
    }
    try {
      return { data: await run(parseInput(schema, raw, labels)) };
    } catch (error) {
      if (!(error instanceof AppError)) host.log(`IPC ${name} failed`, error);
      return { error: toSerializedError(error) };
    }
  });
}

/** Registers every channel of the preload bridge; each one guards, validates, then answers `{ data }` or `{ error }`. */
export function registerIpc(ipcMain: IpcMainLike, host: IpcHost): void {
  const channel = <S extends z.ZodType, T>(name: string, schema: S, run: (input: z.output<S>) => Promise<T>) =>
    registerChannel(ipcMain, host, name, schema, LABELS, run);

  // The backend call: the method must be a registered handler; the Backend validates the
  // input with that handler's zod schema and answers `{ data }` or `{ error }` itself.
  ipcMain.handle(CHANNELS.call, async (event, raw) => {
    if (!isTrustedSender(event, host.mainWindow())) {
      host.log(`IPC ${CHANNELS.call} refused: untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
      return refused();
    }
    try {
      const { method, input } = parseInput(callInput, raw, LABELS);
      const backend = host.backend();
      if (!backend) {
        throw new ConflictError('Aucune base n’est ouverte : créez une nouvelle base ou ouvrez-en une (menu Fichier).');
      }
      if (!backend.registry.has(method)) throw new NotFoundError(`Opération inconnue : « ${method} ».`);
      return await backend.handle(method, input);
    } catch (error) {
      return { error: toSerializedError(error) };
    }
  });

  channel(CHANNELS.currentDatabase, noInput, async () => host.currentDatabase());
  channel(CHANNELS.openDatabase, noInput, () => host.openDatabase());
  channel(CHANNELS.createDatabase, noInput, () => host.createDatabase());
  channel(CHANNELS.createDemoDatabase, noInput, () => host.createDemoDatabase());
  channel(CHANNELS.recoverDatabase, noInput, () => host.recoverDatabase());
  channel(CHANNELS.saveDatabaseCopy, noInput, () => host.saveDatabaseCopy());
  channel(CHANNELS.savePdf, pdfInput, ({ name, bytes }) => host.savePdf(name, bytes));
  channel(CHANNELS.openPdf, openPdfInput, async ({ path }) => {
    await host.openPdf(path);
    return null;
  });
  channel(CHANNELS.printPdf, pdfInput, async ({ name, bytes }) => {
    await host.printPdf(name, bytes);
    return null;
  });
}
