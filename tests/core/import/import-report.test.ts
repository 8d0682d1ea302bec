import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport, ImportSummary } from '../../../core/import/import-report-types';
import { pdfText } from '../../support/pdf';
import { csvBytes } from '../../support/spreadsheets';
import { HEADER, importer, memberRow } from './import-world';
import { createInvoicingWorld } from '../invoicing/invoicing-world';

const ARTIFACTS = join('tests', '.artifacts', 'documents');
const SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f901122334455667788990aabbccddeeff0';

interface Pdf {
  fileName: string;
  dataUri: string;
  pages: number;
}

const bytesOf = (pdf: Pdf) => new Uint8Array(Buffer.from(pdf.dataUri.slice(pdf.dataUri.indexOf('base64,') + 7), 'base64'));

/** The PDF's text (one string per page, spaces squeezed) and its pages as PNG for a person to look at. */
function rendered(pdf: Pdf, name: string): string[] {
  const text = pdfText(bytesOf(pdf), `${name}.pdf`).replaceAll('\u00a0', ' ');
  for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(ARTIFACTS, old));
  execFileSync('pdftoppm', ['-r', '60', '-png', join(ARTIFACTS, `${name}.pdf`), join(ARTIFACTS, name)]);
  return text
    .split('\f')
    .slice(0, pdf.pages)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

const SUMMARY: ImportSummary = { created: 2, matched: 1, updated: 0, refused: 2, creditCount: 1, creditCents: 3000, debtCount: 1, debtCents: 1250 };
const REPORT: ImportReport = {
  lines: [
    { line: 2, outcome: 'created', subscriber: 'Morvan Ewen (n° 101)', detail: 'Adhérent et abonnement Petit panier à Riantec créés ; solde d’ouverture +30,00 €' },
    { line: 3, outcome: 'refused', subscriber: 'Le Goff Anne (n° 102)', detail: 'Colonne « IBAN » : IBAN invalide (clé de contrôle fausse).' },
    { line: 4, outcome: 'matched', subscriber: 'Le Gall Hélène (n° 103)', detail: 'Déjà présente : rien de changé.' },
    { line: 5, outcome: 'created', subscriber: 'Guillou Yann (n° 104)', detail: 'Adhérent créé ; solde d’ouverture -12,50 €' },
    { line: 6, outcome: 'refused', subscriber: 'Tanguy Paul (n° 105)', detail: 'Colonne « Dépôt » : dépôt « Lorient » inconnu ; colonne « Début » : date impossible 31/02/2026.' },
  ],
};

async function world() {
  const w = await createInvoicingWorld();
  const insert = (fields: { fileName?: string; importedAt?: string; kind?: string; mode?: string; cutover?: string | null; summary?: unknown; report?: unknown; sha?: string }) =>
    w.db.run(
      'INSERT INTO imports (kind, file_name, file_sha256, mode, cutover_date, imported_at, summary, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        fields.kind ?? 'members',
        fields.fileName ?? 'adherents-2026.csv',
        fields.sha ?? SHA,
        fields.mode ?? 'create',
        fields.cutover === undefined ? '2026-04-10' : fields.cutover,
        fields.importedAt ?? '2026-04-10T08:15:00.000Z',
        JSON.stringify(fields.summary ?? SUMMARY),
        JSON.stringify(fields.report ?? REPORT),
      ],
    ).lastInsertRowid;
  const call = async <T>(name: string, input: Record<string, unknown>) => (await w.backend.call(name as never, input as never)) as T;
  const refusal = (name: string, input: Record<string, unknown>) =>
    w.backend.call(name as never, input as never).then(
      () => null,
      (e: unknown) => e as { type: string; message: string },
    );
  return { ...w, insert, call, refusal };
}

