import type { jsPDF } from 'jspdf';
import type { CrateLabel } from '../crate-labels';
import { COLOURS, newDocument } from './pdf-kit';

/** A standard A4 sheet of 3 × 8 labels, 70 × 37 mm, edge to edge (e.g. Avery L7161-type). */
export const LABEL_SHEET = { columns: 3, rows: 8, width: 70, height: 37, top: 0.5, left: 0 } as const;

function drawLabel(doc: jsPDF, label: CrateLabel, x: number, y: number): void {
  const pad = 4;
  const inner = LABEL_SHEET.width - 2 * pad;
  doc.setTextColor(...COLOURS.text);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(12);
  doc.text(doc.splitTextToSize(label.name, inner).slice(0, 2), x + pad, y + pad + 4);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  doc.text(label.part ? `${label.formula} (${label.part})` : label.formula, x + pad, y + 19, { maxWidth: inner });
  // The depot is what the packing team sorts crates by: it stands out.
  doc.setFontSize(11);
  doc.setTextColor(...COLOURS.accent);
  doc.setFont('helvetica', 'bold');
  doc.text(label.depot, x + pad, y + 26, { maxWidth: inner });
  doc.setFont('helvetica', 'normal');
  doc.setTextColor(...COLOURS.muted);
  doc.setFontSize(8);
  doc.text([label.dateLabel, label.round].filter(Boolean).join(' · '), x + pad, y + 31, { maxWidth: inner });
}

export function renderCrateLabels(labels: readonly CrateLabel[]): jsPDF {
  const doc = newDocument('Étiquettes de caisses');
  const perPage = LABEL_SHEET.columns * LABEL_SHEET.rows;
  labels.forEach((label, index) => {
    if (index > 0 && index % perPage === 0) doc.addPage();
    const slot = index % perPage;
    const x = LABEL_SHEET.left + (slot % LABEL_SHEET.columns) * LABEL_SHEET.width;
    const y = LABEL_SHEET.top + Math.floor(slot / LABEL_SHEET.columns) * LABEL_SHEET.height;
    drawLabel(doc, label, x, y);
  });
  return doc;
}
