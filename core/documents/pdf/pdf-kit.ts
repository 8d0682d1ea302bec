import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { jsPDF } from 'jspdf';
import type { OrganisationView, PartyView } from '../invoice-document';

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

/**
 * Same document, same bytes: the creation date is the document's date (not the print time)
 * and the file id derives from its number, so a reprint hashes the same (finance-rules §1.4).
 */
export function makeDeterministic(doc: jsPDF, date: string, key: string): void {
  doc.setCreationDate(`D:${date.replaceAll('-', '')}120000+00'00'`);
  doc.setFileId(bytesToHex(sha256(utf8ToBytes(key))).slice(0, 32).toUpperCase());
}

function drawLogo(doc: jsPDF, dataUrl: string, y: number): number {
  const { width, height } = doc.getImageProperties(dataUrl);
  const scale = Math.min(40 / width, 18 / height);
  doc.addImage(dataUrl, PAGE.margin, y, width * scale, height * scale);
  return y + height * scale + 3;
}

/** The letterhead, top left: logo, name, address, legal and contact lines. Returns its bottom. */
export function drawOrganisation(doc: jsPDF, org: Omit<OrganisationView, 'header'>): number {
  const { margin } = PAGE;
  let y: number = margin;
  if (org.logoDataUrl) y = drawLogo(doc, org.logoDataUrl, y);
  y += 4;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(12);
  doc.text(org.name, margin, y);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  const lines = [...org.addressLines, ...org.legalLines, org.contactLine].filter((l) => l !== '');
  doc.text(lines, margin, y + 4.5, { lineHeightFactor: 1.35 });
  return y + 4.5 + lines.length * 4;
}

/** The addressee where a French DL window envelope shows it (110–200 mm across, 45–90 mm down). Returns its bottom. */
export function drawAddressWindow(doc: jsPDF, party: PartyView): number {
  const boxX = 112;
  const boxY = Math.max(48, PAGE.margin + 30);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(10.5);
  doc.text(party.name, boxX, boxY);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  doc.text(party.addressLines, boxX, boxY + 5, { lineHeightFactor: 1.35 });
  return boxY + 5 + party.addressLines.length * 4.8;
}
