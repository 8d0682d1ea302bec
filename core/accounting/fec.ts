import type { JournalEntry } from './entries';

/**
 * Fichier des écritures comptables (A47 A-1 LPF, finance-rules §5): the 18 columns in their
 * legal order, a header line, tab-separated, dates `AAAAMMJJ`, amounts with a comma decimal
 * separator and no thousands separator, `EcritureNum` continuous across the file. Paniers is a
 * sub-ledger: the accountant imports this file into the general ledger's software.
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

const SEPARATOR = '\t';
// The norm allows CR and/or LF between records; CRLF suits the accountants' Windows tools.
const RECORD_END = '\r\n';

/** `2026-04-30` → `20260430`. */
export function fecDate(day: string): string {
  return day.replaceAll('-', '');
}

/** Cents → `1234,50`: comma decimals, no thousands separator, `0,00` for nothing. */
export function fecAmount(amountCents: number): string {
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A tab or line break inside a field would break the record: they become spaces. */
export function fecText(text: string): string {
  return text.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
}

/** The FEC's text; `validDate` (ValidDate) is the day of the export, when the entries are handed over. */
export function fecContent(entries: readonly JournalEntry[], validDate: string): string {
  const records = [FEC_COLUMNS.join(SEPARATOR)];
  entries.forEach((entry, index) => {
    for (const line of entry.lines) {
      const fields = [
        entry.journal,
        entry.journalLabel,
        String(index + 1),
        fecDate(entry.date),
        line.account,
        line.accountLabel,
        line.auxAccount ?? '',
        line.auxLabel ?? '',
        entry.pieceRef,
        fecDate(entry.pieceDate),
        line.label ?? entry.label,
        fecAmount(line.debitCents),
        fecAmount(line.creditCents),
        '',
        '',
        fecDate(validDate),
        // Everything is in euros, the accounts' currency: no foreign amount, no currency code.
        '',
        '',
      ];
      records.push(fields.map(fecText).join(SEPARATOR));
    }
  });
  return records.join(RECORD_END) + RECORD_END;
}

/** `<SIREN>FEC<AAAAMMJJ>.txt`: the SIREN is the SIRET's first 9 digits, the date the period's end. */
export function fecFileName(siret: string, periodEnd: string): string {
  const siren = siret.replace(/\D/g, '').slice(0, 9);
  return `${siren}FEC${fecDate(periodEnd)}.txt`;
}
