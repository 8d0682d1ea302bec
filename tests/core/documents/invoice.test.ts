import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../core/documents/document-handlers';
import { buildInvoiceDocument, collectionDate } from '../../../core/documents/invoice-document';
import { pdfDataUri, renderInvoice } from '../../../core/documents/pdf/invoice-pdf';
import { toBytes } from '../../../core/documents/pdf/pdf-kit';
import { isoDate } from '../../../core/dates/dates';
import type { CreditNote } from '../../../core/invoicing/credit-notes';
import { pdfText } from '../../support/pdf';
import { createInvoicingWorld, ORGANISATION } from '../invoicing/invoicing-world';

const SEPA = { paymentMethod: 'sepa', iban: 'FR76 3000 6000 0112 3456 7890 189', mandateRum: 'RUM-0001', mandateSignedOn: '2026-01-02' };
/** A 60 × 20 px PNG letterhead logo. */
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADwAAAAUCAIAAABeYcl+AAAAUklEQVR42mP4PwQBw6ijB9TR2l12mGjwOhqrcweb0xlIcvEgcTfVHF2xJQqOaCeO7mgiXYzL3aOOHnX0qKNHHT2UHD0SK5fRtsdIaOWNdgJoBQD0Z6YccoWCtgAAAABJRU5ErkJggg==';
const ARTIFACTS = join('tests', '.artifacts', 'documents');

const bytesOf = (pdf: PdfDocument) => new Uint8Array(Buffer.from(pdf.dataUri.slice(pdf.dataUri.indexOf('base64,') + 7), 'base64'));
/** pdftotext keeps the no-break spaces of amounts; tests read them as plain spaces. */
const textOf = (pdf: PdfDocument, name: string) => pdfText(bytesOf(pdf), name).replaceAll('\u00a0', ' ');
/** Renders page 1 to PNG next to the PDF, for a person to look at. */
const renderPage = (name: string) => execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', join(ARTIFACTS, `${name}.pdf`), join(ARTIFACTS, name)]);

/** April 2026 invoiced: one Riantec subscriber (four Tuesdays at 10,50 €), issued on 2026-12-04. */
async function aprilIssued(organisation: Record<string, unknown> = {}, who: Record<string, unknown> = SEPA) {
  // The world's type says logoDataUrl is null; the handler accepts a PNG data URL.
  const w = await createInvoicingWorld(organisation as Partial<typeof ORGANISATION>);
  const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Morvan', firstName: 'Ewen', ...who }));
  await w.closeMonth('2026-04');
  const run = await w.prepare('2026-04');
  const issued = await w.issue(run.id);
  const invoice = (await w.invoiceFor(issued.run, s))!;
  const print = async () => (await w.backend.call('document-invoice', { invoiceId: invoice.id })) as PdfDocument;
  return { w, s, invoice, runId: run.id, print };
}

describe('printed invoice: the model', () => {
  it('is built from the issued invoice exactly', async () => {
    const { w, invoice } = await aprilIssued();
    const basket = (date: string) => ({ date, label: 'Petit panier', quantity: 1, unitPriceCents: 1050, unitNetCents: 995, vatRateBp: 550, netCents: 995, vatCents: 55, grossCents: 1050 });
    expect(buildInvoiceDocument(w.db, invoice.id)).toEqual({
      kind: 'invoice',
      organisation: { name: 'Optim’ism', addressLines: ['Route de Cléguer', '56620 Pont-Scorff'], legalLines: ['SIRET 732 829 320 00074'], contactLine: '', header: '', logoDataUrl: null },
      subscriber: { name: 'Mme Ewen Morvan', addressLines: ['3 impasse des Mouettes', '56100 Lorient'] },
      vatLiable: true,
      vatMention: null,
      lateTerms: null,
      footer: '',
      draft: false,
      number: 'FA-2026-00001',
      issueDate: '2026-12-04',
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      lines: ['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28'].map(basket),
      vatByRate: [{ rateBp: 550, netCents: 3980, vatCents: 220, grossCents: 4200 }],
      totals: { netCents: 3980, vatCents: 220, grossCents: 4200 },
      balanceForwardCents: 0,
      creditAppliedCents: 0,
      amountDueCents: 4200,
      creditRemainingCents: 0,
      // Issued in December: debited on the 10th of January.
      paymentLine: 'Montant prélevé le 11/01/2027 sur le compte FR76 •••• 0189 (mandat RUM RUM-0001) : 42,00\u00a0€',
      paymentTerms: 'Prélèvement le 10 du mois suivant.',
    });
  });

  it('never reads live tables: a move or a new name after issue does not change it', async () => {
    const { w, s, invoice } = await aprilIssued();
    const before = buildInvoiceDocument(w.db, invoice.id);
    w.db.run("UPDATE subscribers SET last_name = 'Le Goff', address_line1 = '9 quai Neuf', iban = '' WHERE id = ?", [s]);
    await w.backend.call('organisation-update', { ...ORGANISATION, legalName: 'Autre nom', siret: '' });
    expect(buildInvoiceDocument(w.db, invoice.id)).toEqual(before);
  });
});

