import { toCsv, type CsvColumn } from '../export/csv';
import type { JournalEntry, JournalLine } from './entries';
import { fecAmount } from './fec';

/**
 * The same lines as the FEC for a spreadsheet (finance-rules §5: `;` separator, comma
 * decimals). One file holds every journal, with the journal in the first column: the
 * accountant filters or sorts by it in one sheet, and the three journals' totals can be
 * checked against each other without opening three files.
 */
interface CsvLine {
  entry: JournalEntry;
  line: JournalLine;
}

/** `2026-04-30` → `30/04/2026`, as a French spreadsheet reads a date. */
export function csvDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

// An empty cell rather than 0,00 on the other side: the column reads and sums as an accountant's.
const amount = (value: number) => (value === 0 ? '' : fecAmount(value));

export const ACCOUNTING_CSV_COLUMNS: readonly CsvColumn<CsvLine>[] = [
  { header: 'Journal', value: (r) => r.entry.journal },
  { header: 'Date', value: (r) => csvDate(r.entry.date) },
  { header: 'Pièce', value: (r) => r.entry.pieceRef },
  { header: 'Compte', value: (r) => r.line.account },
  { header: 'Libellé du compte', value: (r) => r.line.accountLabel },
  { header: 'Compte auxiliaire', value: (r) => r.line.auxAccount ?? '' },
  { header: 'Adhérent', value: (r) => r.line.auxLabel ?? '' },
  { header: 'Libellé', value: (r) => r.line.label ?? r.entry.label },
  { header: 'Débit', value: (r) => amount(r.line.debitCents) },
  { header: 'Crédit', value: (r) => amount(r.line.creditCents) },
];

export function accountingCsv(entries: readonly JournalEntry[]): string {
  return toCsv(
    ACCOUNTING_CSV_COLUMNS,
    entries.flatMap((entry) => entry.lines.map((line) => ({ entry, line }))),
  );
}

export function accountingCsvFileName(from: string, to: string): string {
  return `ecritures-comptables-${from}-au-${to}.csv`;
}
