import { z } from 'zod';
import { ConflictError, ValidationError } from '../api/errors';
import { defineHandler, type HandlerContext } from '../api/handler';
import { fromLocalDate, type IsoDate } from '../dates/dates';
import { isoDateField } from '../validation/fields';
import { analyseBalances, analyseCheques } from './balances-cheques';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportMapping } from './import-fields';
import { cutoverProblems, dateFr, LineReader, mappingProblems, emptyCounts, emptyTotals, type ImportAnalysis, type ImportProblem } from './import-plan';
import type { ImportSummary } from './import-report-types';
import { readSource, rememberedMapping, rememberMapping, resolveMapping, type ImportSource } from './import-source';
import { analyseMembers } from './members';
import { analyseContactUpdate } from './members-update';

const kindField = z.enum(IMPORT_KINDS, 'Type de fichier inconnu : adhérents, soldes ou chèques.');

export const importInput = z.object({
  kind: kindField,
  fileName: z.string().trim().min(1, 'Indiquez le nom du fichier.').max(260),
  fileBase64: z.string().min(1, 'Choisissez un fichier à importer.'),
  sheet: z.string().optional(),
  /** Field → column header; empty or absent: the remembered mapping completed by the guess. */
  mapping: z.record(z.string(), z.string()).optional(),
  cutoverDate: isoDateField('Date de reprise invalide (attendu AAAA-MM-JJ).').optional(),
  mode: z.enum(['create', 'update_contacts'], 'Mode inconnu : création ou mise à jour des coordonnées.').default('create'),
});
type ImportInput = z.output<typeof importInput>;

const LABELS = { kind: 'Type de fichier', fileName: 'Nom du fichier', fileBase64: 'Fichier', sheet: 'Feuille', mapping: 'Correspondance des colonnes', cutoverDate: 'Date de reprise', mode: 'Mode' };

export interface AlreadyImported {
  id: number;
  importedAt: string;
  fileName: string;
  mode: 'create' | 'update_contacts';
}

interface Prepared {
  source: ImportSource;
  mapping: ImportMapping;
  analysis: ImportAnalysis;
  alreadyImported: AlreadyImported | null;
}

const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line || a.column.localeCompare(b.column);

function prepare({ db, clock }: HandlerContext, input: ImportInput): Prepared {
  if (input.mode === 'update_contacts' && input.kind !== 'members') {
    throw ValidationError.field('mode', 'La mise à jour des coordonnées se fait avec le fichier des adhérents.');
  }
  const source = readSource(input.fileName, input.fileBase64, input.sheet);
  const mapping = resolveMapping(db, input.kind, source.headers, input.mapping);
  const reader = new LineReader(input.kind, source.headers, mapping);
  const alreadyImported =
    db.get<AlreadyImported>('SELECT id, imported_at AS importedAt, file_name AS fileName, mode FROM imports WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1', [source.fileSha256]) ?? null;
  const mappingIssues = mappingProblems(reader, source.headers);
  const cutoverDate = (input.cutoverDate ?? null) as IsoDate | null;
  let analysis: ImportAnalysis;
  if (mappingIssues.length > 0) {
    // Lines read through a wrong mapping would only repeat the same problem on every line.
    analysis = { problems: [], counts: emptyCounts(), balances: emptyTotals(), report: [], needsCutover: false, apply: () => undefined };
  } else {
    const ctx = { db, reader, lines: source.lines, cutoverDate, today: clock.today() };
    if (input.kind === 'members') analysis = input.mode === 'update_contacts' ? analyseContactUpdate(db, reader, source.lines) : analyseMembers(ctx);
    else if (input.kind === 'balances') analysis = analyseBalances(ctx);
    else analysis = analyseCheques(ctx);
  }
  const problems = [...mappingIssues, ...cutoverProblems(db, cutoverDate, analysis.needsCutover), ...analysis.problems].sort(byLine);
  // A line with a problem found after its first reading (capacity) is refused in the report too.
  const lineProblems = new Map<number, string[]>();
  for (const p of problems) lineProblems.set(p.line, [...(lineProblems.get(p.line) ?? []), p.message]);
  for (const r of analysis.report) {
    const messages = lineProblems.get(r.line);
    if (messages && r.outcome !== 'refused') Object.assign(r, { outcome: 'refused', detail: messages.join(' ; ') });
  }
  return { source, mapping, analysis: { ...analysis, problems }, alreadyImported };
}

/**
 * « Aperçu » of the import wizard: what the file would create or match and every problem,
 * each with its spreadsheet line and column. Nothing is written.
 */
