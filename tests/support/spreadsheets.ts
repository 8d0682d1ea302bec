import { strToU8, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';

/**
 * Real-looking spreadsheet files for import tests, written the way the office's software writes
 * them: Excel's `;` CSV in Windows-1252, UTF-8 exports with or without BOM, `.xlsx` workbooks
 * from a third-party writer (write-excel-file), and hand-made workbooks for edge cases.
 */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';

export interface CsvOptions {
  delimiter?: ';' | ',' | '\t';
  encoding?: CsvEncoding;
  lineEnd?: '\r\n' | '\n' | '\r';
  /** Excel ends the last line too; default true. */
  finalLineEnd?: boolean;
}

/** Quotes a cell only when it must be (delimiter, quote, line break, edge spaces), as Excel does. */
export function csvText(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const { delimiter = ';', lineEnd = '\r\n', finalLineEnd = true } = options;
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
  const text = rows.map((row) => row.map(quote).join(delimiter)).join(lineEnd);
  return finalLineEnd && rows.length > 0 ? text + lineEnd : text;
}

export function csvBytes(rows: readonly (readonly string[])[], options: CsvOptions = {}): Uint8Array {
  const text = csvText(rows, options);
  switch (options.encoding ?? 'utf-8') {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return concat([0xef, 0xbb, 0xbf], new TextEncoder().encode(text));
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'utf-16le': {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        bytes[2 + i * 2] = code & 0xff;
        bytes[3 + i * 2] = code >> 8;
      }
      return bytes;
    }
  }
}

function concat(prefix: number[], bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + bytes.length);
  out.set(prefix);
  out.set(bytes, prefix.length);
  return out;
}

// The 0x80–0x9F block where Windows-1252 differs from Latin-1 (€, ’, œ, «…» are elsewhere: « » are
// Latin-1). Node has no Windows-1252 encoder, only the decoder.
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Every character Windows-1252 has; anything else is a mistake in the test, so it throws. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = char.charCodeAt(0);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_HIGH[char];
    if (byte === undefined) throw new RangeError(`« ${char} » (U+${code.toString(16)}) n'existe pas en Windows-1252.`);
    bytes[i] = byte;
  }
  return bytes;
}

/** Characters a Windows-1252 CSV can hold: for generating random tables that round-trip. */
export const WINDOWS_1252_CHARS: readonly string[] = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...Object.keys(CP1252_HIGH),
];

export interface XlsxSheetSpec {
  name: string;
  rows: (string | number | boolean | Date | null)[][];
}

/**
 * An `.xlsx` written by write-excel-file. A Date is written as its local calendar day (so
 * `new Date(2026, 3, 10)` is 10/04/2026 whatever the time zone) with the format dd/mm/yyyy.
 */
export async function xlsxBytes(sheets: readonly XlsxSheetSpec[]): Promise<Uint8Array> {
  const data = sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row) =>
      row.map((value) => {
        if (value === null || value === '') return null;
        if (value instanceof Date) {
          return { value: new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate())), type: Date, format: 'dd/mm/yyyy' };
        }
        return { value };
      }),
    ),
  }));
  const buffer = await writeXlsxFile(data as never).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export interface RawXlsx {
  /** Each sheet's `<sheetData>` inner XML (rows and cells as SpreadsheetML writes them). */
  sheets: { name: string; sheetData: string }[];
  sharedStrings?: string[];
  /** `<numFmts>` and `<cellXfs>` inner XML of styles.xml. */
  numFmts?: string;
  cellXfs?: string;
  date1904?: boolean;
}

/** A hand-made workbook, for the cases writers rarely produce (formulas, booleans, 1904 dates…). */
export function rawXlsxBytes(spec: RawXlsx): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}">` +
        `<workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>` +
        spec.sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><numFmts>${spec.numFmts ?? ''}</numFmts>` +
        `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${spec.cellXfs ?? '<xf numFmtId="0"/>'}</cellXfs></styleSheet>`,
    ),
  };
  if (spec.sharedStrings) {
    files['xl/sharedStrings.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">` +
        spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('') +
        '</sst>',
    );
  }
  spec.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${sheet.sheetData}</sheetData></worksheet>`,
    );
  });
  return zipSync(files);
}
