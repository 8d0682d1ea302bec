import type { jsPDF } from 'jspdf';
import { autoTable, type CellInput, type RowInput } from 'jspdf-autotable';
import { IntegrityError, ValidationError } from '../../api/errors';
import { formatDateShortFr, type IsoDate } from '../../dates/dates';
import { COLOURS, drawOrganisation, makeDeterministic, newDocument, numberPages, PAGE } from '../pdf/pdf-kit';
import { euros, RIGHT, spacedIban, TEXT_WIDTH } from './letter-kit';
import type { DepositSlipDocument } from './payment-documents';

const TITLE = 'Bordereau de remise de chèques';
const FOOTER_SPACE = 16;
const SIGNATURE_HEIGHT = 44;

export const chequeCount = (n: number): string => (n === 1 ? '1 chèque' : `${n} chèques`);

/** The bank needs the account; the slip prints the count and total it was recorded with, which must add up to its cheques. */
function checkSlip(slip: DepositSlipDocument): void {
  if (slip.organisation.iban.trim() === '') {
    throw new ValidationError('Le bordereau indique le compte à créditer : renseignez l’IBAN de l’association dans les réglages, puis imprimez-le.');
  }
  if (slip.cheques.length === 0) throw new ValidationError('Le bordereau est vide : choisissez au moins un chèque à remettre.');
  const sum = slip.cheques.reduce((total, c) => total + c.amountCents, 0);
  if (slip.count !== slip.cheques.length || slip.totalCents !== sum) {
    throw new IntegrityError(
      `Le bordereau ${slip.number} ne tombe pas juste : ${chequeCount(slip.count)} pour ${euros(slip.totalCents)} enregistrés, mais ${chequeCount(slip.cheques.length)} pour ${euros(sum)} listés. Il n’est pas imprimé ; contactez le support.`,
    );
  }
}

/** Writes `text` at `size` points, or smaller (down to 7) so that it fits in `width` mm. */
function fitText(doc: jsPDF, text: string, x: number, y: number, width: number, size: number): void {
  doc.setFontSize(size);
  const fitted = Math.max(7, Math.min(size, (size * width) / doc.getTextWidth(text)));
  doc.setFontSize(fitted);
  doc.text(text, x, y);
}

/**
 * Number and date top right, the title under the letterhead (a long association name would run
 * into a title beside it), then the account and the totals in a framed box. Returns the table's start.
 */
