import { fromSerializedError } from '../../../core/api/errors';
import type { BridgeResult, PaniersBridge } from '../../../core/bridge';

/** A PDF as the document handlers send it: a file name and a `data:application/pdf;base64,…` URI. */
export interface PdfFile {
  fileName: string;
  dataUri: string;
  pages: number;
}

/**
 * Where a PDF goes. Electron: the main process saves it where the user chooses, opens or
 * prints it in the user's PDF reader. Web harness: the browser downloads it or shows it in
 * a new tab (a `blob:` URL of the page's own origin: no network, nothing the CSP forbids).
 */
export type PdfOutput =
  | {
      kind: 'electron';
      /** Resolves to the saved path, or null when the person cancelled the dialog. */
      save(file: PdfFile): Promise<string | null>;
      open(path: string): Promise<void>;
      print(file: PdfFile): Promise<void>;
    }
  | {
      kind: 'web';
      download(file: PdfFile): void;
      open(file: PdfFile): void;
    };

/** The base64 body of a data URI, as bytes (atob: `fetch(data:)` would need a wider CSP). */
export function dataUriToBytes(dataUri: string): Uint8Array {
  const comma = dataUri.indexOf(',');
  if (!dataUri.startsWith('data:') || comma < 0 || !dataUri.slice(0, comma).endsWith(';base64')) {
    throw new Error('Le document reçu n’est pas un PDF lisible.');
  }
  const binary = atob(dataUri.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers a file to the browser's downloads (the PDFs on the web, and CSV exports everywhere). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute is ample before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function unwrap<T>(reply: Promise<BridgeResult<T>>): Promise<T> {
  const result = await reply;
  if ('error' in result) throw fromSerializedError(result.error);
  return result.data;
}

function pdfBlob(file: PdfFile): Blob {
  return new Blob([dataUriToBytes(file.dataUri) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

export function electronPdfOutput(bridge: Pick<PaniersBridge, 'savePdf' | 'openPdf' | 'printPdf'>): PdfOutput {
  return {
    kind: 'electron',
    save: async (file) => (await unwrap(bridge.savePdf(file.fileName, dataUriToBytes(file.dataUri))))?.path ?? null,
    open: async (path) => {
      await unwrap(bridge.openPdf(path));
    },
    print: async (file) => {
      await unwrap(bridge.printPdf(file.fileName, dataUriToBytes(file.dataUri)));
    },
  };
}

export function webPdfOutput(): PdfOutput {
  return {
    kind: 'web',
    download: (file) => downloadBlob(file.fileName, pdfBlob(file)),
    open: (file) => {
      const url = URL.createObjectURL(pdfBlob(file));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

/** Electron when the preload bridge is there (as `pickHost` decides), else the browser. */
export function pickPdfOutput(win: Window = window): PdfOutput {
  const bridge = (win as Window & { paniers?: PaniersBridge }).paniers;
  return bridge?.platform === 'electron' ? electronPdfOutput(bridge) : webPdfOutput();
}
