import { autoTable, type RowInput } from 'jspdf-autotable';
import type { jsPDF } from 'jspdf';
import type { PackingDay } from '../packing-summary';
import { COLOURS, newDocument, numberPages, PAGE } from './pdf-kit';

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function addDay(doc: jsPDF, day: PackingDay, organisation: string): void {
  const firstPage = doc.getNumberOfPages();
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8);
  doc.setTextColor(...COLOURS.muted);
  doc.text(`${organisation || 'Paniers'} — bon de préparation`, PAGE.margin, PAGE.margin + 4);
  doc.setTextColor(...COLOURS.text);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(15);
  const title = day.dateLabel.charAt(0).toUpperCase() + day.dateLabel.slice(1);
  doc.text(title, PAGE.margin, PAGE.margin + 11);
  doc.setFontSize(11);
  doc.text(`${day.total} panier${day.total > 1 ? 's' : ''}`, PAGE.width - PAGE.margin, PAGE.margin + 11, { align: 'right' });
  const head = [['Tournée / dépôt', ...day.formulas, 'Total']];
  const count = (counts: Record<string, number>) => day.formulas.map((f) => (counts[f] ? String(counts[f]) : '–'));
  const body: RowInput[] = [];
  for (const round of day.rounds) {
    body.push([
      { content: round.name, styles: { fontStyle: 'bold', fillColor: round.colour ? [...hexToRgb(round.colour).map((c) => Math.round(255 - (255 - c) * 0.18))] as [number, number, number] : COLOURS.headFill } },
      ...count(round.counts).map((c) => ({ content: c, styles: { fontStyle: 'bold' as const, halign: 'center' as const } })),
      { content: String(round.total), styles: { fontStyle: 'bold', halign: 'center' } },
    ]);
    for (const depot of round.depots) body.push([`    ${depot.name}`, ...count(depot.counts), String(depot.total)]);
  }
  autoTable(doc, {
    startY: PAGE.margin + 16,
    margin: { left: PAGE.margin, right: PAGE.margin, bottom: 14 },
    head,
    body,
    foot: [['Total du jour', ...count(day.counts), String(day.total)]],
    styles: { font: 'helvetica', fontSize: 9, cellPadding: 1.2, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text, halign: 'center' },
    columnStyles: { 0: { halign: 'left', cellWidth: 62 } },
    headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
    footStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
  });
  const y = (doc as jsPDF & { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 8;
  autoTable(doc, {
    startY: y,
    margin: { left: PAGE.margin, right: PAGE.margin, bottom: 14 },
    head: [['Par jardin', ...day.formulas, 'Total']],
    body: day.gardens.map((g) => [g.name, ...count(g.counts), String(g.total)]),
    styles: { font: 'helvetica', fontSize: 9, cellPadding: 1.2, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text, halign: 'center' },
    columnStyles: { 0: { halign: 'left', cellWidth: 62, fontStyle: 'bold' } },
    headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
  });
  numberPages(doc, firstPage, doc.getNumberOfPages(), `Bon de préparation — ${day.dateLabel}`);
}

/** One page (or more) per delivery day. */
export function renderPackingSummary(days: readonly PackingDay[], organisation: string): jsPDF {
  const doc = newDocument('Bon de préparation');
  days.forEach((day, index) => {
    if (index > 0) doc.addPage();
    addDay(doc, day, organisation);
  });
  return doc;
}