describe('import list', () => {
  it('lists the imports newest first with their kind, file, date, mode, cut-over and summary', async () => {
    const w = await world();
    const first = w.insert({ fileName: 'adherents.csv', importedAt: '2026-04-10T08:15:00.000Z' });
    const third = w.insert({ fileName: 'adherents.csv', importedAt: '2026-04-12T10:00:00.000Z', mode: 'update_contacts', sha: SHA });
    const second = w.insert({ kind: 'cheques', fileName: 'cheques.xlsx', importedAt: '2026-04-11T09:00:00.000Z', cutover: null, summary: { ...SUMMARY, creditCount: 0, creditCents: 0, debtCount: 0, debtCents: 0 } });
    const list = await w.call<{ id: number; kind: string; fileName: string; importedAt: string; mode: string; cutoverDate: string | null; summary: ImportSummary }[]>('import-list', {});
    expect(list.map((i) => i.id)).toEqual([third, second, first]);
    expect(list[1]).toEqual({ id: second, kind: 'cheques', fileName: 'cheques.xlsx', importedAt: '2026-04-11T09:00:00.000Z', mode: 'create', cutoverDate: null, summary: { ...SUMMARY, creditCount: 0, creditCents: 0, debtCount: 0, debtCents: 0 } });
    expect(list[0]!.mode).toBe('update_contacts');
  });

  it('is empty before any import', async () => {
    const w = await world();
    expect(await w.call('import-list', {})).toEqual([]);
  });
});

describe('import report CSV', () => {
  it('lists every line, refused first, then created, updated, matched, by line number, with French outcomes', async () => {
    const w = await world();
    const id = w.insert({});
    const csv = await w.call<{ fileName: string; content: string }>('import-report-csv', { importId: id });
    expect(csv.fileName).toBe(`rapport-import-${id}_2026-04-10.csv`);
    expect(csv.content.startsWith('\ufeff')).toBe(true);
    const rows = csv.content.slice(1).trimEnd().split('\r\n');
    expect(rows).toEqual([
      'Ligne;Résultat;Adhérent;Détail',
      '3;Refusé;Le Goff Anne (n° 102);Colonne « IBAN » : IBAN invalide (clé de contrôle fausse).',
      // A detail with « ; » is quoted (the CSV separator).
      '6;Refusé;Tanguy Paul (n° 105);"Colonne « Dépôt » : dépôt « Lorient » inconnu ; colonne « Début » : date impossible 31/02/2026."',
      '2;Créé;Morvan Ewen (n° 101);"Adhérent et abonnement Petit panier à Riantec créés ; solde d’ouverture +30,00 €"',
      '5;Créé;Guillou Yann (n° 104);"Adhérent créé ; solde d’ouverture -12,50 €"',
      '4;Reconnu;Le Gall Hélène (n° 103);Déjà présente : rien de changé.',
    ]);
  });

  it('refuses an unknown import with a French message', async () => {
    const w = await world();
    const error = await w.refusal('import-report-csv', { importId: 99 });
    expect(error).toMatchObject({ type: 'not-found', message: 'Import introuvable (n° 99) : rechargez la liste des imports.' });
  });

  it('recounts the outcomes from the lines when the summary does not carry them', async () => {
    const w = await world();
    const id = w.insert({ summary: { creditCount: 1, creditCents: 3000, debtCount: 1, debtCents: 1250 } });
    const [row] = await w.call<{ id: number; summary: ImportSummary }[]>('import-list', {});
    expect(row).toMatchObject({ id, summary: { created: 2, matched: 1, updated: 0, refused: 2, creditCents: 3000 } });
  });

  it('says the report is damaged rather than printing a wrong one', async () => {
    const w = await world();
    const id = w.insert({ report: { rows: [] } });
    const error = await w.refusal('document-import-report', { importId: id });
    expect(error).toMatchObject({ type: 'integrity' });
    expect(error!.message).toMatch(`Le rapport de l’import n° ${id} n’a pas la forme attendue`);
  });
});

