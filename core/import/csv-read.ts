import { ValidationError } from '../api/errors';

/**
 * CSV as the office's spreadsheets write it: Excel in French saves `;`-separated Windows-1252
 * text with decimal commas; LibreOffice and web exports write UTF-8 (with or without BOM) and
 * `,`; « Texte Unicode » is UTF-16 with tabs.
 *
 * Hand-written rather than papaparse (evaluated): papaparse picks one line break for the whole
 * file, so a file with mixed CRLF/LF lines (edited by hand, or two exports pasted together)
 * silently merges records; its types reference @types/node, which would bring Node globals into
 * the type-check of platform-neutral core/; and its delimiter guessing is replaced here anyway.
 * The RFC 4180 state machine below is short and fully tested.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvContent {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  rows: string[][];
}

// TextDecoder is in every JS host we run on (Node ≥ 11, browsers, Electron) but in neither the
// ES lib nor core's `types: []`: declare just what we use.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => {
  decode(input: Uint8Array): string;
};

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a French file that is not UTF-8 is Windows-1252 (Excel's « CSV (séparateur :
    // point-virgule) » on Windows); every byte decodes, so this never fails.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// Windows-1252's 0x80–0x9F block (€, ‚, ƒ, „, …, ’, œ…); the five unassigned bytes keep their C1
// code point, as the WHATWG Encoding standard says. Decoded by hand because Node 20's
// `TextDecoder('windows-1252')` decodes as Latin-1 (0x80 gives U+0080, not €).
const HIGH_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  const units = new Uint16Array(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      units[i - start] = byte >= 0x80 && byte <= 0x9f ? HIGH_1252.charCodeAt(byte - 0x80) : byte;
    }
    chunks.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return chunks.join('');
}

function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/** Control characters that never appear in a text file (tab, CR, LF and FF excepted). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    const control = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd;
    if (control) controls++;
  }
  // A stray control character or two happens in real exports; random bytes have one in four.
  return controls > Math.max(8, sample.length / 20);
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];
const SNIFF_RECORDS = 30;

export function readCsvText(text: string, encoding: CsvEncoding): CsvContent {
  // Excel's own hint, written by some exports as the first line: `sep=;`.
  const hint = /^sep=([;,\t])\r?\n?/i.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const delimiter = hint ? (hint[1] as CsvDelimiter) : guessDelimiter(body);
  return { encoding, delimiter, rows: parseCsv(body, delimiter) };
}

/**
 * The delimiter that splits the first records into the most consistent number of fields (more
 * than one). Counting raw characters would pick `,` in a French file full of decimal commas.
 */
export function guessDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number; fields: number } | null = null;
  // A one-column file: the candidate that splits no line (quoted cells do not count) reads it whole.
  let leastSplitting: { delimiter: CsvDelimiter; split: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const records = parseCsv(text, delimiter, SNIFF_RECORDS).filter((record) => record.some((cell) => cell !== ''));
    const split = records.filter((record) => record.length > 1).length;
    if (!leastSplitting || split < leastSplitting.split) leastSplitting = { delimiter, split };
    const counts = new Map<number, number>();
    for (const record of records) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    let fields = 1;
    let frequency = 0;
    for (const [count, times] of counts) {
      if (times > frequency || (times === frequency && count > fields)) [fields, frequency] = [count, times];
    }
    // The header names the columns: a real delimiter splits it.
    if (fields < 2 || (records[0]?.length ?? 0) < 2) continue;
    const score = frequency / records.length;
    if (score <= 0.5) continue; // most lines must agree, or it is a one-column file with stray commas
    if (!best || score > best.score || (score === best.score && fields > best.fields)) best = { delimiter, score, fields };
  }
  return best?.delimiter ?? leastSplitting?.delimiter ?? ';';
}

/**
 * RFC 4180 records. A quote opens a quoted field only at the start of a field (spaces before it
 * allowed); inside, `""` is a quote and line breaks belong to the field (normalised to `\n`).
 * CRLF, LF and CR all end a record, mixed in one file if need be. An unclosed quote is refused:
 * reading on would swallow the rest of the file into one cell. With `maxRecords` (sniffing the
 * delimiter) it stops there instead, so the records before it still count.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  const endRecord = () => {
    record.push(field.trim());
    records.push(record);
    record = [];
    field = '';
  };
  while (i < n && records.length < maxRecords) {
    const char = text[i]!;
    if (char === '"' && field.trim() === '') {
      const openedOn = line;
      field = '';
      i++;
      for (;;) {
        if (i >= n) {
          if (maxRecords !== Infinity) return records;
          throw new ValidationError(
            `Ligne ${openedOn} : un guillemet (") ouvert n’est jamais refermé, le reste du fichier serait lu comme une seule cellule. Corrigez cette ligne, ou enregistrez à nouveau le fichier en CSV depuis le tableur.`,
            { file: `Guillemet non refermé à la ligne ${openedOn}.` },
          );
        }
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          field += '\n';
          line++;
          i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
          continue;
        }
        field += c;
        i++;
      }
      continue;
    }
    if (char === delimiter) {
      record.push(field.trim());
      field = '';
      i++;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      line++;
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Copy the run of ordinary characters up to the next delimiter, quote or line break at once.
      let end = i + 1;
      while (end < n) {
        const c = text[end];
        if (c === delimiter || c === '\r' || c === '\n' || c === '"') break;
        end++;
      }
      field += text.slice(i, end);
      i = end;
    }
  }
  if (i >= n && (field !== '' || record.length > 0)) endRecord();
  return records;
}
