import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../core/api/errors';
import { csvBytes } from '../../support/spreadsheets';
import { createWorld } from '../../support/world';
import { HEADER, IBAN_OK, importer, memberRow, tableCounts } from './import-world';

describe('re-import of the same file', () => {
  it('is detected, refused in create mode, and may update only the contact details', async () => {
    const w = await createWorld();
    const imp = importer(w.backend);
    const rows = [HEADER, memberRow({ 'N° adhérent': '501', Solde: '20' }), memberRow({ 'N° adhérent': '', Nom: 'Morvan', Prénom: 'Ewen', CP: '56290', Mail: 'e@example.fr' })];
    const file = csvBytes(rows);
    const { importId } = await imp.run('members', file, { cutoverDate: '2027-01-04' });
    const preview = await imp.preview('members', file, { cutoverDate: '2027-01-04' });
    expect(preview.alreadyImported).toMatchObject({ id: importId, fileName: 'members.csv' });
    const before = tableCounts(w.db);
    await expect(imp.run('members', file, { cutoverDate: '2027-01-04' })).rejects.toMatchObject({
      type: 'conflict',
      message: expect.stringContaining('Ce fichier a déjà été importé le 04/12/2026 (« members.csv ») : rien n’a été importé une seconde fois.'),
    });
    expect(tableCounts(w.db)).toEqual(before);
    const snapshot = () => w.db.all('SELECT id, last_name, first_name, payment_method, mandate_rum, external_ref, iban FROM subscribers ORDER BY id');
    const untouched = snapshot();
    const changed = csvBytes([
      HEADER,
      memberRow({ 'N° adhérent': '501', Adresse: '9 rue Neuve', 'Tél.': '07 81 19 77 21', Mail: 'anne.nouvelle@example.fr', Dépôt: 'Guidel', 'Mode de règlement': 'prélèvement', IBAN: IBAN_OK, Solde: '999' }),
      memberRow({ Nom: 'MORVAN', Prénom: 'Ewen', CP: '56290', Mail: 'e@example.fr' }),
      memberRow({ Nom: 'Inconnu', Prénom: 'Paul', Mail: 'p@example.fr' }),
    ]);
    const { summary } = await imp.run('members', changed, { mode: 'update_contacts' });
    expect(summary).toMatchObject({ updated: 1, matched: 1, refused: 1, created: 0 });
    expect(snapshot()).toEqual(untouched);
    const anne = w.db.get<Record<string, unknown>>("SELECT * FROM subscribers WHERE external_ref = '501'")!;
    expect(anne).toMatchObject({ address_line1: '9 rue Neuve', phone: '07 81 19 77 21', email: 'anne.nouvelle@example.fr', city: 'Riantec' });
    expect(anne.search_text).toContain('anne.nouvelle@example.fr');
    expect(w.db.get('SELECT count(*) AS n FROM subscriptions')).toEqual({ n: 2 });
    expect(w.db.get('SELECT sum(amount_cents) AS t FROM ledger_entries')).toEqual({ t: 2000 });
    const report = JSON.parse(w.db.get<{ report: string }>('SELECT report FROM imports ORDER BY id DESC LIMIT 1')!.report) as { lines: { line: number; outcome: string }[] };
    expect(report.lines.map((l) => [l.line, l.outcome])).toEqual([[2, 'updated'], [3, 'matched'], [4, 'refused']]);
  });
});

/** Cells as the office types them, good and bad, so random files mix both. */
const cell = {
  name: fc.constantFrom('Le Goff', 'Guégan', 'Œuvré', '', 'Morvan'),
  first: fc.constantFrom('Anne', 'Ewen', 'Zoé', ''),
  depot: fc.constantFrom('Riantec', 'guidel', 'Kervignac', ''),
  formula: fc.constantFrom('Petit panier', 'PETIT', 'Géant', ''),
  frequency: fc.constantFrom('hebdo', '15 jours', 'mensuel', 'parfois', ''),
  start: fc.constantFrom('', '01/02/2027', '31/02/2027', '2027-03-01', 'demain'),
  method: fc.constantFrom('chèque', 'prélèvement', 'virement', 'troc', ''),
  iban: fc.constantFrom('', IBAN_OK, 'FR76 1234'),
  balance: fc.constantFrom('', '0', '30,00', '-12,50', '1 234,56 €', 'trente', '(5)'),
  text: fc.string({ maxLength: 12 }),
};

describe('any members file (property)', () => {
  it('imports completely or reports problems, and leaves the database unchanged on failure', async () => {
    const w = await createWorld();
    const imp = importer(w.backend);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell.name, cell.first, cell.depot, cell.formula, cell.frequency, cell.start, cell.method, cell.iban, cell.balance, cell.text), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (lines, withCutover) => {
          n++;
          const rows = lines.map(([nom, prenom, depot, panier, freq, debut, mode, iban, solde, tel]) =>
            memberRow({ 'N° adhérent': `${n}-${nom}${prenom}`, Nom: nom, Prénom: prenom, Dépôt: depot, Panier: panier, Fréquence: freq, Début: debut, 'Mode de règlement': mode, IBAN: iban, 'Date de signature': '01/01/2026', Solde: solde, 'Tél.': tel, Mail: `${n}@example.fr` }),
          );
          const file = csvBytes([HEADER, ...rows]);
          const options = withCutover ? { cutoverDate: '2027-01-04' } : {};
          const preview = await imp.preview('members', file, options);
          const before = tableCounts(w.db);
          const ledger = w.db.get('SELECT sum(amount_cents) AS t FROM ledger_entries');
          try {
            const { summary } = await imp.run('members', file, options);
            expect(preview.problems).toEqual([]);
            expect(summary).toMatchObject({ created: rows.length, refused: 0 });
            expect(tableCounts(w.db).subscribers).toBe(before.subscribers + rows.length);
          } catch (error) {
            expect(error instanceof ValidationError || error instanceof ConflictError).toBe(true);
            expect(preview.problems.length).toBeGreaterThan(0);
            expect(tableCounts(w.db)).toEqual(before);
            expect(w.db.get('SELECT sum(amount_cents) AS t FROM ledger_entries')).toEqual(ledger);
          }
        },
      ),
      { numRuns: 60, seed: 2026 },
    );
  });
});
