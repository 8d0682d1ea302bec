import { autoTable } from 'jspdf-autotable';
import type { jsPDF } from 'jspdf';
import { SHEET_MARKER_LABELS, type DeliverySheet } from '../delivery-sheet';
import { COLOURS, newDocument, numberPages, PAGE } from './pdf-kit';

function drawHeader(doc: jsPDF, sheet: DeliverySheet): number {
  const { margin, width } = PAGE;
  let y = margin + 4;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8);
  doc.setTextColor(...COLOURS.muted);
  doc.text(`${sheet.organisation.name || 'Paniers'} — feuille de livraison`, margin, y);
  doc.text(sheet.depot.gardenName ? `Jardin de ${sheet.depot.gardenName}` : '', width - margin, y, { align: 'right' });
  y += 7;
  doc.setTextColor(...COLOURS.text);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(16);
  doc.text(sheet.depot.name, margin, y);
  doc.setFontSize(12);
  doc.text(sheet.dateLabel.charAt(0).toUpperCase() + sheet.dateLabel.slice(1), width - margin, y, { align: 'right' });
  y += 5.5;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  const details = [
    sheet.depot.address,
    sheet.depot.pickupHours && `Retrait : ${sheet.depot.pickupHours}`,
    sheet.depot.referent && `Référent : ${sheet.depot.referent}`,
    sheet.roundName && `Tournée : ${sheet.roundName}`,
  ].filter(Boolean) as string[];
  const lines: string[] = doc.splitTextToSize(details.join('   ·   '), width - 2 * margin);
  doc.text(lines, margin, y);
  y += 3.6 * lines.length - 0.6;
  doc.setDrawColor(...COLOURS.accent);
  doc.setLineWidth(0.5);
  doc.line(margin, y, width - margin, y);
  return y + 2.5;
}

/** Adds one depot sheet (one or more pages) to `doc`. */
function addSheet(doc: jsPDF, sheet: DeliverySheet): void {
  const startY = drawHeader(doc, sheet);
  const firstPage = doc.getNumberOfPages();
  autoTable(doc, {
    startY,
    margin: { left: PAGE.margin, right: PAGE.margin, top: PAGE.margin + 6, bottom: 14 },
    head: [['', 'Nom', 'Formule', 'Qté', 'Téléphone', 'Repère', 'Notes']],
    body: sheet.rows.map((r) => ['', r.name, r.formula, String(r.quantity), r.phone, r.markers.map((m) => SHEET_MARKER_LABELS[m]).join(', '), '']),
    styles: { font: 'helvetica', fontSize: 7.8, cellPadding: { top: 0.6, bottom: 0.6, left: 1.2, right: 1.2 }, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text, overflow: 'ellipsize' },
    headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
    columnStyles: {
      0: { cellWidth: 6 },
      1: { cellWidth: 50, fontStyle: 'bold' },
      2: { cellWidth: 30 },
      3: { cellWidth: 9, halign: 'center' },
      4: { cellWidth: 26 },
      5: { cellWidth: 30, fontSize: 7, textColor: COLOURS.accent },
      6: { cellWidth: 'auto' },
    },
    didDrawCell: (data) => {
      if (data.section === 'body' && data.column.index === 0) {
        const size = 3;
        doc.setDrawColor(...COLOURS.text);
        doc.setLineWidth(0.25);
        doc.rect(data.cell.x + (data.cell.width - size) / 2, data.cell.y + (data.cell.height - size) / 2, size, size);
      }
    },
  });
  const finalY = (doc as jsPDF & { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
  const totals = sheet.totals.map((t) => `${t.formula} : ${t.quantity}`).join('   ·   ');
  let y = finalY + 5;
  if (y > PAGE.height - 18) {
    doc.addPage();
    y = PAGE.margin + 8;
  }
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(9);
  doc.text(`Total : ${sheet.totalBaskets} panier${sheet.totalBaskets > 1 ? 's' : ''}`, PAGE.margin, y);
  doc.setFont('helvetica', 'normal');
  doc.text(totals, PAGE.margin + 32, y, { maxWidth: PAGE.width - 2 * PAGE.margin - 32 });
  numberPages(doc, firstPage, doc.getNumberOfPages(), `${sheet.depot.name} — ${sheet.dateLabel}`);
}

/** All the sheets in one PDF, each starting on a new page: one click prints a whole day or week. */
export function renderDeliverySheets(sheets: readonly DeliverySheet[]): jsPDF {
  const doc = newDocument('Feuilles de livraison');
  sheets.forEach((sheet, index) => {
    if (index > 0) doc.addPage();
    addSheet(doc, sheet);
  });
  return doc;
}
