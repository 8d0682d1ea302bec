import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { jsPDF } from 'jspdf';
import { formatDateShortFr, type IsoDate } from '../../dates/dates';
import { formatEuros, type Cents } from '../../money/money';
import type { CreditNoteDocument, DocumentLine, InvoiceDocument } from '../invoice-document';
import { COLOURS, drawAddressWindow, drawOrganisation, makeDeterministic, newDocument, numberPages, PAGE } from './pdf-kit';

type Printable = InvoiceDocument | CreditNoteDocument;

const NBSP = '\u00a0';
const RIGHT = PAGE.width - PAGE.margin;
const euros = (c: number) => formatEuros(c as Cents);
const shortDate = (d: string) => formatDateShortFr(d as IsoDate);

/** `550` → `5,5 %`. */
export function formatRate(bp: number): string {
  return `${String(bp / 100).replace('.', ',')}${NBSP}%`;
}

/** Lowercase hex SHA-256 of the PDF bytes: the fingerprint stored on the issued invoice. */
export function pdfSha256(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The data URI of exactly these bytes. jsPDF's own output cannot be asked twice: with an
 * image, its second output is no longer compressed, so the hashed bytes and the shown ones
 * would differ. Core has no btoa (no DOM, no Node), hence this small encoder.
 */
export function pdfDataUri(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]! + (b === undefined ? '=' : BASE64[(n >> 6) & 63]!) + (c === undefined ? '=' : BASE64[n & 63]!);
  }
  return `data:application/pdf;filename=generated.pdf;base64,${out}`;
}

function title(d: Printable): { title: string; number: string } {
  if (d.kind === 'credit-note') return { title: 'Avoir', number: d.number };
  return d.draft ? { title: 'Facture — brouillon', number: 'Sans numéro (non émise)' } : { title: 'Facture', number: d.number ?? '' };
}

