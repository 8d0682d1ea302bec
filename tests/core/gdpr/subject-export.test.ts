import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IDENTITY_FIELDS } from '../../../core/gdpr/subject-tables';
import { settableClock } from '../../support/clock';
import { TEST_NOW } from '../../support/core';
import { validOrganisation } from '../../support/organisation';
import { pdfText } from '../../support/pdf';
import { createInvoicingWorld } from '../invoicing/invoicing-world';
import { createPaymentsWorld } from '../payments/payments-world';

const ORG = validOrganisation();
const LEGALL_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const OTHER_IBAN = 'FR14 2004 1010 0505 0001 3M02 606';

interface Export {
  fileName: string;
  base64: string;
  files: string[];
}

/** The archive's files: CSVs as rows of cells (BOM checked and dropped), PDFs as bytes. */
function unzip(out: Export) {
  const files = unzipSync(new Uint8Array(Buffer.from(out.base64, 'base64')));
  const text = (name: string) => {
    const bytes = files[name];
    expect(bytes, `${name} is in the archive`).toBeDefined();
    // ignoreBOM keeps the byte-order mark in the text, so the test can check it is there.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  };
  const csv = (name: string) => {
    const content = text(name);
    expect(content.startsWith('\ufeff'), `${name} starts with a BOM`).toBe(true);
    return content.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
  };
  return { names: Object.keys(files), files, text, csv };
}

/**
 * Hélène Le Gall pays by SEPA: a subscription since January with a change in 2027 and a
 * temporary change, an absence in April, April invoiced and collected then returned (AM04), a
 * credit note, a cheque. Yann Autre has the same kind of history, and must never show up.
 */
async function world() {
  const clock = settableClock(TEST_NOW);
  const w = await createInvoicingWorld({ iban: ORG.iban, bic: ORG.bic, sepaCreditorId: ORG.sepaCreditorId }, { clock });
  const call = async <T = unknown>(name: string, input: Record<string, unknown>) => (await w.backend.call(name as never, input as never)) as T;
  const recordCheques = (subscriberId: number, cheques: Record<string, unknown>[]) => call('cheque-record', { subscriberId, cheques });
  const legallChain = await w.subscribe(w.depots.riantec, {}, { firstName: 'Hélène', lastName: 'Le Gall', paymentMethod: 'sepa', iban: LEGALL_IBAN, mandateRum: 'RUM-LEGALL', mandateSignedOn: '2026-01-02', notes: 'Allergique aux noix', phone: '06 12 34 56 78' });
  const otherChain = await w.subscribe(w.depots.riantec, {}, { firstName: 'Yann', lastName: 'Autre', paymentMethod: 'sepa', iban: OTHER_IBAN, mandateRum: 'RUM-AUTRE', mandateSignedOn: '2026-01-03', notes: 'Note de Yann' });
  const legall = await w.subscriberOf(legallChain);
  const other = await w.subscriberOf(otherChain);
  await call('cancellation-create', { chainId: legallChain, fromDate: '2026-04-21', toDate: '2026-04-21', reason: 'Vacances de Pâques', confirmLate: true });
  await call('cancellation-create', { chainId: otherChain, fromDate: '2026-04-28', toDate: '2026-04-28', reason: 'Absence de Yann', confirmLate: true });
  await call('subscription-temporary-change', { chainId: legallChain, fromDate: '2027-01-04', toDate: '2027-01-17', depotId: w.depots.ploemeur, formulaId: null, reason: 'Chez sa sœur' });
  await call('subscription-change', { chainId: legallChain, fromDate: '2027-02-01', formulaId: w.formulas.petit, depotId: w.depots.riantec, frequency: 'biweekly_even', quantity: 2, reason: 'Famille agrandie', capacityOverrideReason: '' });
  await w.closeMonth('2026-04');
  const run = await w.issue((await w.prepare('2026-04')).id);
  const invoice = (await w.invoiceFor(run.run, legall))!;
  const otherInvoice = (await w.invoiceFor(run.run, other))!;
  const basket = invoice.lines.find((l) => l.kind === 'basket')!;
  await call('credit-note-create', { invoiceId: invoice.id, lineIds: [basket.id], reason: 'Panier abîmé' });
  await recordCheques(legall, [{ number: '0012345', bank: 'Crédit Agricole', drawer: 'Hélène Le Gall', amountCents: 2000, receivedOn: '2026-12-01' }]);
  await recordCheques(other, [{ number: '0099999', bank: 'La Poste', drawer: 'Yann Autre', amountCents: 3300, receivedOn: '2026-12-01' }]);
  const batch = await call<{ id: number; debits: { id: number; subscriberId: number }[] }>('sepa-batch-create', { runId: run.run.id, collectionDate: '2026-12-18' });
  await call('sepa-batch-export', { batchId: batch.id });
  await call('sepa-batch-mark-sent', { batchId: batch.id });
  // The bank settles the batch, then returns Hélène's debit for insufficient funds.
  clock.set('2026-12-22T09:00:00.000Z');
  await call('sepa-batch-settle', { batchId: batch.id });
  const debit = batch.debits.find((d) => d.subscriberId === legall)!;
  await call('sepa-debit-return', { debitId: debit.id, kind: 'return', code: 'AM04', date: '2026-12-21' });
  const exported = (id: number) => call<Export>('subscriber-data-export', { subscriberId: id });
  return { ...w, call, legall, other, legallChain, otherChain, invoice, otherInvoice, exported };
}

describe('subscriber-data-export', () => {
  it('zips every kind of record the association holds on the person, with the PDFs they were sent', async () => {
    const w = await world();
    const out = await w.exported(w.legall);
    expect(out.fileName).toBe('donnees-helene-le-gall-2026-12-22.zip');
    const zip = unzip(out);
    expect(out.files).toEqual([
      'LISEZ-MOI.txt',
      'identite.csv',
      'abonnements.csv',
      'livraisons.csv',
      'absences.csv',
      'factures.csv',
      'avoirs.csv',
      'ecritures.csv',
      'cheques.csv',
      'prelevements.csv',
      'mandats.csv',
      `factures/facture_${w.invoice.number}.pdf`,
      'avoirs/avoir_AV-2026-00001.pdf',
      'releve-de-compte.pdf',
    ]);
    expect(zip.names.sort()).toEqual([...out.files].sort());

    const identity = new Map(zip.csv('identite.csv').map(([field, value]) => [field!, value!]));
    expect(zip.csv('identite.csv')[0]).toEqual(['Champ', 'Valeur']);
    expect(identity.get('Prénom')).toBe('Hélène');
    expect(identity.get('Nom')).toBe('Le Gall');
    // Their own data: the IBAN in full, not masked.
    expect(identity.get('IBAN')).toBe('FR7630006000011234567890189');
    expect(identity.get('Référence du mandat (RUM)')).toBe('RUM-LEGALL');
    expect(identity.get('Mandat signé le')).toBe('02/01/2026');
    expect(identity.get('Notes')).toBe('Allergique aux noix');
    expect(identity.get('Mode de règlement')).toBe('Prélèvement SEPA');
    expect(identity.get('Fiche créée le')).toBe('04/12/2026');
    expect(identity.get('Fiche archivée le')).toBe('');

    const subs = zip.csv('abonnements.csv');
    expect(subs[0]).toEqual(['Abonnement n°', 'Ligne', 'Du', 'Au', 'Formule', 'Dépôt', 'Fréquence', 'Quantité', 'Motif', 'Enregistré le']);
    expect(subs.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[7], r[8]])).toEqual([
      [String(w.legallChain), 'Abonnement', '01/01/2026', '31/01/2027', 'Riantec', '1', ''],
      [String(w.legallChain), 'Modification', '01/02/2027', '', 'Riantec', '2', 'Famille agrandie'],
      [String(w.legallChain), 'Changement temporaire', '04/01/2027', '17/01/2027', 'Ploemeur', '', 'Chez sa sœur'],
    ]);

    const deliveries = zip.csv('livraisons.csv');
    expect(deliveries[0]).toEqual(['Date', 'Date prévue', 'Formule', 'Dépôt', 'Quantité', 'Prix unitaire TTC', 'Statut', 'Note']);
    // The closed weeks of April 2026 at Riantec (whole weeks: 31 March too); the 21st was cancelled.
    expect(deliveries.slice(1).map((r) => [r[0], r[3], r[6]])).toEqual([
      ['31/03/2026', 'Riantec', 'Livré'],
      ['07/04/2026', 'Riantec', 'Livré'],
      ['14/04/2026', 'Riantec', 'Livré'],
      ['21/04/2026', 'Riantec', 'Annulé'],
      ['28/04/2026', 'Riantec', 'Livré'],
    ]);

    expect(zip.csv('absences.csv')).toEqual([
      ['Abonnement n°', 'Du', 'Au', 'Motif', 'Saisie par', 'Après la date limite', 'Enregistrée le'],
      [String(w.legallChain), '21/04/2026', '21/04/2026', 'Vacances de Pâques', 'L’association', 'oui', '04/12/2026'],
    ]);

    const invoices = zip.csv('factures.csv');
    expect(invoices[0]).toEqual(['Numéro', 'Date', 'Période du', 'Période au', 'Total HT', 'TVA', 'Total TTC', 'Report de solde', 'Avance déduite', 'Montant dû', 'Fichier']);
    expect(invoices.slice(1)).toEqual([[w.invoice.number, '04/12/2026', '01/04/2026', '30/04/2026', expect.any(String), expect.any(String), '31,50', '0,00', '0,00', '31,50', `factures/facture_${w.invoice.number}.pdf`]]);

    expect(zip.csv('avoirs.csv')).toEqual([
      ['Numéro', 'Date', 'Facture', 'Motif', 'Total HT', 'TVA', 'Total TTC', 'Fichier'],
      ['AV-2026-00001', '04/12/2026', w.invoice.number!, 'Panier abîmé', '9,95', '0,55', '10,50', 'avoirs/avoir_AV-2026-00001.pdf'],
    ]);

    const ledger = zip.csv('ecritures.csv');
    expect(ledger[0]).toEqual(['Date', 'Type', 'Libellé', 'Référence', 'Moyen de paiement', 'Débit', 'Crédit', 'Solde', 'Sens du solde']);
    const n = w.invoice.number!;
    // The cheque came first (credit), then the invoice, the credit note, the debit and its return.
    expect(ledger.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ['01/12/2026', 'Règlement', '0012345', 'Chèque', '', '20,00', '20,00', 'en votre faveur'],
      ['04/12/2026', 'Facture', n, '', '31,50', '', '11,50', 'à régler'],
      ['04/12/2026', 'Avoir', 'AV-2026-00001', '', '', '10,50', '1,00', 'à régler'],
      ['18/12/2026', 'Règlement', n, 'Prélèvement', '', '1,00', '0,00', ''],
      ['21/12/2026', 'Règlement annulé', n, 'Prélèvement', '1,00', '', '1,00', 'à régler'],
    ]);

    expect(zip.csv('cheques.csv')).toEqual([
      ['Numéro', 'Banque', 'Tireur', 'Montant', 'Reçu le', 'Remise prévue le', 'Statut', 'Remis le', 'Bordereau', 'Rejeté le', 'Motif du rejet', 'Note'],
      ['0012345', 'Crédit Agricole', 'Hélène Le Gall', '20,00', '01/12/2026', '01/12/2026', 'Reçu, pas encore remis', '', '', '', '', ''],
    ]);

    const debits = zip.csv('prelevements.csv');
    expect(debits[0]).toEqual(['Date de prélèvement', 'Facture', 'Montant', 'RUM', 'IBAN', 'BIC', 'Séquence', 'Référence de bout en bout', 'Statut', 'Retour', 'Code R', 'Motif du retour', 'Date du retour', 'Note']);
    expect(debits.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[8], r[9], r[10], r[11], r[12]])).toEqual([
      // What was still owed once the cheque and the credit note counted: 1,00 €.
      ['18/12/2026', w.invoice.number, '1,00', 'RUM-LEGALL', 'FR7630006000011234567890189', 'Rejeté', 'Retour', 'AM04', 'Provision insuffisante', '21/12/2026'],
    ]);

    expect(zip.csv('mandats.csv')).toEqual([
      ['État', 'RUM', 'IBAN', 'BIC', 'Signé le', 'Révoqué le', 'Remplacé le'],
      ['En vigueur', 'RUM-LEGALL', 'FR7630006000011234567890189', '', '02/01/2026', '', ''],
    ]);

    // The PDFs are the documents as issued: the same bytes as the document handlers print.
    const printed = await w.call<{ dataUri: string }>('document-credit-note', { creditNoteId: 1 });
    expect(Buffer.from(zip.files['avoirs/avoir_AV-2026-00001.pdf']!).toString('base64')).toBe(printed.dataUri.slice(printed.dataUri.indexOf('base64,') + 7));
    const invoiceText = pdfText(zip.files[`factures/facture_${w.invoice.number}.pdf`]!, 'gdpr-invoice.pdf');
    expect(invoiceText).toContain(w.invoice.number);
    expect(invoiceText).toContain('Le Gall');
    const statement = pdfText(zip.files['releve-de-compte.pdf']!, 'gdpr-statement.pdf');
    expect(statement).toContain('Relevé de compte');
    expect(statement).toContain('Hélène Le Gall');

    const readMe = zip.text('LISEZ-MOI.txt');
    expect(readMe).toContain('Adhérent : Hélène Le Gall');
    expect(readMe).toContain('Extraction du mardi 22 décembre 2026.');
    expect(readMe).toContain('article 15 du RGPD');
    expect(readMe).toContain('article 20 du RGPD');
    for (const file of out.files.filter((f) => !f.includes('/') && f !== 'LISEZ-MOI.txt')) expect(readMe).toContain(`- ${file} : `);
    expect(readMe).not.toContain('Rien à vous transmettre');
  });

  it('never lets another subscriber’s data into the archive', async () => {
    const w = await world();
    const zip = unzip(await w.exported(w.legall));
    const everything = [
      ...zip.names,
      ...zip.names.filter((n) => !n.endsWith('.pdf')).map((n) => zip.text(n)),
      ...zip.names.filter((n) => n.endsWith('.pdf')).map((n) => pdfText(zip.files[n]!, 'gdpr-isolation.pdf')),
    ].join('\n');
    for (const foreign of ['Yann', 'Autre', 'Note de Yann', 'RUM-AUTRE', 'FR1420041010050500013M02606', '0099999', 'Absence de Yann', w.otherInvoice.number!]) {
      expect(everything).not.toContain(foreign);
    }
    // And the other way round: Yann's own export names Yann, not Hélène.
    const his = unzip(await w.exported(w.other));
    expect(his.text('identite.csv')).toContain('Yann');
    expect(his.names).toContain(`factures/facture_${w.otherInvoice.number}.pdf`);
    expect(his.names.join(' ')).not.toContain(w.invoice.number);
    expect(his.text('absences.csv')).not.toContain('Pâques');
  });

  it('gives a subscriber with nothing yet their identity and the read-me, saying what there is none of', async () => {
    const w = await createPaymentsWorld();
    const id = await w.subscriber({ firstName: 'Ève', lastName: 'Nouvelle-Arrivée', paymentMethod: 'cheque' });
    const out = await w.call<Export>('subscriber-data-export', { subscriberId: id });
    expect(out.fileName).toBe('donnees-eve-nouvelle-arrivee-2026-12-04.zip');
    expect(out.files).toEqual(['LISEZ-MOI.txt', 'identite.csv']);
    const zip = unzip(out);
    expect(zip.names.sort()).toEqual(['LISEZ-MOI.txt', 'identite.csv']);
    const rows = zip.csv('identite.csv');
    expect(rows[0]).toEqual(['Champ', 'Valeur']);
    expect(rows).toContainEqual(['Nom', 'Nouvelle-Arrivée']);
    expect(rows).toContainEqual(['IBAN', '']);
    const readMe = zip.text('LISEZ-MOI.txt');
    expect(readMe).toContain('- identite.csv : votre fiche (coordonnées');
    expect(readMe).toContain('Rien à vous transmettre pour le reste : aucun abonnement, aucune livraison enregistrée');
  });

  it('lists every column held on a subscriber in the identity file (a new column must be added to it)', async () => {
    const w = await createPaymentsWorld();
    const columns = w.db.all<{ name: string }>('PRAGMA table_info(subscribers)').map((c) => c.name);
    // search_text is derived from the other fields (for search), not data of its own.
    expect(IDENTITY_FIELDS.map((f) => f.column).sort()).toEqual(columns.filter((c) => c !== 'search_text').sort());
  });

  it('lists the mandate in force and its earlier states in mandats.csv', async () => {
    const w = await createPaymentsWorld();
    const id = await w.subscriber({ firstName: 'Loïc', lastName: 'Mandat', paymentMethod: 'sepa', iban: LEGALL_IBAN, mandateRum: 'RUM-LOIC', mandateSignedOn: '2026-02-01' });
    await w.call('mandate-revoke', { subscriberId: id, date: '2026-11-30' });
    const rows = unzip(await w.call<Export>('subscriber-data-export', { subscriberId: id })).csv('mandats.csv');
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      ['État', 'RUM', 'IBAN', 'BIC', 'Signé le', 'Révoqué le'],
      ['Révoqué', 'RUM-LOIC', 'FR7630006000011234567890189', '', '01/02/2026', '30/11/2026'],
      ['Remplacé', 'RUM-LOIC', 'FR7630006000011234567890189', '', '01/02/2026', ''],
    ]);
    expect(rows[2]![6]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
  });

  it('refuses an unknown subscriber with a French message', async () => {
    const w = await createPaymentsWorld();
    const error = await w.refusal('subscriber-data-export', { subscriberId: 999 });
    expect(error).toMatchObject({ type: 'not-found', message: 'Adhérent introuvable (n° 999) : rechargez la liste des adhérents.' });
  });
});
