import { jsPDF } from 'jspdf';

/** Shared page furniture of our A4 documents (jsPDF, standard Helvetica: WinAnsi covers French). */
export const PAGE = { width: 210, height: 297, margin: 12 } as const;

export const COLOURS = {
  text: [33, 37, 41] as [number, number, number],
  muted: [110, 117, 125] as [number, number, number],
  accent: [43, 138, 62] as [number, number, number],
  rule: [206, 212, 218] as [number, number, number],
  headFill: [235, 245, 237] as [number, number, number],
};

export function newDocument(title: string): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  doc.setProperties({ title, creator: 'Paniers' });
  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...COLOURS.text);
  return doc;
}

/** `Page 2 / 3` bottom right and a footer text bottom left on pages [first, last]. */
export function numberPages(doc: jsPDF, first: number, last: number, footer: string): void {
  const total = last - first + 1;
  for (let page = first; page <= last; page++) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(...COLOURS.muted);
    doc.text(footer, PAGE.margin, PAGE.height - 7);
    doc.text(`Page ${page - first + 1} / ${total}`, PAGE.width - PAGE.margin, PAGE.height - 7, { align: 'right' });
    doc.setTextColor(...COLOURS.text);
  }
}

/** The PDF as a data URI (travels as JSON over both transports) and as bytes. */
export function toDataUri(doc: jsPDF): string {
  return doc.output('datauristring');
}

export function toBytes(doc: jsPDF): Uint8Array {
  return new Uint8Array(doc.output('arraybuffer'));
}