/** Organisation top left, document title and references top right, subscriber in the envelope window. */
function drawHeader(doc: jsPDF, d: Printable): number {
  const { margin } = PAGE;
  const org = d.organisation;
  const orgBottom = drawOrganisation(doc, org);

  const t = title(d);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(20);
  doc.setTextColor(...COLOURS.accent);
  doc.text(t.title.toUpperCase(), RIGHT, margin + 6, { align: 'right' });
  doc.setTextColor(...COLOURS.text);
  doc.setFontSize(10.5);
  doc.text(d.kind === 'invoice' && d.draft ? t.number : `N° ${t.number}`, RIGHT, margin + 13, { align: 'right' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  const refs: string[] = [];
  if (d.kind === 'invoice') {
    refs.push(d.issueDate ? `Date d’émission : ${shortDate(d.issueDate)}` : 'Date d’émission : à l’émission');
    refs.push(`Livraisons du ${shortDate(d.periodStart)} au ${shortDate(d.periodEnd)}`);
  } else {
    refs.push(`Date d’émission : ${shortDate(d.issueDate)}`);
    refs.push(`Sur la facture ${d.invoiceNumber} du ${shortDate(d.invoiceDate)}`);
  }
  doc.text(refs, RIGHT, margin + 18.5, { align: 'right', lineHeightFactor: 1.35 });

  let y = Math.max(orgBottom, drawAddressWindow(doc, d.subscriber)) + 6;

  if (d.kind === 'credit-note') {
    doc.setFontSize(9.5);
    const reason: string[] = doc.splitTextToSize(`Motif : ${d.reason}`, PAGE.width - 2 * margin);
    doc.text(reason, margin, y);
    y += reason.length * 4.5 + 2;
  }
  if (org.header) {
    doc.setFontSize(9);
    const header: string[] = doc.splitTextToSize(org.header, PAGE.width - 2 * margin);
    doc.text(header, margin, y);
    y += header.length * 4 + 2;
  }
  return y;
}

interface Column {
  head: string;
  cell: (l: DocumentLine) => string;
  align?: 'center' | 'right';
  width?: number;
}

/** Liable organisations show the prices excl. VAT and the rate; the others one price. A credit note's labels carry the date. */
function columns(d: Printable): Column[] {
  const amount = (head: string, cell: (l: DocumentLine) => string): Column => ({ head, cell, align: 'right', width: d.vatLiable ? 20 : 28 });
  const cols: Column[] = [
    ...(d.kind === 'invoice' ? [{ head: 'Date', cell: (l: DocumentLine) => (l.date ? shortDate(l.date) : ''), width: 20 }] : []),
    { head: 'Désignation', cell: (l) => l.label },
    { head: 'Qté', cell: (l) => String(l.quantity), align: 'center', width: 11 },
  ];
  if (d.vatLiable) {
    cols.push(
      amount('PU HT', (l) => euros(l.unitNetCents)),
      amount('PU TTC', (l) => euros(l.unitPriceCents)),
      amount('TVA', (l) => formatRate(l.vatRateBp)),
      amount('Total HT', (l) => euros(l.netCents)),
      amount('Total TTC', (l) => euros(l.grossCents)),
    );
  } else {
    cols.push(amount('Prix unitaire', (l) => euros(l.unitPriceCents)), amount('Montant', (l) => euros(l.grossCents)));
  }
  return cols;
}

const TABLE = { fontSize: 8.5, lineHeight: 3.6, padX: 1.5, padY: 1.2, bottom: PAGE.height - 16 } as const;
const STRIPE: [number, number, number] = [245, 245, 245];

/**
 * The lines table, drawn by hand: a run's PDF prints 2,000 invoices and autoTable spent three
 * quarters of that time laying out these small tables. Long labels wrap; a table that reaches
 * the footer continues on a new page under a repeated header.
 */
function drawLines(doc: jsPDF, d: Printable, startY: number): number {
  const cols = columns(d);
  const fixed = cols.reduce((n, c) => n + (c.width ?? 0), 0);
  const widths = cols.map((c) => c.width ?? PAGE.width - 2 * PAGE.margin - fixed);
  const xs: number[] = [PAGE.margin];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);
  doc.setFontSize(TABLE.fontSize);
  doc.setLineWidth(0.15);
  doc.setDrawColor(...COLOURS.rule);
  const row = (cells: string[][], y: number, fill: [number, number, number] | null, bold: boolean): number => {
    const height = Math.max(...cells.map((c) => c.length)) * TABLE.lineHeight + 2 * TABLE.padY;
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    cells.forEach((lines, i) => {
      const x = xs[i]!;
      const w = widths[i]!;
      // Text is painted with the PDF fill colour: set the cell's fill again before each cell.
      if (fill) doc.setFillColor(...fill);
      doc.rect(x, y, w, height, fill ? 'FD' : 'S');
      const align = cols[i]!.align ?? 'left';
      const tx = align === 'right' ? x + w - TABLE.padX : align === 'center' ? x + w / 2 : x + TABLE.padX;
      doc.text(lines, tx, y + TABLE.padY + 2.6, { align, lineHeightFactor: TABLE.lineHeight / (TABLE.fontSize * 0.3528) });
    });
    return y + height;
  };
  const header = (y: number) => row(cols.map((c) => [c.head]), y, COLOURS.headFill, true);
  let y = header(startY);
  d.lines.forEach((line, index) => {
    doc.setFont('helvetica', 'normal');
    const cells = cols.map((c, i) => {
      const text = c.cell(line);
      // Only the label column is free text; the others are short, fixed-format values.
      return c.width === undefined && doc.getTextWidth(text) > widths[i]! - 2 * TABLE.padX ? (doc.splitTextToSize(text, widths[i]! - 2 * TABLE.padX) as string[]) : [text];
    });
    const height = Math.max(...cells.map((c) => c.length)) * TABLE.lineHeight + 2 * TABLE.padY;
    if (y + height > TABLE.bottom) {
      doc.addPage();
      y = header(PAGE.margin + 6);
    }
    y = row(cells, y, index % 2 === 1 ? STRIPE : null, false);
  });
  return y;
}

/**
 * The right-hand label/amount block; `strong` rows are bold on the accent fill. Drawn by hand
 * rather than with autoTable: it is printed 2,000 times in a run's PDF.
 */
function drawSummary(doc: jsPDF, y: number, rows: { label: string; amount: string; strong?: boolean }[]): number {
  const left = 110;
  for (const r of rows) {
    const height = r.strong ? 6.5 : 5;
    if (r.strong) {
      doc.setFillColor(...COLOURS.headFill);
      doc.rect(left, y, RIGHT - left, height, 'F');
    }
    doc.setFont('helvetica', r.strong ? 'bold' : 'normal');
    doc.setFontSize(r.strong ? 10.5 : 9);
    const baseline = y + height / 2 + (r.strong ? 1.3 : 1.1);
    doc.text(r.label, left + 2, baseline);
    doc.text(r.amount, RIGHT - 2, baseline, { align: 'right' });
    y += height;
  }
  return y;
}

function summaryRows(d: Printable): { label: string; amount: string; strong?: boolean }[] {
  const rows: { label: string; amount: string; strong?: boolean }[] = [];
  if (d.vatLiable) {
    for (const r of d.vatByRate) rows.push({ label: `TVA ${formatRate(r.rateBp)} sur ${euros(r.netCents)} HT`, amount: euros(r.vatCents) });
    rows.push({ label: 'Total HT', amount: euros(d.totals.netCents) }, { label: 'Total TVA', amount: euros(d.totals.vatCents) });
  }
  if (d.kind === 'credit-note') {
    rows.push({ label: d.vatLiable ? 'Total de l’avoir TTC' : 'Total de l’avoir', amount: euros(d.totals.grossCents), strong: true });
    return rows;
  }
  rows.push({ label: d.vatLiable ? 'Total TTC du mois' : 'Total du mois', amount: euros(d.totals.grossCents) });
  if (d.balanceForwardCents > 0) rows.push({ label: 'Report de solde', amount: euros(d.balanceForwardCents) });
  if (d.creditAppliedCents > 0) rows.push({ label: 'Avance déduite', amount: `-${euros(d.creditAppliedCents)}` });
  rows.push({ label: 'Montant dû', amount: euros(d.amountDueCents), strong: true });
  return rows;
}

/** Paragraphs below the totals; moves to a new page when they would run into the footer. */
function drawNotes(doc: jsPDF, y: number, paragraphs: { text: string; bold?: boolean; muted?: boolean }[]): void {
  const width = PAGE.width - 2 * PAGE.margin;
  for (const p of paragraphs) {
    if (!p.text) continue;
    doc.setFont('helvetica', p.bold ? 'bold' : 'normal');
    doc.setFontSize(p.muted ? 8 : 9.5);
    doc.setTextColor(...(p.muted ? COLOURS.muted : COLOURS.text));
    const lines: string[] = doc.splitTextToSize(p.text, width);
    if (y + lines.length * 4.4 > PAGE.height - 16) {
      doc.addPage();
      y = PAGE.margin + 6;
    }
    doc.text(lines, PAGE.margin, y);
    y += lines.length * 4.4 + 2;
  }
  doc.setTextColor(...COLOURS.text);
}

/** Adds one invoice or credit note, starting on the current page. */
function addPrintable(doc: jsPDF, d: Printable): void {
  const firstPage = doc.getNumberOfPages();
  const startY = drawHeader(doc, d);
  let y = drawLines(doc, d, startY) + 4;
  if (y > PAGE.height - 60) {
    doc.addPage();
    y = PAGE.margin + 6;
  }
  y = drawSummary(doc, y, summaryRows(d)) + 6;
  const notes: { text: string; bold?: boolean; muted?: boolean }[] = [{ text: d.vatMention ?? '', bold: true }];
  if (d.kind === 'invoice') notes.push({ text: d.paymentLine, bold: true }, { text: d.paymentTerms ? `Conditions de paiement : ${d.paymentTerms}` : '' });
  else notes.push({ text: `Montant porté au crédit de votre compte : ${euros(d.totals.grossCents)}.`, bold: true });
  notes.push({ text: d.lateTerms ?? '', muted: true }, { text: d.footer, muted: true });
  drawNotes(doc, y, notes);
  const t = title(d);
  numberPages(doc, firstPage, doc.getNumberOfPages(), `${d.organisation.name} — ${t.title} ${t.number}`);
}

function render(docs: readonly Printable[], pdfTitle: string, key: string): jsPDF {
  const doc = newDocument(pdfTitle);
  docs.forEach((d, index) => {
    if (index > 0) doc.addPage();
    addPrintable(doc, d);
  });
  const dates = docs.map((d) => (d.kind === 'invoice' ? (d.issueDate ?? d.periodEnd) : d.issueDate)).sort();
  makeDeterministic(doc, dates[dates.length - 1] ?? '2000-01-01', key);
  return doc;
}

export function renderInvoice(d: InvoiceDocument): jsPDF {
  const t = title(d);
  return render([d], `${t.title} ${t.number}`, `invoice:${d.number ?? `draft:${d.periodStart}:${d.subscriber.name}`}`);
}

/** The whole run in one PDF for printing, each invoice starting on a new page. */
export function renderInvoiceRun(docs: readonly InvoiceDocument[], month: string): jsPDF {
  return render(docs, `Factures ${month}`, `run:${month}:${docs.map((d) => d.number).join(',')}`);
}

export function renderCreditNote(d: CreditNoteDocument): jsPDF {
  return render([d], `Avoir ${d.number}`, `credit-note:${d.number}`);
}
