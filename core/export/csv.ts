/**
 * Spreadsheet export as French offices open it: `;` between cells (Excel in a French locale
 * expects it), CRLF line ends, UTF-8 with a byte-order mark so Excel reads accents right,
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula neutralised with a
 * leading apostrophe (OWASP CSV injection; ASVS 1.2.10).
 */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r\0]/;
// A French-formatted amount such as « -42,00 » or « -1 234,56 » is data, not a formula:
// neutralising it would make Excel read it as text and refuse to sum it.
const FRENCH_NUMBER = /^-\d{1,3}(?:[\u00a0\u202f ]?\d{3})*(?:,\d+)?(?:[\u00a0\u202f ]?€)?$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers are data we wrote ourselves: a negative amount stays a number, not text.
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text) && !FRENCH_NUMBER.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
