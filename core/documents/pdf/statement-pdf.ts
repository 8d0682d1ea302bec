import { autoTable } from 'jspdf-autotable';
import type { jsPDF } from 'jspdf';
import { formatEuros, type Cents } from '../../money/money';
import { balanceWording, type StatementDocument } from '../statement';
import { COLOURS, newDocument, numberPages, PAGE } from './pdf-kit';

const amount = (value: Cents | null) => (value === null ? '' : formatEuros(value));

/** The account statement on A4: who, which period, each entry with the running balance. */
export function renderStatement(statement: StatementDocument): jsPDF {
  const doc = newDocument(`Relevé de compte — ${statement.subscriber.name}`);
  const { margin, width } = PAGE;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(11);
  doc.text(statement.organisation.name || 'Paniers', margin, margin + 5);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  doc.setTextColor(...COLOURS.muted);
  doc.text([statement.organisation.address, statement.organisation.contact].filter(Boolean), margin, margin + 10);
  doc.setTextColor(...COLOURS.text);
  doc.setFontSize(10);
  doc.text([statement.subscriber.name, ...statement.subscriber.addressLines], width - margin - 70, margin + 22);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(15);
  doc.text('Relevé de compte', margin, margin + 44);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9.5);
  doc.text(`Période ${statement.periodLabel} — édité le ${statement.printedOn}`, margin, margin + 50);
  autoTable(doc, {
    startY: margin + 55,
    margin: { left: margin, right: margin, bottom: 14 },
    head: [['Date', 'Libellé', 'Référence', 'Débit', 'Crédit', 'Solde']],
    body: [
      ['', 'Solde au début de la période', '', '', '', formatEuros(statement.openingCents)],
      ...statement.entries.map((e) => [e.date, e.label, e.reference, amount(e.debitCents), amount(e.creditCents), formatEuros(e.balanceCents)]),
    ],
    foot: [['', 'Solde à la fin de la période', '', '', '', formatEuros(statement.closingCents)]],
    styles: { font: 'helvetica', fontSize: 8.5, cellPadding: 1.2, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text },
    headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
    footStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
    columnStyles: { 0: { cellWidth: 22 }, 2: { cellWidth: 32 }, 3: { halign: 'right', cellWidth: 24 }, 4: { halign: 'right', cellWidth: 24 }, 5: { halign: 'right', cellWidth: 26 } },
    // Amounts line up on the right in the header and footer rows too.
    didParseCell: (data) => {
      if (data.section !== 'body' && data.column.index >= 3) data.cell.styles.halign = 'right';
    },
  });
  const y = (doc as jsPDF & { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 8;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(11);
  doc.text(`Solde : ${balanceWording(statement.closingCents, formatEuros)}`, margin, Math.min(y, PAGE.height - 20));
  numberPages(doc, 1, doc.getNumberOfPages(), `Relevé de compte — ${statement.subscriber.name}`);
  return doc;
}
