import { describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../core/documents/document-handlers';
import { createInvoicingWorld } from '../invoicing/invoicing-world';
import { pdfText } from '../../support/pdf';

const bytesOf = (pdf: PdfDocument) => new Uint8Array(Buffer.from(pdf.dataUri.slice(pdf.dataUri.indexOf('base64,') + 7), 'base64'));

describe('account statement (relevé de compte)', () => {
  it('lists the opening balance, each invoice and credit with the running balance, and says what is owed', async () => {
    const w = await createInvoicingWorld();
    const subscriber = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Morvan', firstName: 'Ewen' }));
    await w.backend.call('ledger-opening-balance-set', { subscriberId: subscriber, date: '2026-04-01', amountCents: 1500, label: 'Reprise du 10 avril' });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    await w.issue(run.id);
    const pdf = (await w.backend.call('document-ledger-statement', { subscriberId: subscriber })) as PdfDocument;
    const text = pdfText(bytesOf(pdf), 'statement.pdf').replaceAll('\u00a0', ' ');
    expect(pdf.fileName).toBe('releve-ewen-morvan_2026-12-04.pdf');
    expect(text).toContain('Relevé de compte');
    expect(text).toContain('Ewen Morvan');
    expect(text).toMatch(/Reprise du 10 avril\s+15,00 €\s+15,00 €/);
    expect(text).toContain('FA-2026-00001');
    // Four April Tuesdays at 10,50 € = 42,00 €, less the 15,00 € advance: 27,00 € to pay.
    expect(text).toContain('Solde : 27,00 € à régler');
    expect(await w.balance(subscriber)).toBe(-2700);
  });
});
