import { describe, expect, it } from 'vitest';
import { settableClock } from '../../support/clock';
import { TEST_NOW } from '../../support/core';
import { validOrganisation } from '../../support/organisation';
import { createInvoicingWorld } from '../invoicing/invoicing-world';
import { xsdErrors } from './sepa/xsd-validator';

const ORG = validOrganisation();
const GOOD_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
// Same bank (30006), another account: an amendment "within the same bank".
const SAME_BANK_IBAN = 'FR76 3000 6000 0198 7654 3210 949';
const OTHER_BANK_IBAN = 'FR14 2004 1010 0505 0001 3M02 606';

interface Preview {
  collectionDate: string;
  earliestDate: string;
  suggestedDate: string;
  dateProblem: string | null;
  debits: { invoiceId: number; invoiceNumber: string; subscriberId: number; name: string; amountCents: number; representation: boolean; sequenceType: string; amended: boolean }[];
  excluded: { subscriberId: number; reason: string }[];
  otherMethods: number;
  count: number;
  totalCents: number;
}
interface Batch {
  id: number;
  status: string;
  count: number;
  totalCents: number;
  collectionDate: string;
  debits: { id: number; subscriberId: number; amountCents: number; endToEndId: string; status: string; amended: boolean }[];
  excluded: { subscriberId: number; reason: string }[];
}
interface Exported {
  fileName: string;
  content: string;
  sha256: string;
}

/** April invoiced on 4 December 2026 for five subscribers, four of them paying by SEPA. */
async function aprilInvoiced() {
  const clock = settableClock(TEST_NOW);
  const w = await createInvoicingWorld({ iban: ORG.iban, bic: ORG.bic, sepaCreditorId: ORG.sepaCreditorId }, { clock });
  const sepa = (lastName: string, rum: string, signed = '2026-01-02') => ({ lastName, paymentMethod: 'sepa', iban: GOOD_IBAN, mandateRum: rum, mandateSignedOn: signed });
  const who = {
    legall: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { ...sepa('Le Gall', 'RUM-0001'), firstName: 'Hélène' })),
    morvan: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, sepa('Morvan & Fils', 'RUM-0002'))),
    revoked: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, sepa('Révoqué', 'RUM-0003'))),
    broken: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, sepa('Cassé', 'RUM-0004'))),
    cheque: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Chèque', paymentMethod: 'cheque', iban: '', bic: '', mandateRum: '', mandateSignedOn: null })),
  };
  await w.backend.call('mandate-revoke', { subscriberId: who.revoked, date: '2026-11-30' });
  // A file edited elsewhere: the IBAN no longer passes its check.
  w.db.run("UPDATE subscribers SET iban = 'FR7630006000011234567890188' WHERE id = ?", [who.broken]);
  await w.closeMonth('2026-04');
  const issued = await w.issue((await w.prepare('2026-04')).id);
  const runId = issued.run.id;
  const preview = async (collectionDate?: string) => (await w.backend.call('sepa-batch-preview', { runId, collectionDate })) as Preview;
  const create = async (collectionDate = '2026-12-18') => (await w.backend.call('sepa-batch-create', { runId, collectionDate })) as Batch;
  const exportXml = async (batchId: number) => (await w.backend.call('sepa-batch-export', { batchId })) as Exported;
  return { ...w, clock, who, runId, preview, create, exportXml };
}