export const importPreview = defineHandler({
  name: 'import-preview',
  input: importInput,
  labels: LABELS,
  mutates: false,
  run: (ctx, input) => {
    const { source, mapping, analysis, alreadyImported } = prepare(ctx, input);
    return {
      fileSha256: source.fileSha256,
      alreadyImported,
      sheets: source.sheets,
      sheet: source.sheet,
      headers: source.headers,
      fields: IMPORT_FIELDS[input.kind].map(({ key, label, required }) => ({ key, label, required })),
      mapping,
      rows: source.lines.length,
      sample: source.lines.slice(0, 5).map((l) => [...l.cells]),
      counts: analysis.counts,
      balances: analysis.balances,
      problems: analysis.problems,
    };
  },
});

const MAX_LISTED = 10;

function refusal(problems: readonly ImportProblem[]): ValidationError {
  const listed = problems.slice(0, MAX_LISTED).map((p) => `ligne ${p.line}${p.column ? ` (${p.column})` : ''} : ${p.message}`);
  const more = problems.length > MAX_LISTED ? ` ; et ${problems.length - MAX_LISTED} autre(s)` : '';
  const head = problems.length === 1 ? 'Un problème empêche l’import, rien n’a été importé' : `${problems.length} problèmes empêchent l’import, rien n’a été importé`;
  const fields = Object.fromEntries(problems.slice(0, 200).map((p) => [`ligne ${p.line} · ${p.column || p.field}`, p.message]));
  return new ValidationError(`${head} — ${listed.join(' ; ')}${more}. Corrigez le fichier puis relancez l’aperçu.`, fields);
}

/** « Importer »: all or nothing, in the one transaction of a mutating handler. */
export const importRun = defineHandler({
  name: 'import-run',
  input: importInput,
  labels: LABELS,
  mutates: true,
  run: (ctx, input) => {
    const { db, clock } = ctx;
    const { source, mapping, analysis, alreadyImported } = prepare(ctx, input);
    if (input.mode === 'create') {
      const earlier = db.get<{ imported_at: string; file_name: string }>("SELECT imported_at, file_name FROM imports WHERE file_sha256 = ? AND mode = 'create' ORDER BY id LIMIT 1", [
        source.fileSha256,
      ]);
      if (earlier) {
        throw new ConflictError(
          `Ce fichier a déjà été importé le ${dateFr(fromLocalDate(new Date(earlier.imported_at)))} (« ${earlier.file_name} ») : rien n’a été importé une seconde fois. Pour mettre à jour seulement les coordonnées des adhérents (adresse, téléphones, e-mail), relancez l’import en mode « Mettre à jour les coordonnées ».`,
        );
      }
    }
    if (analysis.problems.length > 0) throw refusal(analysis.problems);
    if (source.lines.length === 0) throw ValidationError.field('fileBase64', 'Ce fichier ne contient aucune ligne à importer sous son en-tête : vérifiez la feuille choisie.');
    const now = clock.now().toISOString();
    const outcomes = { created: 0, matched: 0, updated: 0, refused: 0 };
    for (const r of analysis.report) outcomes[r.outcome]++;
    const summary: ImportSummary & { rows: number; counts: typeof analysis.counts; previousImportId: number | null } = {
      ...outcomes,
      ...analysis.balances,
      rows: source.lines.length,
      counts: analysis.counts,
      previousImportId: alreadyImported?.id ?? null,
    };
    const { lastInsertRowid: importId } = db.run(
      'INSERT INTO imports (kind, file_name, file_sha256, mode, cutover_date, imported_at, summary, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [input.kind, input.fileName, source.fileSha256, input.mode, input.cutoverDate ?? null, now, JSON.stringify(summary), JSON.stringify({ lines: analysis.report })],
    );
    analysis.apply(importId, now);
    if (input.cutoverDate) db.run('UPDATE cutover SET cutover_date = ?, updated_at = ? WHERE id = 1', [input.cutoverDate, now]);
    rememberMapping(db, input.kind, mapping, now);
    return { importId, summary };
  },
});

/** The column mapping remembered from the last successful import of this kind of file. */
export const importMappingGet = defineHandler({
  name: 'import-mapping-get',
  input: z.object({ kind: kindField }),
  labels: { kind: 'Type de fichier' },
  mutates: false,
  run: ({ db }, { kind }) => ({
    kind,
    mapping: rememberedMapping(db, kind),
    fields: IMPORT_FIELDS[kind].map(({ key, label, required }) => ({ key, label, required })),
  }),
});