describe('import report PDF', () => {
  it('prints the file, its fingerprint, the dates, the counts, the balance totals and the lines, refused first', async () => {
    const w = await world();
    const id = w.insert({});
    const pdf = await w.call<Pdf>('document-import-report', { importId: id });
    expect(pdf.fileName).toBe(`rapport-import-${id}_2026-04-10.pdf`);
    expect(pdf.pages).toBe(1);
    const [page] = rendered(pdf, 'import-report');
    // The association's letterhead (the invoicing world's organisation).
    expect(page).toContain('Optim’ism');
    expect(page).toContain('SIRET 732 829 320 00074');
    expect(page).toContain('RAPPORT D’IMPORT');
    expect(page).toContain(`Import n° ${id} du 10/04/2026`);
    expect(page).toContain('Fichier adherents-2026.csv');
    expect(page).toContain('Empreinte SHA-256 a3f1c2d4e5b60718…');
    expect(page).not.toContain(SHA);
    expect(page).toContain('Date de bascule 10/04/2026');
    expect(page).toMatch(/Créées Reconnues Mises à jour Refusées Soldes créditeurs \(avances\) Soldes débiteurs \(dettes\) 2 1 0 2 1 solde : 30,00 € 1 solde : 12,50 €/);
    const order = [
      'Lignes refusées (à corriger dans le fichier) — 2',
      '3 Le Goff Anne (n° 102) Colonne « IBAN » : IBAN invalide',
      '6 Tanguy Paul (n° 105) Colonne « Dépôt » : dépôt « Lorient » inconnu',
      'Lignes créées — 2',
      '2 Morvan Ewen (n° 101)',
      '5 Guillou Yann (n° 104)',
      'Lignes reconnues (déjà présentes) — 1',
      '4 Le Gall Hélène (n° 103)',
    ].map((text) => page!.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).not.toContain('Lignes mises à jour');
  });

  it('gives the same bytes on every print of the same import', async () => {
    const w = await world();
    const id = w.insert({});
    const a = await w.call<Pdf>('document-import-report', { importId: id });
    const b = await w.call<Pdf>('document-import-report', { importId: id });
    expect(b.dataUri).toBe(a.dataUri);
  });

  it('runs a long file over several numbered pages and says when there was no cut-over', async () => {
    const w = await world();
    const lines = Array.from({ length: 150 }, (_, i) => ({ line: i + 2, outcome: i % 10 === 0 ? 'refused' : 'created', subscriber: `Adhérent ${i + 2}`, detail: i % 10 === 0 ? 'Colonne « Mail » : adresse e-mail invalide.' : 'Adhérent créé.' }));
    const id = w.insert({ report: { lines }, summary: { ...SUMMARY, created: 135, matched: 0, refused: 15, creditCount: 0, creditCents: 0, debtCount: 0, debtCents: 0 }, cutover: null });
    const pdf = await w.call<Pdf>('document-import-report', { importId: id });
    expect(pdf.pages).toBeGreaterThan(2);
    const pages = rendered(pdf, 'import-report-long');
    expect(pages[0]).toContain('Date de bascule Aucune (pas de solde repris)');
    expect(pages[0]).toContain('0 solde : 0,00 €');
    expect(pages.at(-1)).toContain(`Page ${pdf.pages} / ${pdf.pages}`);
    const all = pages.join(' ');
    for (const l of lines) expect(all).toContain(`${l.line} ${l.subscriber} ${l.detail}`);
    // All 15 refused lines come before the first created one.
    expect(all.indexOf('142 Adhérent 142 Colonne « Mail »')).toBeLessThan(all.indexOf('3 Adhérent 3 Adhérent créé.'));
  });
});

describe('import report of a real import', () => {
  it('reports what import-run created, with the opening balances of the letter', async () => {
    const w = await world();
    const file = csvBytes([
      HEADER,
      memberRow({ 'N° adhérent': '101', Nom: 'Morvan', Prénom: 'Ewen', Mail: 'ewen@example.fr', Solde: '30,00' }),
      memberRow({ 'N° adhérent': '102', Nom: 'Guillou', Prénom: 'Yann', Mail: 'yann@example.fr', Solde: '-12,50' }),
    ]);
    const { importId } = await importer(w.backend).run('members', file, { cutoverDate: '2026-04-10' });
    const [listed] = await w.call<{ id: number; kind: string; cutoverDate: string; summary: ImportSummary }[]>('import-list', {});
    expect(listed).toMatchObject({ id: importId, kind: 'members', cutoverDate: '2026-04-10', summary: { created: 2, refused: 0, creditCount: 1, creditCents: 3000, debtCount: 1, debtCents: 1250 } });
    const csv = await w.call<{ content: string }>('import-report-csv', { importId });
    const rows = csv.content.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('Ligne;Résultat;Adhérent;Détail');
    expect(rows.slice(1).map((r) => r.split(';').slice(0, 2))).toEqual([
      ['2', 'Créé'],
      ['3', 'Créé'],
    ]);
    expect(rows[1]).toContain('Morvan');
    const [page] = rendered(await w.call<Pdf>('document-import-report', { importId }), 'import-report-run');
    expect(page).toContain('Fichier members.csv');
    expect(page).toContain('Date de bascule 10/04/2026');
    expect(page).toContain('1 solde : 30,00 € 1 solde : 12,50 €');
    expect(page).toContain('Lignes créées — 2');
  });
});