function drawSlipHeader(doc: jsPDF, slip: DepositSlipDocument): number {
  const orgBottom = drawOrganisation(doc, slip.organisation);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(11);
  doc.text(`N° ${slip.number}`, RIGHT, PAGE.margin + 6, { align: 'right' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  doc.text(`Date de remise : ${formatDateShortFr(slip.depositDate as IsoDate)}`, RIGHT, PAGE.margin + 12, { align: 'right' });

  const titleY = Math.max(orgBottom, PAGE.margin + 16) + 8;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(15);
  doc.setTextColor(...COLOURS.accent);
  doc.text(TITLE.toUpperCase(), PAGE.margin, titleY);
  doc.setTextColor(...COLOURS.text);

  const top = titleY + 5;
  const height = 26;
  doc.setDrawColor(...COLOURS.rule);
  doc.setLineWidth(0.3);
  doc.rect(PAGE.margin, top, TEXT_WIDTH, height, 'S');
  const org = slip.organisation;
  const label = (text: string, x: number, y: number) => {
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...COLOURS.muted);
    doc.text(text, x, y);
    doc.setTextColor(...COLOURS.text);
    doc.setFont('helvetica', 'bold');
  };
  const left = PAGE.margin + 4;
  const valueX = left + 30;
  const totalsX = RIGHT - 50;
  const valueWidth = totalsX - valueX - 6;
  label('Titulaire du compte', left, top + 7);
  fitText(doc, org.name, valueX, top + 7, valueWidth, 10.5);
  label('IBAN', left, top + 14);
  fitText(doc, spacedIban(org.iban), valueX, top + 14, valueWidth, 10.5);
  label('BIC', left, top + 21);
  fitText(doc, org.bic.trim() || '—', valueX, top + 21, valueWidth, 10.5);
  label('Nombre de chèques', totalsX, top + 6);
  fitText(doc, String(slip.count), totalsX, top + 11.5, 46, 12);
  label('Montant total', totalsX, top + 17.5);
  fitText(doc, euros(slip.totalCents), totalsX, top + 23, 46, 12);
  return top + height + 6;
}

/** A continuation page says which slip it belongs to. */
function drawContinuation(doc: jsPDF, slip: DepositSlipDocument): void {
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(9.5);
  doc.text(`${TITLE} n° ${slip.number} (suite)`, PAGE.margin, PAGE.margin + 5);
  doc.setFont('helvetica', 'normal');
}

/** The « Fait à … » line, and the boxes the depositor signs and the bank stamps. */
function drawSignatureBoxes(doc: jsPDF, y: number, slip: DepositSlipDocument): void {
  const city = slip.organisation.city.trim();
  const date = formatDateShortFr(slip.depositDate as IsoDate);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  doc.text(city ? `Fait à ${city}, le ${date}` : `Fait le ${date}`, PAGE.margin, y);
  const boxWidth = 84;
  const boxTop = y + 5;
  doc.setDrawColor(...COLOURS.rule);
  doc.setLineWidth(0.3);
  const box = (label: string, x: number) => {
    doc.rect(x, boxTop, boxWidth, 32, 'S');
    doc.setFontSize(8.5);
    doc.setTextColor(...COLOURS.muted);
    doc.text(label, x + 3, boxTop + 5);
    doc.setTextColor(...COLOURS.text);
  };
  box('Signature', PAGE.margin);
  box('Cachet de la banque', RIGHT - boxWidth);
}

/**
 * The deposit slip (bordereau de remise, finance-rules §4): the account, every cheque with its
 * drawer, bank, number and amount, the count and total, and a signature. A long slip repeats
 * the table header on each page, numbered `Page n / m`.
 */
export function depositSlipPdf(slip: DepositSlipDocument): jsPDF {
  checkSlip(slip);
  const doc = newDocument(`${TITLE} ${slip.number}`);
  const startY = drawSlipHeader(doc, slip);
  // The office's copy also says whom each cheque was credited to, when it is not the drawer.
  const withSubscriber = slip.cheques.some((c) => c.creditedTo.trim() !== '');
  const head = ['N°', 'Tireur', 'Banque', 'N° de chèque', ...(withSubscriber ? ['Crédité à'] : []), 'Montant'];
  const amountColumn = head.length - 1;
  const body: RowInput[] = slip.cheques.map((c, i) => [String(i + 1), c.drawer, c.bank, c.number, ...(withSubscriber ? [c.creditedTo] : []), euros(c.amountCents)]);
  const foot: CellInput[] = [
    { content: `Total : ${chequeCount(slip.count)}`, colSpan: amountColumn, styles: { halign: 'right' } },
    { content: euros(slip.totalCents), styles: { halign: 'right' } },
  ];
  autoTable(doc, {
    startY,
    margin: { top: PAGE.margin + 10, left: PAGE.margin, right: PAGE.margin, bottom: FOOTER_SPACE },
    head: [head],
    body,
    foot: [foot],
    showHead: 'everyPage',
    showFoot: 'lastPage',
    rowPageBreak: 'avoid',
    styles: { font: 'helvetica', fontSize: 9.5, cellPadding: 1.6, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text, valign: 'middle' },
    headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
    footStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold', fontSize: 10 },
    alternateRowStyles: { fillColor: [248, 249, 250] },
    columnStyles: {
      0: { cellWidth: 11, halign: 'right' },
      2: { cellWidth: withSubscriber ? 44 : 56 },
      3: { cellWidth: 26 },
      ...(withSubscriber ? { 4: { cellWidth: 34, fontSize: 7.5, textColor: COLOURS.muted } } : {}),
      [amountColumn]: { cellWidth: 31, halign: 'right' },
    },
    didParseCell: (data) => {
      if (data.section === 'head' && (data.column.index === 0 || data.column.index === amountColumn)) data.cell.styles.halign = 'right';
    },
    didDrawPage: (data) => {
      if (data.pageNumber > 1) drawContinuation(doc, slip);
    },
  });
  let y = (doc as jsPDF & { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 10;
  if (y + SIGNATURE_HEIGHT > PAGE.height - FOOTER_SPACE) {
    doc.addPage();
    drawContinuation(doc, slip);
    y = PAGE.margin + 16;
  }
  drawSignatureBoxes(doc, y, slip);
  numberPages(doc, 1, doc.getNumberOfPages(), `${TITLE} ${slip.number} — ${slip.organisation.name}`);
  makeDeterministic(doc, slip.depositDate, `deposit-slip:${slip.number}`);
  return doc;
}
