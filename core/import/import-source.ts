import { ValidationError } from '../api/errors';
import type { Db } from '../db/database';
import { sha256Hex } from '../text/hash';
import { guessMapping, IMPORT_FIELDS, normalizeHeader, type ImportKind, type ImportMapping } from './import-fields';
import { readTable } from './read-table';

/** Core has neither atob nor Buffer (no DOM, no Node): a small strict decoder. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/^data:[^,]*,/, '').replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (clean.length % 4 === 1) throw ValidationError.field('fileBase64', 'Le fichier transmis est illisible : choisissez-le de nouveau.');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0) throw ValidationError.field('fileBase64', 'Le fichier transmis est illisible : choisissez-le de nouveau.');
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** One data line of the file: its 1-based spreadsheet line (the header is line 1) and cells. */
export interface SourceLine {
  line: number;
  cells: readonly string[];
}

export interface ImportSource {
  fileSha256: string;
  sheets: string[];
  sheet: string;
  headers: string[];
  lines: SourceLine[];
}

/** Reads the file, picks the sheet (the named one, else the first with data), skips blank lines. */
export function readSource(fileName: string, fileBase64: string, sheetName: string | undefined): ImportSource {
  const bytes = decodeBase64(fileBase64);
  const table = readTable(bytes, fileName);
  const sheets = table.sheets.map((s) => s.name);
  const sheet = sheetName === undefined ? (table.sheets.find((s) => s.rows.some((r) => r.some((c) => c !== ''))) ?? table.sheets[0]) : table.sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    throw ValidationError.field('sheet', `La feuille « ${sheetName ?? ''} » n’existe pas dans ce classeur (feuilles : ${sheets.join(', ')}) : choisissez-en une autre.`);
  }
  const [header = [], ...rows] = sheet.rows;
  const lines = rows.map((cells, i) => ({ line: i + 2, cells })).filter((l) => l.cells.some((c) => c.trim() !== ''));
  return { fileSha256: sha256Hex(bytes), sheets, sheet: sheet.name, headers: header.map((h) => h.trim()), lines };
}

export function rememberedMapping(db: Db, kind: ImportKind): ImportMapping | null {
  const row = db.get<{ mapping: string }>('SELECT mapping FROM import_mappings WHERE kind = ?', [kind]);
  if (!row) return null;
  try {
    const value = JSON.parse(row.mapping) as unknown;
    if (!value || typeof value !== 'object') return null;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return null;
  }
}

export function rememberMapping(db: Db, kind: ImportKind, mapping: ImportMapping, now: string): void {
  db.run('INSERT INTO import_mappings (kind, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT(kind) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at', [
    kind,
    JSON.stringify(mapping),
    now,
  ]);
}

/**
 * The mapping used: the one given when it names any field; else the remembered one (for the
 * headers this file has), completed by the guess from the headers.
 */
export function resolveMapping(db: Db, kind: ImportKind, headers: readonly string[], given: ImportMapping | undefined): ImportMapping {
  const known = new Set(IMPORT_FIELDS[kind].map((f) => f.key));
  const clean = (m: ImportMapping) => Object.fromEntries(Object.entries(m).filter(([k, v]) => known.has(k) && v.trim() !== ''));
  if (given && Object.keys(clean(given)).length > 0) return clean(given);
  const present = new Set(headers.map(normalizeHeader));
  const remembered = Object.fromEntries(Object.entries(clean(rememberedMapping(db, kind) ?? {})).filter(([, h]) => present.has(normalizeHeader(h))));
  const guessed = guessMapping(headers, kind);
  const taken = new Set(Object.values(remembered).map(normalizeHeader));
  for (const [field, header] of Object.entries(guessed)) {
    if (remembered[field] === undefined && !taken.has(normalizeHeader(header))) remembered[field] = header;
  }
  // Headers as written in this file (the remembered ones may differ in case or accents).
  for (const [field, header] of Object.entries(remembered)) remembered[field] = headers.find((h) => normalizeHeader(h) === normalizeHeader(header)) ?? header;
  return remembered;
}
