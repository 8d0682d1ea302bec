import type { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import type { OrganisationView } from '../documents/invoice-document';
import { COLOURS, drawOrganisation, makeDeterministic, newDocument, numberPages, PAGE } from '../documents/pdf/pdf-kit';
import { formatEuros, type Cents } from '../money/money';
import { IMPORT_KIND_LABELS, IMPORT_MODE_LABELS, type ImportLineOutcome } from './import-report-types';
import { importDay, orderedLines, type ImportRecord } from './import-record';

const TITLE = 'Rapport d’import';
const RIGHT = PAGE.width - PAGE.margin;
const euros = (c: number) => formatEuros(c as Cents);
const day = (d: string) => formatDateShortFr(d as IsoDate);
// French: zero and one take the singular (« 0 solde », « 1 solde », « 2 soldes »).
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

/** A group's heading row: what the office reads before the lines. */
const GROUP_TITLES: Record<ImportLineOutcome, string> = {
  refused: 'Lignes refusées (à corriger dans le fichier)',
  created: 'Lignes créées',
  updated: 'Lignes mises à jour',
  matched: 'Lignes reconnues (déjà présentes)',
};

const TABLE_STYLES = {
  styles: { font: 'helvetica', fontSize: 8.5, cellPadding: 1.2, lineColor: COLOURS.rule, lineWidth: 0.15, textColor: COLOURS.text },
  headStyles: { fillColor: COLOURS.headFill, textColor: COLOURS.text, fontStyle: 'bold' },
} as const;

function lastY(doc: jsPDF): number {
  return (doc as jsPDF & { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}

/** Title, file, fingerprint and dates under the letterhead. Returns where the tables start. */
function drawHeader(doc: jsPDF, r: ImportRecord, org: OrganisationView): number {
  const orgBottom = drawOrganisation(doc, org);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  doc.text(`Import n° ${r.id} du ${day(importDay(r))}`, RIGHT, PAGE.margin + 6, { align: 'right' });
  const titleY = Math.max(orgBottom, PAGE.margin + 16) + 8;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(15);
  doc.setTextColor(...COLOURS.accent);
  doc.text(TITLE.toUpperCase(), PAGE.margin, titleY);
  doc.setTextColor(...COLOURS.text);
  autoTable(doc, {
    startY: titleY + 4,
    margin: { left: PAGE.margin, right: PAGE.margin },
    theme: 'plain',
    styles: { ...TABLE_STYLES.styles, lineWidth: 0, fontSize: 9.5, cellPadding: 0.8 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 42 } },
    body: [
      ['Fichier', r.fileName],
      // The short fingerprint is enough to tell two files apart on paper; the full one is in the database.
      ['Empreinte SHA-256', `${r.fileSha256.slice(0, 16)}…`],
      ['Contenu', IMPORT_KIND_LABELS[r.kind]],
      ['Mode', IMPORT_MODE_LABELS[r.mode]],
      ['Date de l’import', day(importDay(r))],
      ['Date de bascule', r.cutoverDate ? day(r.cutoverDate) : 'Aucune (pas de solde repris)'],
    ],
  });
  return lastY(doc) + 5;
}

/** The counts by outcome and the opening balances to check against the old system. */
function drawTotals(doc: jsPDF, r: ImportRecord, startY: number): number {
  const s = r.summary;
  autoTable(doc, {
    startY,
    margin: { left: PAGE.margin, right: PAGE.margin },
    ...TABLE_STYLES,
    head: [['Créées', 'Reconnues', 'Mises à jour', 'Refusées', 'Soldes créditeurs (avances)', 'Soldes débiteurs (dettes)']],
    body: [[String(s.created), String(s.matched), String(s.updated), String(s.refused), `${plural(s.creditCount, 'solde', 'soldes')} : ${euros(s.creditCents)}`, `${plural(s.debtCount, 'solde', 'soldes')} : ${euros(s.debtCents)}`]],
    styles: { ...TABLE_STYLES.styles, halign: 'center', fontSize: 9.5 },
    headStyles: { ...TABLE_STYLES.headStyles, halign: 'center' },
    // Refused lines in the accent colour only when there are some: they need the office's attention.
    didParseCell: (data) => {
      if (data.section === 'body' && data.column.index === 3 && s.refused > 0) {
        data.cell.styles.textColor = [201, 42, 42];
        data.cell.styles.fontStyle = 'bold';
      }
    },
  });
  return lastY(doc) + 6;
}

/** Every line of the file, grouped by outcome, refused first, each group under its heading. */
function drawLines(doc: jsPDF, r: ImportRecord, startY: number): void {
  const lines = orderedLines(r.lines);
  const body: RowInput[] = [];
  let group: ImportLineOutcome | null = null;
  for (const l of lines) {
    if (l.outcome !== group) {
      group = l.outcome;
      const n = lines.filter((x) => x.outcome === group).length;
      body.push([{ content: `${GROUP_TITLES[group]} — ${n}`, colSpan: 3, styles: { fontStyle: 'bold', fillColor: COLOURS.headFill, halign: 'left' } }]);
    }
    body.push([String(l.line), l.subscriber, l.detail]);
  }
  if (body.length === 0) body.push([{ content: 'Le fichier ne contenait aucune ligne.', colSpan: 3, styles: { halign: 'left' } }]);
  autoTable(doc, {
    startY,
    margin: { left: PAGE.margin, right: PAGE.margin, bottom: 14 },
    ...TABLE_STYLES,
    head: [['Ligne', 'Adhérent', 'Détail']],
    body,
    columnStyles: { 0: { cellWidth: 14, halign: 'right' }, 1: { cellWidth: 58 } },
  });
}

/** The report on A4: same import, same bytes (dated by the import, keyed by its fingerprint). */
export function renderImportReport(record: ImportRecord, organisation: OrganisationView): jsPDF {
  const doc = newDocument(`${TITLE} — ${record.fileName}`);
  const y = drawTotals(doc, record, drawHeader(doc, record, organisation));
  drawLines(doc, record, y);
  numberPages(doc, 1, doc.getNumberOfPages(), `${TITLE} n° ${record.id} — ${record.fileName}`);
  makeDeterministic(doc, importDay(record), `import-${record.id}-${record.fileSha256}`);
  return doc;
}
