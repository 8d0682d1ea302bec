import { strFromU8, unzipSync } from 'fflate';
import { ValidationError } from '../api/errors';

/**
 * A minimal, synchronous `.xlsx` reader: fflate unzips, and the few SpreadsheetML parts that
 * carry values are scanned (workbook, relationships, shared strings, styles, worksheets).
 *
 * Why not a library: import handlers mutate, and mutating handlers must be synchronous (one
 * sql.js transaction, no await inside); read-excel-file and exceljs only read asynchronously,
 * and the npm `xlsx` 0.18.5 is unmaintained with known vulnerabilities. The parts read here are
 * machine-written by Excel, LibreOffice and export libraries, so a scanner of their elements is
 * enough; the tests feed it files written by a third-party writer and hand-made edge cases.
 */
export interface XlsxSheet {
  name: string;
  rows: string[][];
}

const MAX_PART_BYTES = 256 * 1024 * 1024;
const MAX_CELLS = 20_000_000;

export function xlsxError(message: string): ValidationError {
  return new ValidationError(message, { file: message });
}

const DAMAGED =
  'Ce classeur Excel est endommagé ou incomplet : ouvrez-le dans Excel, enregistrez-le à nouveau (Fichier → Enregistrer sous → Classeur Excel (.xlsx)), puis importez ce fichier.';

export function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_PART_BYTES) throw xlsxError('Ce classeur est trop volumineux pour être importé : enregistrez la feuille utile seule, en CSV.');
        return file.name === 'mimetype' || /^\[Content_Types\]\.xml$|^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(file.name);
      },
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw xlsxError(DAMAGED);
  }
}

export function readXlsxParts(parts: Record<string, Uint8Array>): XlsxSheet[] {
  const part = (name: string): string | null => {
    const key = Object.keys(parts).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? strFromU8(parts[key]!) : null;
  };
  const workbook = part('xl/workbook.xml');
  if (workbook === null) throw xlsxError(DAMAGED);
  const targets = relationshipTargets(part('xl/_rels/workbook.xml.rels') ?? '');
  const sharedStrings = readSharedStrings(part('xl/sharedStrings.xml') ?? '');
  const styles = readCellStyles(part('xl/styles.xml') ?? '');
  const date1904 = elements(workbook, 'workbookPr').some(({ attrs }) => /^(1|true)$/i.test(attrs.date1904 ?? ''));
  const sheets: XlsxSheet[] = [];
  for (const { attrs } of elements(workbook, 'sheet')) {
    const target = targets.get(attrs['r:id'] ?? attrs.id ?? '');
    if (!target) continue; // a chart sheet or a broken reference: no cells to read
    const xml = part(target);
    if (xml === null) continue;
    sheets.push({ name: decodeXml(attrs.name ?? ''), rows: readSheet(xml, sharedStrings, styles, date1904) });
  }
  if (sheets.length === 0) throw xlsxError(DAMAGED);
  return sheets;
}

interface Element {
  attrs: Record<string, string>;
  inner: string;
}

const PATTERNS = new Map<string, RegExp>();

