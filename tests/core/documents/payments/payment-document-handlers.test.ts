import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../support/pdf';
import { createPaymentsWorld, recordCheques } from '../../payments/payments-world';

interface Pdf {
  fileName: string;
  dataUri: string;
  pages: number;
}
/** The text with runs of spaces collapsed (pdftotext -layout aligns columns with spaces). */
const text = (pdf: Pdf) =>
  pdfText(new Uint8Array(Buffer.from(pdf.dataUri.slice(pdf.dataUri.indexOf('base64,') + 7), 'base64')), `from-records-${pdf.fileName}`)
    .replaceAll('\u00a0', ' ')
    .replace(/ {2,}/g, ' ');

describe('payment documents from the records', () => {
  it('prints the deposit slip as recorded, with the account frozen on the slip', async () => {
    const w = await createPaymentsWorld();
    const s = await w.payer({ lastName: 'Le Gall', firstName: 'Hélène' });
    const cheques = await recordCheques(w, s, [
      { number: '0001234', bank: 'Crédit Agricole', amountCents: 13650, plannedDepositOn: '2026-12-04' },
      { number: '0001235', bank: 'Crédit Agricole', drawer: 'Yann Le Gall', amountCents: 13650, plannedDepositOn: '2026-12-04' },
    ]);
    const { slip } = await w.call<{ slip: { id: number; number: string } }>('deposit-slip-create', { chequeIds: cheques.map((c) => c.id), depositDate: '2026-12-04' });
    // A later change of the association's account does not change a slip already made.
    await w.backend.call('organisation-update', { ...((await w.backend.call('organisation-get', {})) as object), iban: 'FR76 3000 6000 0112 3456 7890 189' });
    const pdf = await w.call<Pdf>('document-deposit-slip', { slipId: slip.id });
    expect(pdf).toMatchObject({ fileName: `bordereau-${slip.number}.pdf`, pages: 1 });
    const lines = text(pdf);
    expect(lines).toContain('FR76 3000 4000 0312 3456 7890 143');
    expect(lines).not.toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(lines).toMatch(/1 Hélène Le Gall Crédit Agricole 0001234 136,50 €/);
    expect(lines).toMatch(/2 Yann Le Gall Crédit Agricole 0001235 Hélène Le Gall 136,50 €/);
    expect(lines).toMatch(/Total : 2 chèques 273,00 €/);
  });

  it('writes one letter per chosen low-balance payer and one reminder per chosen debtor, and refuses an empty choice', async () => {
    const w = await createPaymentsWorld();
    const low = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Bas', paymentMethod: 'cheque', iban: '', mandateRum: '', mandateSignedOn: null }));
    const other = await w.payer({ lastName: 'Autre' });
    const letters = await w.call<Pdf>('document-low-balance-letters', { subscriberIds: [low, other] });
    expect(letters.pages).toBe(2);
    expect(text(letters)).toMatch(/Objet : Votre solde de paniers/);
    await expect(w.backend.call('document-low-balance-letters', { subscriberIds: [] })).rejects.toMatchObject({ fields: { subscriberIds: 'Choisissez au moins un adhérent.' } });

    await w.closeMonth('2026-04');
    await w.issue((await w.prepare('2026-04')).id);
    const reminders = await w.call<Pdf>('document-payment-reminders', { subscriberIds: [low, other] });
    expect(reminders.pages).toBe(1);
    const reminder = text(reminders);
    expect(reminder).toMatch(/RELANCE/);
    expect(reminder).toMatch(/FA-2026-00001/);
    await expect(w.backend.call('document-payment-reminders', { subscriberIds: [other] })).rejects.toMatchObject({ fields: { subscriberIds: expect.stringContaining('ne doit de somme') } });
  });
});
