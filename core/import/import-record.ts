import { z } from 'zod';
import { IntegrityError, NotFoundError } from '../api/errors';
import type { Db } from '../db/database';
import { fromLocalDate, type IsoDate } from '../dates/dates';
import type { ImportLineOutcome, ImportReportLine, ImportSummary } from './import-report-types';

/**
 * An import as its report shows it, read back from the immutable `imports` row. The JSON
 * columns are checked on the way in: a row that does not parse is an integrity problem, not
 * a crash in the middle of a PDF.
 */

export type ImportKind = 'members' | 'balances' | 'cheques';
export type ImportMode = 'create' | 'update_contacts';

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  mode: ImportMode;
  cutoverDate: string | null;
  importedAt: string;
  summary: ImportSummary;
  lines: ImportReportLine[];
}

export interface ImportRow {
  id: number;
  kind: ImportKind;
  file_name: string;
  file_sha256: string;
  mode: ImportMode;
  cutover_date: string | null;
  imported_at: string;
  summary: string;
  report: string;
}

const count = z.number().int().min(0).catch(0);
const summarySchema = z.object({
  created: count.optional(),
  matched: count.optional(),
  updated: count.optional(),
  refused: count.optional(),
  creditCount: count,
  creditCents: count,
  debtCount: count,
  debtCents: count,
});
const lineSchema = z.object({
  line: z.number().int(),
  outcome: z.enum(['created', 'matched', 'updated', 'refused']),
  subscriber: z.string().catch(''),
  detail: z.string().catch(''),
});
const reportSchema = z.object({ lines: z.array(lineSchema) });

function parseJson(text: string, id: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new IntegrityError(`Le rapport de l’import n° ${id} est illisible : restaurez une sauvegarde et contactez le support.`);
  }
}

function outcomeCounts(lines: readonly ImportReportLine[]): Record<ImportLineOutcome, number> {
  const counts = { created: 0, matched: 0, updated: 0, refused: 0 };
  for (const l of lines) counts[l.outcome]++;
  return counts;
}

export function fromDb(row: ImportRow): ImportRecord {
  const summary = summarySchema.safeParse(parseJson(row.summary, row.id));
  const report = reportSchema.safeParse(parseJson(row.report, row.id));
  if (!summary.success || !report.success) {
    throw new IntegrityError(`Le rapport de l’import n° ${row.id} n’a pas la forme attendue : restaurez une sauvegarde et contactez le support.`);
  }
  const lines = report.data.lines;
  // The lines are the record; counts missing from an older summary are recounted from them.
  const counted = outcomeCounts(lines);
  const s = summary.data;
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    mode: row.mode,
    cutoverDate: row.cutover_date,
    importedAt: row.imported_at,
    summary: {
      created: s.created ?? counted.created,
      matched: s.matched ?? counted.matched,
      updated: s.updated ?? counted.updated,
      refused: s.refused ?? counted.refused,
      creditCount: s.creditCount,
      creditCents: s.creditCents,
      debtCount: s.debtCount,
      debtCents: s.debtCents,
    },
    lines,
  };
}

export function readImport(db: Db, id: number): ImportRecord {
  const row = db.get<ImportRow>('SELECT * FROM imports WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Import introuvable (n° ${id}) : rechargez la liste des imports.`);
  return fromDb(row);
}

/** Refused lines first (what the office must act on), then created, updated, matched; each by line number. */
const OUTCOME_ORDER: Record<ImportLineOutcome, number> = { refused: 0, created: 1, updated: 2, matched: 3 };

export function orderedLines(lines: readonly ImportReportLine[]): ImportReportLine[] {
  return [...lines].sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || a.line - b.line);
}

/** The import's day where the office is: `imported_at` is a UTC instant, and 00:30 in Lorient is still the day before in UTC. */
export function importDay(record: Pick<ImportRecord, 'importedAt'>): IsoDate {
  return fromLocalDate(new Date(record.importedAt));
}
