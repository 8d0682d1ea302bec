import { describe, expect, it } from 'vitest';
import { formulaFields } from '../../support/catalog';
import { csvBytes } from '../../support/spreadsheets';
import { createInvoicingWorld } from '../invoicing/invoicing-world';
import { HEADER, importer, memberRow } from './import-world';

/** The letter (seed/000…): accounts settled on 10 April, the first Paniers invoice in May. */
describe('the letter’s transition, end to end', () => {
  it('deducts a credit from the first invoice and carries a debt forward as « Report de solde »', async () => {
    const w = await createInvoicingWorld();
    await w.backend.call('formula-create', formulaFields({ code: 'MOYEN', name: 'Panier moyen', priceCents: 1500, frequencies: ['weekly'] }));
    const imp = importer(w.backend);
    const file = csvBytes(
      [
        HEADER,
        memberRow({ 'N° adhérent': '7', Nom: 'Avance', Dépôt: 'Riantec', Panier: 'Panier moyen', Début: '01/05/2026', Solde: '30,00' }),
        memberRow({ 'N° adhérent': '8', Nom: 'Retard', Mail: 'retard@example.fr', Dépôt: 'Riantec', Panier: 'Panier moyen', Début: '01/05/2026', Solde: '-12,50' }),
      ],
      { encoding: 'windows-1252' },
    );
    await imp.run('members', file, { cutoverDate: '2026-04-10' });
    const id = (ref: string) => w.db.get<{ id: number }>('SELECT id FROM subscribers WHERE external_ref = ?', [ref])!.id;
    await w.closeMonth('2026-05');
    const run = await w.prepare('2026-05');
    const credit = await w.invoiceFor(run, id('7'));
    // Four Tuesdays in May at Riantec: 4 × 15,00 € = 60,00 €, minus the 30,00 € advance.
    expect(credit).toMatchObject({ grossCents: 6000, creditAppliedCents: 3000, balanceForwardCents: 0, amountDueCents: 3000 });
    expect(credit!.lines.filter((l) => l.kind === 'credit').map((l) => [l.label, l.grossCents])).toEqual([['Avance déduite', -3000]]);
    const debt = await w.invoiceFor(run, id('8'));
    expect(debt).toMatchObject({ grossCents: 6000, balanceForwardCents: 1250, creditAppliedCents: 0, amountDueCents: 7250 });
    expect(debt!.lines.filter((l) => l.kind === 'balance_forward').map((l) => [l.label, l.grossCents])).toEqual([['Report de solde', 1250]]);
    await w.issue(run.id);
    expect([await w.balance(id('7')), await w.balance(id('8'))]).toEqual([-3000, -7250]);
  });

  it('credits three postdated cheques as advance payment and lists each for deposit on its date', async () => {
    const w = await createInvoicingWorld();
    const imp = importer(w.backend);
    await imp.run('members', csvBytes([HEADER, memberRow({ 'N° adhérent': '12', Solde: '0' })]), { cutoverDate: '2026-04-10' });
    const cheques = csvBytes(
      [
        ['N° adhérent', 'N° chèque', 'Banque', 'Montant', 'Date de remise prévue'],
        ['12', '0001234', 'Crédit Agricole', '150,00', '10/05/2026'],
        ['12', '0001235', 'Crédit Agricole', '150,00', '10/06/2026'],
        ['12', '0001236', 'Crédit Agricole', '150,00', '10/07/2026'],
      ],
      { encoding: 'windows-1252' },
    );
    const preview = await imp.preview('cheques', cheques, { cutoverDate: '2026-04-10' });
    expect(preview).toMatchObject({ problems: [], counts: { cheques: 3, subscribersMatched: 1 } });
    await imp.run('cheques', cheques, { cutoverDate: '2026-04-10' });
    const s = w.db.get<{ id: number }>("SELECT id FROM subscribers WHERE external_ref = '12'")!.id;
    expect(await w.balance(s)).toBe(45000);
    const due = async (dueBy: string) => ((await w.backend.call('cheque-list', { dueBy })) as { cheques: { number: string; receivedOn: string }[] }).cheques.map((c) => c.number);
    expect(await due('2026-05-09')).toEqual([]);
    expect(await due('2026-05-10')).toEqual(['0001234']);
    expect(await due('2026-06-10')).toEqual(['0001234', '0001235']);
    expect(await due('2026-07-31')).toEqual(['0001234', '0001235', '0001236']);
    // The same cheques again are refused, as cheque-record refuses them.
    const again = await imp.preview('cheques', csvBytes([['N° adhérent', 'N° chèque', 'Banque', 'Montant', 'Date de remise prévue'], ['12', '0001234', 'credit agricole', '150', '10/05/2026']]), { cutoverDate: '2026-04-10' });
    expect(again.problems.map((p) => [p.line, p.column])).toEqual([[2, 'N° chèque']]);
  });

  it('records a balances file against the members by number or by name, once', async () => {
    const w = await createInvoicingWorld();
    const imp = importer(w.backend);
    await imp.run('members', csvBytes([HEADER, memberRow({ 'N° adhérent': '1' }), memberRow({ 'N° adhérent': '2', Nom: 'Morvan', Prénom: 'Ewen', Mail: 'e@example.fr' })]));
    const balances = csvBytes([['N° adhérent', 'Nom', 'Prénom', 'Solde'], ['1', '', '', '(12,50)'], ['', 'MORVAN', 'ewen', '40'], ['99', '', '', '5']]);
    const preview = await imp.preview('balances', balances, { cutoverDate: '2026-04-10' });
    expect(preview.problems).toEqual([{ line: 4, column: 'N° adhérent', field: 'externalRef', message: 'Adhérent inconnu (N° adhérent 99) : importez d’abord le fichier des adhérents ou corrigez la ligne.' }]);
    const fixed = csvBytes([['N° adhérent', 'Nom', 'Prénom', 'Solde'], ['1', '', '', '(12,50)'], ['', 'MORVAN', 'ewen', '40']]);
    expect((await imp.preview('balances', fixed, { cutoverDate: '2026-04-10' })).balances).toEqual({ creditCount: 1, creditCents: 4000, debtCount: 1, debtCents: 1250 });
    await imp.run('balances', fixed, { cutoverDate: '2026-04-10' });
    const byRef = (ref: string) => w.db.get<{ id: number }>('SELECT id FROM subscribers WHERE external_ref = ?', [ref])!.id;
    expect([await w.balance(byRef('1')), await w.balance(byRef('2'))]).toEqual([-1250, 4000]);
    // A second balances file for the same people would double them: refused.
    const twice = await imp.preview('balances', csvBytes([['N° adhérent', 'Solde'], ['1', '3']]), { cutoverDate: '2026-04-10' });
    expect(twice.problems[0]).toMatchObject({ line: 2, column: 'Solde', message: expect.stringContaining('a déjà un solde d’ouverture') });
    // And the cut-over day is fixed once.
    const other = await imp.preview('balances', csvBytes([['N° adhérent', 'Solde'], ['1', '3']]), { cutoverDate: '2026-04-11' });
    expect(other.problems[0]).toMatchObject({ line: 1, message: 'La reprise des comptes est déjà fixée au 10/04/2026 : importez avec cette date.' });
  });
});
