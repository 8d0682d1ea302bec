import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError, NotFoundError } from '../core';
import { DATABASE_EXTENSION } from './app-paths';
import type { DialogLike, ShellLike, WindowLike } from './electron-api';

const DATABASE_FILTER = { name: 'Base Paniers', extensions: [DATABASE_EXTENSION] };
const PDF_FILTER = { name: 'Document PDF', extensions: ['pdf'] };

function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(`.${extension}`) ? file : `${file}.${extension}`;
}

/** « Ouvrir… »: an existing `.paniers` file, or null when the user cancels. */
export async function askDatabaseToOpen(dialog: DialogLike, window: WindowLike, defaultPath: string): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Ouvrir une base Paniers',
    buttonLabel: 'Ouvrir',
    defaultPath,
    filters: [DATABASE_FILTER],
    properties: ['openFile'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** « Nouvelle base… » and « Enregistrer une copie… »: where to write a `.paniers` file. */
export async function askDatabaseDestination(
  dialog: DialogLike,
  window: WindowLike,
  options: { title: string; buttonLabel: string; defaultPath: string },
): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    ...options,
    filters: [DATABASE_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : withExtension(result.filePath, DATABASE_EXTENSION);
}

/**
 * A file name the page suggests, made safe for any file system: no folders, no reserved
 * characters, not empty, not too long, ending in `.pdf`.
 */
export function safePdfName(suggested: string): string {
  const cleaned = suggested
    .normalize('NFC')
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\.{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/\.pdf$/i, '')
    .slice(0, 120)
    .trim();
  return `${cleaned || 'document'}.pdf`;
}

/**
 * PDFs the page asked us to write. « Ouvrir le PDF » only opens files saved here in this
 * session: the page can never make the OS open an arbitrary path (an .exe, a script…).
 */
export class PdfFiles {
  private readonly saved = new Set<string>();
  private printFolder: string | null = null;

  constructor(
    private readonly deps: { dialog: DialogLike; shell: ShellLike; documents: string; temp: string },
  ) {}

  async save(window: WindowLike, suggestedName: string, bytes: Uint8Array): Promise<{ path: string } | null> {
    const result = await this.deps.dialog.showSaveDialog(window, {
      title: 'Enregistrer le PDF',
      buttonLabel: 'Enregistrer',
      defaultPath: path.join(this.deps.documents, safePdfName(suggestedName)),
      filters: [PDF_FILTER],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || !result.filePath) return null;
    const file = path.resolve(withExtension(result.filePath, 'pdf'));
    await writeFile(file, bytes);
    this.saved.add(file);
    return { path: file };
  }

  async open(file: string): Promise<void> {
    const resolved = path.resolve(file);
    if (!this.saved.has(resolved)) {
      throw new NotFoundError('Ce PDF n’a pas été enregistré par Paniers pendant cette session : enregistrez-le à nouveau, puis ouvrez-le.');
    }
    await this.openWithSystem(resolved);
  }

  /**
   * « Imprimer » opens the PDF in the user's PDF reader. Electron's own PDF viewer cannot be
   * printed with `webContents.print()` (it prints blank pages: electron/electron#26448,
   * #30947), so the reader's print dialog is the reliable path.
   */
  async print(suggestedName: string, bytes: Uint8Array): Promise<void> {
    this.printFolder ??= await mkdtemp(path.join(this.deps.temp, 'paniers-impression-'));
    await mkdir(this.printFolder, { recursive: true });
    const file = path.join(this.printFolder, safePdfName(suggestedName));
    await writeFile(file, bytes);
    await this.openWithSystem(file);
  }

  private async openWithSystem(file: string): Promise<void> {
    const problem = await this.deps.shell.openPath(file);
    if (problem) {
      throw new ConflictError(
        `Le PDF n’a pas pu être ouvert (${problem}). Installez un lecteur de PDF, ou ouvrez le fichier ${file} vous-même.`,
      );
    }
  }
}