/** Every `<name …>…</name>` or `<name …/>`, with or without a namespace prefix (`x:c`). */
function elements(xml: string, name: string): Element[] {
  let pattern = PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`<(?:\\w+:)?${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g');
    PATTERNS.set(name, pattern);
  }
  const found: Element[] = [];
  for (const match of xml.matchAll(pattern)) found.push({ attrs: attributes(match[1] ?? ''), inner: match[2] ?? '' });
  return found;
}

function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = match[2] ?? match[3] ?? '';
    attrs[match[1]!] = value;
    const local = match[1]!.split(':').pop()!;
    if (!(local in attrs)) attrs[local] = value;
  }
  return attrs;
}

/** XML entities, then SpreadsheetML's `_x000D_` escapes of characters XML cannot hold. */
function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (_, hex: string, dec: string, named: string) => {
      if (named) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[named.toLowerCase()] ?? '';
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function relationshipTargets(rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { attrs } of elements(rels, 'Relationship')) {
    if (!/\/worksheet$/.test(attrs.Type ?? '') || !attrs.Target || !attrs.Id) continue;
    const target = attrs.Target.startsWith('/') ? attrs.Target.slice(1) : `xl/${attrs.Target.replace(/^\.\//, '')}`;
    targets.set(attrs.Id, target);
  }
  return targets;
}

/** The text of a string item: its `<t>`, or its rich-text runs, without phonetic guides. */
function stringItemText(inner: string): string {
  const visible = !inner.includes('rPh') ? inner : inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return elements(visible, 't').map(({ inner: text }) => decodeXml(text)).join('');
}

function readSharedStrings(xml: string): string[] {
  return elements(xml, 'si').map(({ inner }) => stringItemText(inner));
}

type CellKind = 'date' | 'time' | 'number';

// Excel's built-in number formats that show dates (14–17, 22, 27–36, 50–58 in East Asian
// locales) and times (18–21, 45–47): ECMA-376 part 1, 18.8.30.
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/** What each cell style (`s` attribute, an index into `cellXfs`) makes of a number. */
function readCellStyles(xml: string): CellKind[] {
  const custom = new Map<number, string>();
  for (const { attrs } of elements(xml, 'numFmt')) custom.set(Number(attrs.numFmtId), decodeXml(attrs.formatCode ?? ''));
  const cellXfs = elements(xml, 'cellXfs')[0]?.inner ?? '';
  return elements(cellXfs, 'xf').map(({ attrs }) => {
    const id = Number(attrs.numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined) return formatKind(code);
    return BUILTIN_DATES.has(id) ? 'date' : BUILTIN_TIMES.has(id) ? 'time' : 'number';
  });
}

function formatKind(code: string): CellKind {
  // Quoted text, escaped characters and [colour]/[$-40C] sections are not date letters.
  const letters = (code.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  if (/[dy]/.test(letters)) return 'date';
  if (/[hs]/.test(letters)) return 'time';
  return 'number';
}

function columnIndex(ref: string): number {
  let index = 0;
  for (const char of ref.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function readSheet(xml: string, sharedStrings: string[], styles: CellKind[], date1904: boolean): string[][] {
  const cells = new Map<number, string[]>();
  let nextRow = 0;
  for (const row of elements(xml, 'row')) {
    const rowIndex = row.attrs.r ? Number(row.attrs.r) - 1 : nextRow;
    if (!Number.isSafeInteger(rowIndex) || rowIndex < 0 || rowIndex > 1_048_575) throw xlsxError(DAMAGED);
    nextRow = rowIndex + 1;
    let nextColumn = 0;
    for (const cell of elements(row.inner, 'c')) {
      const column = cell.attrs.r ? columnIndex(cell.attrs.r) : nextColumn;
      if (column < 0 || column > 16_383) throw xlsxError(DAMAGED);
      nextColumn = column + 1;
      const text = cellText(cell, sharedStrings, styles, date1904).trim();
      if (text === '') continue;
      const values = cells.get(rowIndex) ?? [];
      values[column] = text;
      cells.set(rowIndex, values);
    }
  }
  const height = cells.size === 0 ? 0 : Math.max(...cells.keys()) + 1;
  const width = Math.max(0, ...[...cells.values()].map((values) => values.length));
  if (height * width > MAX_CELLS) throw xlsxError('Cette feuille est trop grande pour être importée : supprimez les lignes et colonnes inutiles, ou enregistrez-la en CSV.');
  return Array.from({ length: height }, (_, r) => {
    const values = cells.get(r) ?? [];
    return Array.from({ length: width }, (_, c) => values[c] ?? '');
  });
}

function cellText(cell: Element, sharedStrings: string[], styles: CellKind[], date1904: boolean): string {
  const type = cell.attrs.t ?? 'n';
  const value = elements(cell.inner, 'v')[0]?.inner;
  if (type === 'inlineStr') return stringItemText(elements(cell.inner, 'is')[0]?.inner ?? '');
  if (value === undefined) return '';
  const raw = decodeXml(value);
  switch (type) {
    case 's':
      return sharedStrings[Number(raw)] ?? '';
    case 'b':
      return raw.trim() === '1' ? 'oui' : 'non';
    case 'd':
      return isoToFrench(raw);
    case 'str':
    case 'e':
      return raw; // formula text results, and errors such as #N/A, as Excel shows them
    default: {
      const number = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(number)) return raw;
      const kind = styles[Number(cell.attrs.s ?? 0)] ?? 'number';
      if (kind === 'date') return serialToDate(number, date1904) ?? formatNumber(number);
      if (kind === 'time') return serialToTime(number);
      return formatNumber(number);
    }
  }
}

/** `12.5` → `12,5`, at Excel's 15 significant digits so `0.30000000000000004` reads `0,3`. */
export function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  const text = Math.abs(rounded) >= 1e21 || (rounded !== 0 && Math.abs(rounded) < 1e-6) ? String(rounded) : plain(rounded);
  return text.replace('.', ',');
}

function plain(value: number): string {
  // String() switches to exponents below 1e-6 only, which the caller already excluded.
  return Object.is(value, -0) ? '0' : String(value);
}

const DAY_MS = 86_400_000;

/**
 * Excel's day serials: days since 1899-12-30 in the 1900 system, whose serial 60 is the
 * 29/02/1900 that Lotus 1-2-3 invented (so earlier serials are one day off); days since
 * 1904-01-01 in the 1904 system of old Mac workbooks. The time of day is dropped.
 */
export function serialToDate(serial: number, date1904 = false): string | null {
  const days = Math.floor(Math.round(serial * 86_400) / 86_400);
  if (days < 1 || days > 2_958_465) return null; // outside 01/01/1900–31/12/9999
  if (!date1904 && days === 60) return '29/02/1900';
  const base = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + days * DAY_MS);
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function serialToTime(serial: number): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 1440) % 1440;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function isoToFrench(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