const COMMON_MENTIONS = [
  'Optim’ism',
  'Route de Cléguer',
  '56620 Pont-Scorff',
  'SIRET 732 829 320 00074',
  'FACTURE',
  'N° FA-2026-00001',
  'Date d’émission : 04/12/2026',
  'Livraisons du 01/04/2026 au 30/04/2026',
  'Mme Ewen Morvan',
  '3 impasse des Mouettes',
  '56100 Lorient',
  '07/04/2026',
  '28/04/2026',
  'Petit panier',
  'Montant dû',
  'Conditions de paiement : Prélèvement le 10 du mois suivant.',
  'Association loi 1901',
];

describe('printed invoice: mandatory mentions per VAT status (finance-rules §1.2, §1.6)', () => {
  it.each([
    { vatStatus: 'not_liable', present: ['TVA non applicable : association non assujettie à la TVA.', 'Prix unitaire', '10,50 €', 'Total du mois'], absent: ['Total TVA', 'N° TVA'] },
    { vatStatus: 'exempt', present: ['Exonération de TVA – art. 261-7-1°-b du CGI', 'Prix unitaire', '10,50 €'], absent: ['Total TVA', 'N° TVA'] },
    { vatStatus: 'franchise', present: ['TVA non applicable, art. 293 B du CGI', 'Prix unitaire', '10,50 €'], absent: ['Total TVA', 'N° TVA'] },
    {
      vatStatus: 'liable',
      present: ['N° TVA intracommunautaire FR12732829320', 'PU HT', '9,95 €', 'TVA 5,5 % sur 39,80 € HT', 'Total HT', 'Total TVA', 'Total TTC du mois'],
      absent: ['TVA non applicable', 'Exonération'],
    },
  ])('$vatStatus', async ({ vatStatus, present, absent }) => {
    const { print } = await aprilIssued({ vatStatus, vatNumber: 'FR12732829320', invoiceFooter: 'Association loi 1901 – merci de votre soutien.' });
    const text = textOf(await print(), `invoice-${vatStatus}.pdf`);
    for (const mention of [...COMMON_MENTIONS, ...present]) expect(text).toContain(mention);
    for (const mention of absent) expect(text).not.toContain(mention);
    expect(text).toMatch(/Montant dû\s+42,00 €/);
  });

  it('gives a business buyer the late-payment terms and the 40 € recovery fee', async () => {
    const { print } = await aprilIssued({}, { kind: 'organisation', civility: '', firstName: '', lastName: 'CCAS de Lorient' });
    const text = textOf(await print(), 'invoice-business.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('CCAS de Lorient');
    expect(text).toContain('indemnité forfaitaire pour frais de recouvrement de 40 €');
    expect(text).toContain('Pas d’escompte pour paiement anticipé');
  });
});

describe('printed invoice: payment line, balance carried forward, credit applied', () => {
  it('pre-notifies the SEPA debit', async () => {
    const { print } = await aprilIssued();
    expect(textOf(await print(), 'invoice-sepa.pdf')).toContain('Montant prélevé le 11/01/2027 sur le compte FR76 •••• 0189 (mandat RUM RUM-0001) : 42,00 €');
  });

  it('deducts a cheque payer’s advance and prints the prepaid balance left', async () => {
    const w = await createInvoicingWorld();
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Prépayé', firstName: 'Léa', paymentMethod: 'cheque' }));
    await w.backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-03-31', amountCents: 10000 });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    const invoice = (await w.invoiceFor((await w.issue(run.id)).run, s))!;
    expect(invoice).toMatchObject({ creditAppliedCents: 4200, amountDueCents: 0, creditRemainingCents: 5800 });
    const text = textOf((await w.backend.call('document-invoice', { invoiceId: invoice.id })) as PdfDocument, 'invoice-cheque-credit.pdf');
    expect(text).toMatch(/Avance déduite\s+-42,00 €/);
    expect(text).toMatch(/Montant dû\s+0,00 €/);
    expect(text).toContain('Solde prépayé restant après cette facture : 58,00 €.');
    expect(text).not.toContain('Report de solde');
  });

  it('carries a cheque payer’s debt forward into the amount due', async () => {
    const w = await createInvoicingWorld();
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Endetté', firstName: 'Yann', paymentMethod: 'cheque' }));
    await w.backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-03-31', amountCents: -1500 });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    const invoice = (await w.invoiceFor((await w.issue(run.id)).run, s))!;
    const text = textOf((await w.backend.call('document-invoice', { invoiceId: invoice.id })) as PdfDocument, 'invoice-cheque-debt.pdf');
    expect(text).toMatch(/Report de solde\s+15,00 €/);
    expect(text).toMatch(/Montant dû\s+57,00 €/);
    expect(text).toContain('Reste à régler par chèque : 57,00 €. Solde prépayé restant : 0,00 €.');
    expect(text).not.toContain('Avance déduite');
  });
});

describe('printed invoice: same document on every reprint (finance-rules §1.4)', () => {
  it('gives identical bytes, records their SHA-256 once, and refuses a reprint that differs', async () => {
    const { w, invoice, print } = await aprilIssued({ logoDataUrl: LOGO });
    expect(invoice.pdfSha256).toBeNull();
    const first = await print();
    const bytes = bytesOf(first);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect((await w.invoice(invoice.id)).pdfSha256).toBe(sha);
    // The creation date is the issue date, not the print time.
    expect(Buffer.from(bytes).toString('latin1')).toContain("/CreationDate (D:20261204120000+00'00')");
    const again = await print();
    expect(again).toEqual(first);
    expect((await w.invoice(invoice.id)).pdfSha256).toBe(sha);
    textOf(first, 'invoice-logo.pdf');
    renderPage('invoice-logo');
    // A new logo (or none) changes nothing for an issued invoice: it reprints with its own.
    await w.backend.call('organisation-update', { ...ORGANISATION, logoDataUrl: null });
    expect(await print()).toEqual(first);
    // A document that no longer matches its recorded hash is refused, never printed differently.
    w.db.run('DROP TRIGGER IF EXISTS invoices_issued_no_update');
    w.db.run("UPDATE invoices SET pdf_sha256 = 'altered' WHERE id = ?", [invoice.id]);
    await expect(print()).rejects.toMatchObject({ type: 'integrity', message: expect.stringContaining('FA-2026-00001 ne se réimprime pas à l’identique') });
  });

  it('prints a draft for review without a number and without recording a hash', async () => {
    const w = await createInvoicingWorld();
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Brouillon' }));
    await w.closeMonth('2026-04');
    const draft = (await w.invoiceFor(await w.prepare('2026-04'), s))!;
    const pdf = (await w.backend.call('document-invoice', { invoiceId: draft.id })) as PdfDocument;
    const text = textOf(pdf, 'invoice-draft.pdf');
    expect(text).toContain('FACTURE — BROUILLON');
    expect(text).toContain('Sans numéro (non émise)');
    expect(text).not.toContain('FA-2026');
    expect(text).toContain('Montant qui sera prélevé (date fixée à l’émission) sur le compte');
    expect((await w.invoice(draft.id)).pdfSha256).toBeNull();
  });
});

describe('printed run and credit notes', () => {
  it('continues a long lines table on the next page under a repeated header, wrapping long labels', async () => {
    const { w, invoice } = await aprilIssued();
    const model = buildInvoiceDocument(w.db, invoice.id);
    const long = 'Grand panier familial avec supplément œufs et fromage de chèvre du GAEC de Kerlann';
    const lines = Array.from({ length: 60 }, (_, i) => ({ ...model.lines[0]!, label: i === 59 ? `${long} (dernier)` : `Panier n° ${i + 1}` }));
    const doc = renderInvoice({ ...model, lines });
    const pages = pdfText(toBytes(doc), 'invoice-long.pdf').split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page).toMatch(/Date\s+Désignation\s+Qté\s+PU HT/);
    const all = pages.join('\n');
    for (let i = 1; i < 60; i++) expect(all).toContain(`Panier n° ${i} `);
    expect(all).toContain('Grand panier familial avec supplément');
    expect(all).toContain('(dernier)');
    expect(pages[1]).toContain('Montant dû');
    expect(pages[1]).toContain('Page 2 / 2');
  });

  it('prints the whole run in one PDF, one invoice per page group, by number', async () => {
    const w = await createInvoicingWorld();
    const names = ['Abalain', 'Bihan', 'Quéré'];
    for (const lastName of names) await w.subscribe(w.depots.riantec, {}, { lastName, firstName: 'Jo' });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    await w.issue(run.id);
    const pdf = (await w.backend.call('document-invoice-run', { runId: run.id })) as PdfDocument;
    expect(pdf).toMatchObject({ fileName: 'factures_2026-04.pdf', pages: 3 });
    const pages = textOf(pdf, 'invoice-run.pdf').split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`N° FA-2026-0000${i + 1}`);
      expect(page).toContain(`Jo ${names[i]}`);
      expect(page).toContain('Page 1 / 1');
      for (const other of names.filter((_, j) => j !== i)) expect(page).not.toContain(`Jo ${other}`);
    });
  });

  it('refuses to print a run with no issued invoice', async () => {
    const w = await createInvoicingWorld();
    await w.subscribe(w.depots.riantec, {}, {});
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    await expect(w.backend.call('document-invoice-run', { runId: run.id })).rejects.toThrow('Aucune facture émise pour 2026-04');
  });

  it('prints a credit note with the invoice’s number and date, the reason and the credited lines', async () => {
    const { w, invoice } = await aprilIssued({ logoDataUrl: LOGO });
    const note = (await w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: [invoice.lines[1]!.id], reason: 'Panier non livré le 14/04' })) as CreditNote;
    const pdf = (await w.backend.call('document-credit-note', { creditNoteId: note.id })) as PdfDocument;
    expect(pdf).toMatchObject({ fileName: 'avoir_AV-2026-00001.pdf', pages: 1 });
    const text = textOf(pdf, 'credit-note.pdf');
    for (const mention of ['AVOIR', 'N° AV-2026-00001', 'Date d’émission : 04/12/2026', 'Sur la facture FA-2026-00001 du 04/12/2026', 'Motif : Panier non livré le 14/04', 'Petit panier du 14/04/2026', 'SIRET 732 829 320 00074', 'Mme Ewen Morvan']) {
      expect(text).toContain(mention);
    }
    expect(text).toMatch(/TVA 5,5 % sur 9,95 € HT\s+0,55 €/);
    expect(text).toMatch(/Total de l’avoir TTC\s+10,50 €/);
    expect(text).not.toContain('07/04/2026');
    renderPage('credit-note');
    expect(await w.backend.call('document-credit-note', { creditNoteId: note.id })).toEqual(pdf);
  });
});

describe('helpers', () => {
  it('encodes the PDF bytes as base64 exactly as Node does, whatever the padding', () => {
    for (let length = 0; length <= 7; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 251) % 256);
      expect(pdfDataUri(bytes)).toBe(`data:application/pdf;filename=generated.pdf;base64,${Buffer.from(bytes).toString('base64')}`);
    }
  });

  it('debits SEPA payers on the 10th of the month after the issue month, across the year end', () => {
    expect(collectionDate(isoDate('2026-12-31'))).toBe('2027-01-10');
    expect(collectionDate(isoDate('2026-01-31'))).toBe('2026-02-10');
  });
});
