import { Backend, createDatabase, createRegistry, fixedClock, loadSqlite } from '../../core';
import { frenchIban } from '../../core/demo/bank-ids';
import { insertCatalogue } from '../../core/demo/catalogue';
import { Random } from '../../core/demo/random';
import { csvBytes } from '../../tests/support/spreadsheets';
import type { Row } from './report';
import { measure } from './stats';

/** Issue 8: importing 10,000 members with subscriptions and balances in at most 5 s. */
const TARGET_MS = 5000;
const CLOCK = fixedClock('2026-04-09T09:00:00.000Z');

const DEPOTS = ['Pont-Scorff', 'Quéven', 'Guidel', 'Ploemeur', 'Keryado (Lorient)', 'Lanester', 'Hennebont', 'riantec', 'PORT-LOUIS', 'Gâvres', 'Locmiquélic', 'Larmor-Plage', 'Lorient centre'];
const FORMULAS = ['Petit panier', 'GRAND', 'Boîte de 6 œufs', 'petit panier'];

/** The old system's export as the office has it: Excel's « ; » CSV in Windows-1252, decimal commas. */
export function syntheticMembersFile(members: number): Uint8Array {
  const header = ['N° adhérent', 'Civilité', 'Nom', 'Prénom', 'Adresse', 'CP', 'Ville', 'Tél.', 'Mail', 'Dépôt', 'Panier', 'Nb', 'Fréquence', 'Mode de règlement', 'IBAN', 'Date de signature', 'Solde'];
  const rows = Array.from({ length: members }, (_, i) => {
    const sepa = i % 3 !== 0;
    const balance = i % 4 === 0 ? '' : `${i % 2 ? '-' : ''}${(i % 97) + 1},${String(i % 100).padStart(2, '0')}`;
    return [
      String(1000 + i),
      i % 2 ? 'Mme' : 'M.',
      `Le Bœuf-Guégan ${i}`,
      i % 5 ? 'Hélène' : 'Erwann',
      `${i % 90 + 1} rue de l’Océan`,
      '56100',
      'Lorient',
      '06 12 34 56 78',
      `adherent.${i}@example.fr`,
      DEPOTS[i % DEPOTS.length]!,
      FORMULAS[i % FORMULAS.length]!,
      String((i % 2) + 1),
      ['hebdo', '15 jours', 'semaines impaires', 'mensuel'][i % 4]!,
      sepa ? 'Prélèvement' : 'Chèque',
      sepa ? frenchIban('16006', '00001', String(i).padStart(11, '0')) : '',
      sepa ? '01/09/2025' : '',
      balance,
    ];
  });
  return csvBytes([header, ...rows], { encoding: 'windows-1252' });
}

/** A fresh database with the demo's depots and formulas. */
async function freshBackend(members: number): Promise<Backend> {
  const sqlite = await loadSqlite();
  const db = createDatabase(sqlite, CLOCK);
  insertCatalogue(db, new Random(8), members, '2026-01-01' as never);
  // The file spreads members evenly over the depots, not by the demo's weights: room for all,
  // while the capacity check still runs.
  db.run('UPDATE depots SET capacity = ?', [members]);
  return new Backend({ db, sqlite, clock: CLOCK, registry: createRegistry(), randomId: () => 'bench' });
}

/** Preview then run of a 10,000-line members file, through the Backend as the wizard calls them. */
export async function benchImport(runs: number, members = 10_000): Promise<Row[]> {
  const bytes = syntheticMembersFile(members);
  const input = { kind: 'members', fileName: 'adherents.csv', fileBase64: Buffer.from(bytes).toString('base64'), cutoverDate: '2026-04-10' };
  const label = `${members.toLocaleString('fr-FR')} adhérents`;
  let previewMs = 0;
  let runMs = 0;
  const previews: number[] = [];
  const both = await measure(runs, 1, async () => {
    const backend = await freshBackend(members);
    const start = performance.now();
    const preview = (await backend.call('import-preview', input)) as { problems: unknown[] };
    previewMs = performance.now() - start;
    if (preview.problems.length > 0) throw new Error(`bench: the synthetic file has problems: ${JSON.stringify(preview.problems.slice(0, 3))}`);
    const middle = performance.now();
    await backend.call('import-run', input);
    runMs = performance.now() - middle;
    previews.push(previewMs);
    return previewMs + runMs;
  });
  return [
    { operation: 'Import preview + run', database: label, stats: both, targetMs: TARGET_MS },
    { operation: '  of which preview (last run)', database: label, stats: null, value: `${previewMs.toFixed(0)} ms`, targetMs: null },
    { operation: '  of which run (last run)', database: label, stats: null, value: `${runMs.toFixed(0)} ms`, targetMs: null },
    { operation: 'Import file size', database: label, stats: null, value: `${(bytes.length / 1024 / 1024).toFixed(1)} MB`, targetMs: null },
  ];
}
