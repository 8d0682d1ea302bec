import { ValidationError } from '../api/errors';
import { decodeText, looksBinary, readCsvText, type CsvDelimiter } from './csv-read';
import { readXlsxParts, unzipParts, xlsxError } from './xlsx-read';

/**
 * A spreadsheet as the import reads it. `rows[i]` is line i + 1 of the file as the spreadsheet
 * shows it (line 1 is the header), so problems name the line the office sees: blank lines in
 * the middle stay as rows of empty cells. Every row has the same length; trailing blank rows
 * and columns are dropped; every cell is a trimmed string.
 */
export interface ImportTable {
  format: 'csv' | 'xlsx';
  /** CSV only. `utf-16le`/`utf-16be`: Excel's « Texte Unicode » export. */
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | null;
  delimiter: CsvDelimiter | null;
  sheets: ImportSheet[];
}

export interface ImportSheet {
  name: string;
  rows: string[][];
}

const NEITHER =
  'Ce fichier n’est ni un CSV ni un classeur Excel (.xlsx) : Paniers ne peut pas le lire. Dans votre tableur, enregistrez la liste au format CSV ou Classeur Excel (.xlsx), puis importez ce fichier.';
const XLS =
  'Ce classeur est au format Excel 97-2003 (.xls) : dans Excel, faites Fichier → Enregistrer sous → Classeur Excel (.xlsx) ou CSV, puis importez ce fichier.';
const PROTECTED =
  'Ce classeur Excel est protégé par un mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier → Informations → Protéger le classeur → Chiffrer avec mot de passe, effacez-le), enregistrez, puis importez ce fichier.';
const ODS =
  'Ce classeur est au format LibreOffice (.ods) : dans LibreOffice, faites Fichier → Enregistrer sous → Excel 2007-365 (.xlsx) ou Texte CSV, puis importez ce fichier.';
const PDF =
  'Ce fichier est un PDF : Paniers ne peut pas en lire les tableaux. Exportez la liste depuis l’ancien logiciel ou le tableur au format CSV ou Classeur Excel (.xlsx), puis importez ce fichier.';

function refuse(message: string): never {
  throw new ValidationError(message, { file: message });
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/**
 * Reads a CSV or `.xlsx` file, told apart by content (the name may lie: « export.csv » that is
 * really a workbook). Throws a French `ValidationError` for anything it cannot turn into a table
 * with at least one line of data under the header.
 */
export function readTable(bytes: Uint8Array, fileName: string): ImportTable {
  const shownName = fileName.split(/[\\/]/).pop() || 'choisi';
  if (bytes.length === 0) refuse(`Le fichier « ${shownName} » est vide. Choisissez le fichier exporté de l’ancien logiciel.`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Excel stores a password-protected .xlsx in the same container as an old .xls.
    refuse(/\.xlsx$/i.test(shownName) ? PROTECTED : XLS);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) refuse(PDF);
  const table = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ? readWorkbook(bytes) : readCsvBytes(bytes);
  requireData(table, shownName);
  return table;
}

function readWorkbook(bytes: Uint8Array): ImportTable {
  const parts = unzipParts(bytes);
  const mimetype = parts.mimetype ? String.fromCharCode(...parts.mimetype.subarray(0, 200)) : '';
  if (mimetype.includes('opendocument.spreadsheet')) refuse(ODS);
  if (!Object.keys(parts).some((name) => name.toLowerCase() === 'xl/workbook.xml')) {
    // A zip, but not a workbook (a .docx, an archive of several files…).
    throw xlsxError(NEITHER);
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheets: readXlsxParts(parts) };
}

function readCsvBytes(bytes: Uint8Array): ImportTable {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) refuse(NEITHER);
  const csv = readCsvText(text, encoding);
  return { format: 'csv', encoding, delimiter: csv.delimiter, sheets: [{ name: 'CSV', rows: tidy(csv.rows) }] };
}

/** Trailing blank rows and columns dropped, rows padded to one width. */
function tidy(rows: string[][]): string[][] {
  let height = rows.length;
  while (height > 0 && rows[height - 1]!.every((cell) => cell === '')) height--;
  let width = 0;
  for (let r = 0; r < height; r++) {
    const row = rows[r]!;
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== '') {
        width = c + 1;
        break;
      }
    }
  }
  return rows.slice(0, height).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

function dataLines(rows: string[][]): number {
  return rows.filter((row) => row.some((cell) => cell !== '')).length;
}

function requireData(table: ImportTable, shownName: string): void {
  const lines = table.sheets.map((sheet) => dataLines(sheet.rows));
  if (lines.some((count) => count >= 2)) return;
  const where = table.format === 'xlsx' ? `Le classeur « ${shownName} »` : `Le fichier « ${shownName} »`;
  if (lines.every((count) => count === 0)) {
    refuse(`${where} ne contient aucune ligne remplie. Vérifiez que vous avez choisi le bon fichier, et qu’il a été enregistré après la saisie.`);
  }
  refuse(
    `${where} ne contient qu’une ligne d’en-têtes, sans aucune ligne de données en dessous. Vérifiez que vous avez choisi le bon fichier, puis importez-le à nouveau.`,
  );
}
