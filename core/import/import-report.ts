import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { PdfDocument } from '../documents/document-handlers';
import { paymentOrganisation } from '../documents/payment-document-handlers';
import { toDataUri } from '../documents/pdf/pdf-kit';
import { toCsv, type CsvColumn } from '../export/csv';
import { idField } from '../validation/fields';
import { fromDb, importDay, orderedLines, readImport, type ImportRecord, type ImportRow } from './import-record';
import { renderImportReport } from './import-report-pdf';
import { IMPORT_OUTCOME_LABELS, type ImportReportLine } from './import-report-types';

/**
 * The import report (issue 8 item 5): what an import created, matched, updated or refused,
 * with its totals, as a list, a PDF and a CSV. Kept with the database: the row never changes.
 */

/** `rapport-import-3_2026-04-10` : the import's number and day, safe in any file system. */
function baseName(record: ImportRecord): string {
  return `rapport-import-${record.id}_${importDay(record)}`;
}

/** The imports, newest first. */
export const importList = defineHandler({
  name: 'import-list',
  input: z.object({}),
  mutates: false,
  run: ({ db }) =>
    db.all<ImportRow>('SELECT * FROM imports ORDER BY imported_at DESC, id DESC').map((row) => {
      const r = fromDb(row);
      return { id: r.id, kind: r.kind, fileName: r.fileName, importedAt: r.importedAt, mode: r.mode, cutoverDate: r.cutoverDate, summary: r.summary };
    }),
});

/** The import report as a PDF on the association's letterhead. */
export const documentImportReport = defineHandler({
  name: 'document-import-report',
  input: z.object({ importId: idField }),
  labels: { importId: 'Import' },
  mutates: false,
  run: ({ db }, { importId }): PdfDocument => {
    const record = readImport(db, importId);
    const doc = renderImportReport(record, paymentOrganisation(db));
    return { fileName: `${baseName(record)}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

const CSV_COLUMNS: CsvColumn<ImportReportLine>[] = [
  { header: 'Ligne', value: (l) => l.line },
  { header: 'Résultat', value: (l) => IMPORT_OUTCOME_LABELS[l.outcome] },
  { header: 'Adhérent', value: (l) => l.subscriber },
  { header: 'Détail', value: (l) => l.detail },
];

/** The same lines as a spreadsheet, in the PDF's order. */
export const importReportCsv = defineHandler({
  name: 'import-report-csv',
  input: z.object({ importId: idField }),
  labels: { importId: 'Import' },
  mutates: false,
  run: ({ db }, { importId }) => {
    const record = readImport(db, importId);
    return { fileName: `${baseName(record)}.csv`, content: toCsv(CSV_COLUMNS, orderedLines(record.lines)) };
  },
});