describe('SEPA collection batches', () => {
  it('previews the run: debits, the suggested date after the 14-day notice, and every excluded invoice with its reason', async () => {
    const w = await aprilInvoiced();
    const p = await w.preview();
    // Invoices of 4 December: 14 days' notice → 18 December at the earliest; the invoices announced
    // the next monthly collection day, Sunday 10 January → Monday 11 January 2027.
    expect(p).toMatchObject({ collectionDate: '2027-01-11', earliestDate: '2026-12-18', suggestedDate: '2027-01-11', dateProblem: null, count: 2, otherMethods: 1 });
    const invoice = await w.invoice(p.debits[0]!.invoiceId);
    expect(invoice.snapshot.payment.collectionDate).toBe('2027-01-11');
    expect(p.debits.map((d) => [d.name, d.amountCents, d.sequenceType, d.representation])).toEqual([
      ['Hélène Le Gall', 4200, 'RCUR', false],
      ['Anne Morvan & Fils', 4200, 'RCUR', false],
    ]);
    expect(p.totalCents).toBe(8400);
    expect(p.excluded.map((e) => [e.subscriberId, e.reason])).toEqual([
      [w.who.broken, expect.stringMatching(/^IBAN du mandat invalide/)],
      [w.who.revoked, 'Mandat révoqué le 30/11/2026.'],
    ]);
    expect((await w.preview('2026-12-10')).dateProblem).toBe(
      'Trop tôt : les adhérents doivent être prévenus 14 jours avant le prélèvement (factures du 04/12/2026). Premier jour possible : 18/12/2026.',
    );
    expect((await w.preview('2026-12-25')).dateProblem).toMatch(/^Le 25\/12\/2026 n’est pas un jour ouvré de la banque .* Premier jour possible : 28\/12\/2026\.$/);
  });

  it('refuses a date too early or off the TARGET calendar, and an association without ICS, saving nothing', async () => {
    const w = await aprilInvoiced();
    await expect(w.create('2026-12-10')).rejects.toMatchObject({ fields: { collectionDate: expect.stringContaining('prévenus 14 jours') } });
    await expect(w.create('2026-12-26')).rejects.toMatchObject({ fields: { collectionDate: expect.stringContaining('pas un jour ouvré') } });
    await w.backend.call('payment-settings-update', { ...((await w.backend.call('payment-settings-get', {})) as object), prenotificationDays: 3 });
    expect((await w.preview('2026-12-10')).dateProblem).toBeNull();
    await w.backend.call('organisation-update', { ...((await w.backend.call('organisation-get', {})) as object), sepaCreditorId: '' });
    await expect(w.create('2026-12-10')).rejects.toThrow('Renseignez l’identifiant créancier SEPA (ICS) de l’association dans Paramètres → Organisation');
    expect(await w.backend.call('sepa-batch-list', {})).toEqual([]);
  });

  it('exports a pain.008 that the ISO schema accepts, the same file every time, in both versions', async () => {
    const w = await aprilInvoiced();
    const batch = await w.create();
    const first = await w.exportXml(batch.id);
    expect(first.fileName).toBe(`prelevements-2026-12-18-lot-${batch.id}.xml`);
    expect(xsdErrors('001.08', first.content)).toEqual([]);
    expect(first.content).toContain('<Nm>Anne Morvan et Fils</Nm>');
    expect(first.content).toContain('<Nm>Helene Le Gall</Nm>');
    expect(first.content).toContain('<CtrlSum>84.00</CtrlSum>');
    expect(first.content).toContain('<EndToEndId>FA-2026-00003</EndToEndId>');
    expect(first.content).toContain("<Ustrd>Facture FA-2026-00003 du 04/12/2026 - paniers d&apos;avril 2026</Ustrd>");
    // Exporting again, even after the creditor's settings change, gives the identical file.
    await w.backend.call('organisation-update', { ...((await w.backend.call('organisation-get', {})) as object), legalName: 'Autre nom' });
    expect(await w.exportXml(batch.id)).toEqual(first);

    await w.backend.call('sepa-batch-cancel', { batchId: batch.id });
    await w.backend.call('payment-settings-update', { ...((await w.backend.call('payment-settings-get', {})) as object), painVersion: '001.02', firstSequenceType: 'FRST' });
    const old = await w.create();
    const file = await w.exportXml(old.id);
    expect(file.content).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(file.content).toContain('<SeqTp>FRST</SeqTp>');
    expect(xsdErrors('001.02', file.content)).toEqual([]);
  });

  it('goes ready → sent → settled, paying the invoices on the ledger at the collection date', async () => {
    const w = await aprilInvoiced();
    const batch = await w.create();
    await expect(w.backend.call('sepa-batch-mark-sent', { batchId: batch.id })).rejects.toThrow('Exportez d’abord le fichier');
    await expect(w.backend.call('sepa-batch-settle', { batchId: batch.id })).rejects.toThrow('il est « prêt à envoyer »');
    await w.exportXml(batch.id);
    await w.backend.call('sepa-batch-mark-sent', { batchId: batch.id });
    await expect(w.backend.call('sepa-batch-cancel', { batchId: batch.id })).rejects.toThrow('Impossible d’annuler le lot n° 1 : il est « envoyé à la banque ».');
    await expect(w.backend.call('sepa-batch-settle', { batchId: batch.id })).rejects.toThrow('Le prélèvement a lieu le 18/12/2026');
    expect(await w.balance(w.who.legall)).toBe(-4200);
    w.clock.set('2026-12-21T09:00:00.000Z');
    const settled = (await w.backend.call('sepa-batch-settle', { batchId: batch.id })) as Batch;
    expect(settled).toMatchObject({ status: 'settled', count: 2, totalCents: 8400 });
    expect(settled.debits.map((d) => d.status)).toEqual(['settled', 'settled']);
    expect(await w.balance(w.who.legall)).toBe(0);
    const statement = (await w.backend.call('ledger-statement', { subscriberId: w.who.legall })) as { entries: { date: string; kind: string; label: string }[] };
    expect(statement.entries.at(-1)).toMatchObject({ date: '2026-12-18', kind: 'payment', label: 'Prélèvement SEPA du 18/12/2026 (facture FA-2026-00003)' });
    // Nothing is collected twice: the run has nothing left for a second batch.
    await expect(w.create('2026-12-28')).rejects.toThrow('Aucune facture d’avril 2026 à prélever');
    expect(await w.backend.call('ledger-chain-check', {})).toMatchObject({ ok: true });
  });

  it('records a reject after settlement: reverses the payment, flags the subscriber, and presents the invoice again', async () => {
    const w = await aprilInvoiced();
    const batch = await w.create();
    await w.exportXml(batch.id);
    await w.backend.call('sepa-batch-mark-sent', { batchId: batch.id });
    w.clock.set('2026-12-22T09:00:00.000Z');
    await w.backend.call('sepa-batch-settle', { batchId: batch.id });
    const debit = batch.debits.find((d) => d.subscriberId === w.who.legall)!;
    await expect(w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'reject', code: 'XX99', date: '2026-12-21' })).rejects.toMatchObject({
      fields: { code: 'Choisissez le motif (code R) indiqué par la banque.' },
    });
    await expect(w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'return', code: 'AM04', date: '2026-12-17' })).rejects.toMatchObject({
      fields: { date: expect.stringContaining('ne peut pas être antérieur') },
    });
    await w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'return', code: 'AM04', date: '2026-12-21' });
    await expect(w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'return', code: 'AM04', date: '2026-12-21' })).rejects.toThrow('déjà enregistré comme rejeté');
    expect(await w.balance(w.who.legall)).toBe(-4200);
    const open = (await w.backend.call('sepa-return-list', { subscriberId: w.who.legall })) as { returns: { invoiceNumber: string; code: string; codeLabel: string }[] };
    expect(open.returns).toEqual([expect.objectContaining({ invoiceNumber: 'FA-2026-00003', code: 'AM04', codeLabel: 'Provision insuffisante' })]);
    // The later batch presents it again with a new end-to-end id.
    const again = await w.preview('2027-01-11');
    expect(again.debits).toEqual([expect.objectContaining({ subscriberId: w.who.legall, representation: true, amountCents: 4200 })]);
    const second = await w.create('2027-01-11');
    expect(second.debits.map((d) => d.endToEndId)).toEqual(['FA-2026-00003-R1']);
    expect(((await w.backend.call('sepa-return-list', {})) as { returns: unknown[] }).returns).toEqual([]);
    expect(await w.backend.call('ledger-chain-check', {})).toMatchObject({ ok: true });
  });

  it('a reject before settlement never reaches the ledger; a cancelled batch frees its invoices', async () => {
    const w = await aprilInvoiced();
    const batch = await w.create();
    const debit = batch.debits[0]!;
    await expect(w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'reject', code: 'AC04', date: '2026-12-04' })).rejects.toThrow('annulez le lot');
    await w.exportXml(batch.id);
    await w.backend.call('sepa-batch-mark-sent', { batchId: batch.id });
    await w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'reject', code: 'AC04', date: '2026-12-04' });
    w.clock.set('2026-12-18T16:00:00.000Z');
    const settled = (await w.backend.call('sepa-batch-settle', { batchId: batch.id })) as Batch;
    expect(settled.debits.map((d) => d.status)).toEqual(['rejected', 'settled']);
    expect(await w.balance(debit.subscriberId)).toBe(-4200);

    const w2 = await aprilInvoiced();
    const b2 = await w2.create();
    await w2.backend.call('sepa-batch-cancel', { batchId: b2.id });
    expect((await w2.preview()).count).toBe(2);
    await expect(w2.exportXml(b2.id)).rejects.toThrow('est annulé');
  });

  it('carries the amendment when the IBAN changed since the last collection, and flags lapsed mandates', async () => {
    const w = await aprilInvoiced();
    const batch = await w.create();
    await w.exportXml(batch.id);
    await w.backend.call('sepa-batch-mark-sent', { batchId: batch.id });
    w.clock.set('2026-12-18T16:00:00.000Z');
    await w.backend.call('sepa-batch-settle', { batchId: batch.id });
    const debit = batch.debits.find((d) => d.subscriberId === w.who.legall)!;
    await w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'reject', code: 'AC04', date: '2026-12-18' });
    await w.backend.call('mandate-amend', { subscriberId: w.who.legall, iban: SAME_BANK_IBAN, bic: '' });
    const history = (await w.backend.call('mandate-history', { subscriberId: w.who.legall })) as { iban: string }[];
    expect(history).toEqual([expect.objectContaining({ iban: 'FR76 3000 6000 0112 3456 7890 189' })]);
    const next = await w.create('2027-01-11');
    expect(next.debits).toEqual([expect.objectContaining({ amended: true })]);
    const xml = (await w.exportXml(next.id)).content;
    expect(xml).toMatch(/<AmdmntInd>true<\/AmdmntInd>\s*<AmdmntInfDtls>\s*<OrgnlDbtrAcct>\s*<Id>\s*<IBAN>FR7630006000011234567890189<\/IBAN>/);
    expect(xsdErrors('001.08', xml)).toEqual([]);

    // Another bank: SMNDA instead of the original account.
    await w.backend.call('sepa-batch-cancel', { batchId: next.id });
    await w.backend.call('mandate-amend', { subscriberId: w.who.legall, iban: OTHER_BANK_IBAN, bic: '' });
    const moved = (await w.exportXml((await w.create('2027-01-11')).id)).content;
    expect(moved).toContain('<Id>SMNDA</Id>');
    expect(moved).not.toContain('<OrgnlDbtrAcct>');

    // A mandate signed in 2022 lapses after 36 months without a collection; collected in December, it is alive.
    w.db.run("UPDATE subscribers SET mandate_signed_on = '2022-06-01' WHERE id IN (?, ?)", [w.who.morvan, w.who.cheque]);
    w.db.run("UPDATE subscribers SET mandate_rum = 'RUM-0005', payment_method = 'sepa', iban = ? WHERE id = ?", [GOOD_IBAN.replace(/ /g, ''), w.who.cheque]);
    const list = (await w.backend.call('mandate-list', { status: 'all' })) as { mandates: { subscriberId: number; status: string }[]; counts: Record<string, number> };
    const statusOf = (id: number) => list.mandates.find((m) => m.subscriberId === id)?.status;
    expect([statusOf(w.who.morvan), statusOf(w.who.cheque), statusOf(w.who.revoked), statusOf(w.who.broken)]).toEqual(['active', 'lapsed', 'revoked', 'incomplete']);
    const one = (await w.backend.call('mandate-list', { subscriberId: w.who.revoked })) as { mandates: { subscriberId: number }[]; total: number };
    expect(one).toMatchObject({ total: 1, mandates: [{ subscriberId: w.who.revoked }] });
    expect((await w.preview('2027-01-11')).excluded.find((e) => e.subscriberId === w.who.cheque)?.reason).toMatch(/^Mandat caduc : aucun prélèvement depuis le 01\/06\/2022/);
  });

  it('mandate changes: a new RUM needs its signature date, RUMs stay unique, a revoked mandate resumes with a new signature', async () => {
    const w = await aprilInvoiced();
    await expect(w.backend.call('mandate-amend', { subscriberId: w.who.legall, iban: GOOD_IBAN, rum: 'RUM-0009' })).rejects.toMatchObject({ fields: { signedOn: expect.stringContaining('date de signature') } });
    await expect(w.backend.call('mandate-amend', { subscriberId: w.who.legall, iban: GOOD_IBAN, rum: 'rum-0002', signedOn: '2026-12-01' })).rejects.toMatchObject({ fields: { rum: 'Cette référence de mandat est déjà celle de Morvan & Fils.' } });
    await expect(w.backend.call('mandate-amend', { subscriberId: w.who.legall, iban: 'FR76 1234' })).rejects.toMatchObject({ fields: { iban: expect.stringContaining('IBAN') } });
    await expect(w.backend.call('mandate-amend', { subscriberId: w.who.revoked, iban: GOOD_IBAN })).rejects.toMatchObject({ fields: { signedOn: expect.stringContaining('révoqué') } });
    await w.backend.call('mandate-amend', { subscriberId: w.who.revoked, iban: GOOD_IBAN, rum: 'RUM-0003-B', signedOn: '2026-12-03' });
    const p = await w.preview();
    expect(p.debits.map((d) => d.subscriberId)).toContain(w.who.revoked);
    await expect(w.backend.call('mandate-revoke', { subscriberId: w.who.cheque, date: '2026-12-04' })).rejects.toThrow('pas de mandat SEPA');
  });
});

describe('the debit day the invoice announces', () => {
  it.each([
    // issue date, notice days, collection day → announced (TARGET day)
    ['2026-12-04', 14, 10, '2027-01-11'],
    ['2026-12-04', 5, 10, '2026-12-10'],
    ['2026-05-02', 7, 10, '2026-05-11'], // Sunday 10 May → Monday 11
    ['2026-03-20', 14, 10, '2026-04-10'], // Friday 10 April (Good Friday is 3 April)
    ['2026-03-28', 14, 10, '2026-05-11'], // 11 April is past the 10th: 10 May, a Sunday
    ['2026-12-14', 10, 25, '2026-12-28'], // 25 and 26 December are not TARGET days
  ])('invoice of %s with %i days’ notice, collection day %i → %s', async (issue, days, day, expected) => {
    const { announcedCollectionDate } = await import('../../../core/payments/collection-date');
    expect(announcedCollectionDate(issue as never, { prenotificationDays: days, collectionDay: day })).toBe(expected);
  });
});
