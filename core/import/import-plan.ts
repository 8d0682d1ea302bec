import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { readCutover } from '../invoicing/blockers';
import type { Cents } from '../money/money';
import { IMPORT_FIELDS, normalizeHeader, type ImportKind, type ImportMapping } from './import-fields';
import type { ImportReportLine } from './import-report-types';
import type { SourceLine } from './import-source';
import { parseImportAmount, parseImportDate } from './values';

/** A problem of the file, where the office finds it in the spreadsheet. */
export interface ImportProblem {
  /** 1-based spreadsheet line, the header row being line 1. */
  line: number;
  /** The column header as written in the file ('' when the column is missing). */
  column: string;
  field: string;
  message: string;
}

export interface ImportCounts {
  subscribersNew: number;
  subscribersMatched: number;
  subscriptions: number;
  depotsMatched: number;
  formulasMatched: number;
  cheques: number;
}

export interface BalanceTotals {
  creditCount: number;
  creditCents: number;
  debtCount: number;
  debtCents: number;
}

export const dateFr = (day: string) => formatDateShortFr(day as IsoDate);

/** Reads the mapped cells of a line and files problems under the right line and column. */
export class LineReader {
  private readonly index = new Map<string, number>();
  readonly problems: ImportProblem[] = [];

  constructor(
    readonly kind: ImportKind,
    headers: readonly string[],
    readonly mapping: ImportMapping,
  ) {
    const normalized = headers.map(normalizeHeader);
    for (const [field, header] of Object.entries(mapping)) {
      const exact = headers.indexOf(header);
      const i = exact >= 0 ? exact : normalized.indexOf(normalizeHeader(header));
      if (i >= 0) this.index.set(field, i);
    }
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  column(field: string): string {
    return this.mapping[field] ?? IMPORT_FIELDS[this.kind].find((f) => f.key === field)?.label ?? field;
  }

  get(line: SourceLine, field: string): string {
    const i = this.index.get(field);
    return i === undefined ? '' : (line.cells[i] ?? '').trim();
  }

  problem(line: number, field: string, message: string): void {
    this.problems.push({ line, column: this.column(field), field, message });
  }

  /** Amount in cents, null when empty; files a problem when unreadable. */
  amount(line: SourceLine, field: string): Cents | null | 'bad' {
    const text = this.get(line, field);
    if (text === '') return null;
    const parsed = parseImportAmount(text);
    if ('problem' in parsed) {
      this.problem(line.line, field, `${this.column(field)} : ${parsed.problem}`);
      return 'bad';
    }
    return parsed.cents as Cents;
  }

  /** A date, null when empty; files a problem when impossible. */
  date(line: SourceLine, field: string): IsoDate | null | 'bad' {
    const text = this.get(line, field);
    if (text === '') return null;
    const parsed = parseImportDate(text);
    if ('problem' in parsed) {
      this.problem(line.line, field, `${this.column(field)} : ${parsed.problem}`);
      return 'bad';
    }
    return parsed.date;
  }
}

/** Problems of the mapping itself: a mapped header missing from the file, a required field unmapped. */
export function mappingProblems(reader: LineReader, headers: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const present = new Set(headers.map(normalizeHeader));
  for (const [field, header] of Object.entries(reader.mapping)) {
    if (!present.has(normalizeHeader(header))) {
      problems.push({ line: 1, column: header, field, message: `La colonne « ${header} » n’existe pas dans ce fichier : choisissez une autre colonne pour ce champ.` });
    }
  }
  for (const f of IMPORT_FIELDS[reader.kind]) {
    if (f.required && !reader.has(f.key)) {
      problems.push({ line: 1, column: '', field: f.key, message: `Aucune colonne pour « ${f.label} » : indiquez quelle colonne du fichier le contient.` });
    }
  }
  if (reader.kind !== 'members' && !reader.has('externalRef') && !(reader.has('lastName') && reader.has('firstName'))) {
    problems.push({ line: 1, column: '', field: 'externalRef', message: 'Pour reconnaître les adhérents, indiquez la colonne « N° adhérent » ou les colonnes « Nom » et « Prénom ».' });
  }
  return problems;
}

/**
 * The cut-over date an import sets (the letter: accounts settled on 10 April): it must agree
 * with an earlier import, and no issued invoice may bill a period that starts before it.
 */
export function cutoverProblems(db: Db, cutoverDate: IsoDate | null, needed: boolean): ImportProblem[] {
  if (cutoverDate === null) {
    return needed ? [{ line: 1, column: '', field: 'cutoverDate', message: 'Le fichier contient des soldes : indiquez la date de reprise des comptes (exemple : 10/04/2026).' }] : [];
  }
  const current = readCutover(db);
  if (current !== null && current !== cutoverDate) {
    return [{ line: 1, column: '', field: 'cutoverDate', message: `La reprise des comptes est déjà fixée au ${dateFr(current)} : importez avec cette date.` }];
  }
  const invoiced = db.get<{ start: string }>("SELECT min(period_start) AS start FROM invoices WHERE status = 'issued' AND period_start < ?", [cutoverDate])?.start;
  if (invoiced) {
    return [{ line: 1, column: '', field: 'cutoverDate', message: `Des factures sont déjà émises depuis le ${dateFr(invoiced)} : la date de reprise ne peut pas être postérieure ; choisissez le ${dateFr(invoiced)} au plus tard.` }];
  }
  return [];
}

export function addBalance(totals: BalanceTotals, amount: number): void {
  if (amount > 0) {
    totals.creditCount++;
    totals.creditCents += amount;
  } else if (amount < 0) {
    totals.debtCount++;
    totals.debtCents -= amount;
  }
}

export const emptyTotals = (): BalanceTotals => ({ creditCount: 0, creditCents: 0, debtCount: 0, debtCents: 0 });
export const emptyCounts = (): ImportCounts => ({ subscribersNew: 0, subscribersMatched: 0, subscriptions: 0, depotsMatched: 0, formulasMatched: 0, cheques: 0 });

/** What an import would write, computed without writing: the preview shows it, the run applies it. */
export interface ImportAnalysis {
  problems: ImportProblem[];
  counts: ImportCounts;
  balances: BalanceTotals;
  report: ImportReportLine[];
  /** The file carries balances (even on refused lines): the cut-over date is required. */
  needsCutover: boolean;
  /** Writes it; called only when there is no problem, inside the run's transaction. */
  apply(importId: number, now: string): void;
}
