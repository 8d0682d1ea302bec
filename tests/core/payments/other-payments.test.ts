import { describe, expect, it } from 'vitest';
import { addEntry } from '../../../core/ledger/ledger';
import { createPaymentsWorld, recordCheques } from './payments-world';

interface Out {
  entry: { id: number; subscriberId: number; date: string; kind: string; amountCents: number; method: string | null; reference: string; label: string; reversesId: number | null };
  balanceCents: number;
}

async function withPayer() {
  const w = await createPaymentsWorld();
  const s = await w.payer();
  return { w, s };
}

describe('payment-record', () => {
  it.each([
    [{ method: 'transfer', reference: 'VIR 2026-118', amountCents: 4200 }, 'Virement VIR 2026-118', 'VIR 2026-118'],
    [{ method: 'cash', amountCents: 2000 }, 'Espèces', ''],
    [{ method: 'card', amountCents: 1500, reference: 'TPE 0042', label: 'Marché de Noël' }, 'Marché de Noël', 'TPE 0042'],
  ])('records %j as a payment credited to the subscriber', async (input, label, reference) => {
    const { w, s } = await withPayer();
    const out = await w.call<Out>('payment-record', { subscriberId: s, date: '2026-12-02', ...input });
    expect(out.entry).toMatchObject({ subscriberId: s, date: '2026-12-02', kind: 'payment', amountCents: input.amountCents, method: input.method, reference, label, reversesId: null });
    expect(out.balanceCents).toBe(input.amountCents);
    expect(w.db.get("SELECT source_type, source_id FROM ledger_entries WHERE id = ?", [out.entry.id])).toEqual({ source_type: 'payment', source_id: null });
  });

  it('dates a payment today by default', async () => {
    const { w, s } = await withPayer();
    expect((await w.call<Out>('payment-record', { subscriberId: s, amountCents: 100, method: 'cash' })).entry.date).toBe('2026-12-04');
  });

  it.each([
    [{ method: 'transfer', amountCents: 4200 }, 'reference', 'Indiquez la référence du virement (telle qu’elle figure sur le relevé bancaire).'],
    [{ method: 'cash', amountCents: 0 }, 'amountCents', 'Montant du règlement : le montant doit être supérieur à 0 €.'],
    [{ method: 'cash', amountCents: -500 }, 'amountCents', 'Montant du règlement : le montant doit être supérieur à 0 €.'],
    [{ method: 'sepa', amountCents: 500 }, 'method', 'Mode de règlement : virement, espèces ou carte bancaire (chèques et prélèvements ont leur écran).'],
    [{ method: 'cash', amountCents: 500, date: '2026-02-30' }, 'date', 'Date du règlement invalide (attendu AAAA-MM-JJ).'],
  ])('refuses %j naming the field', async (input, field, message) => {
    const { w, s } = await withPayer();
    const e = await w.refusal('payment-record', { subscriberId: s, ...input });
    expect(e.fields).toEqual({ [field]: message });
    expect(e.message).toContain(message);
    expect(w.entryCount(s)).toBe(0);
  });
});

describe('payment-cancel', () => {
  it('reverses a payment with a linked entry, once', async () => {
    const { w, s } = await withPayer();
    const paid = await w.call<Out>('payment-record', { subscriberId: s, amountCents: 4200, method: 'transfer', reference: 'VIR 118', date: '2026-12-01' });
    const out = await w.call<Out>('payment-cancel', { entryId: paid.entry.id, reason: 'Saisi sur le mauvais adhérent' });
    expect(out.entry).toMatchObject({ kind: 'payment_reversal', amountCents: -4200, method: 'transfer', reference: 'VIR 118', reversesId: paid.entry.id, date: '2026-12-04' });
    expect(out.entry.label).toBe('Annulation : Virement VIR 118 (Saisi sur le mauvais adhérent)');
    expect(out.balanceCents).toBe(0);
    const again = await w.refusal('payment-cancel', { entryId: paid.entry.id, reason: 'Encore' });
    expect(again).toMatchObject({ type: 'conflict', message: 'Ce règlement a déjà été annulé le 04/12/2026.' });
    expect(w.entryCount(s)).toBe(2);
  });

  it('sends cheques and SEPA debits to their own screens, and refuses other entries', async () => {
    const { w, s } = await withPayer();
    await recordCheques(w, s, [{ number: '1', bank: 'CIC', amountCents: 1000 }]);
    const cheque = w.db.get<{ id: number }>("SELECT id FROM ledger_entries WHERE method = 'cheque'")!.id;
    expect(await w.refusal('payment-cancel', { entryId: cheque, reason: 'x' })).toMatchObject({ type: 'conflict', message: 'Un chèque ne s’annule pas ici : marquez-le comme impayé depuis l’écran Chèques.' });
    const sepa = w.db.transaction(() => addEntry(w.db, { subscriberId: s, date: '2026-12-01', kind: 'payment', amountCents: 500, method: 'sepa', sourceType: 'sepa_debit', sourceId: null }, '2026-12-04T09:00:00.000Z'));
    expect(await w.refusal('payment-cancel', { entryId: sepa, reason: 'x' })).toMatchObject({
      type: 'conflict',
      message: 'Un prélèvement SEPA ne s’annule pas ici : enregistrez son rejet ou son retour depuis l’écran Prélèvements.',
    });
    const opening = ((await w.call<{ balanceCents: number }>('ledger-opening-balance-set', { subscriberId: await w.payer(), date: '2026-01-01', amountCents: -300 })), w.db.get<{ id: number }>("SELECT id FROM ledger_entries WHERE kind = 'opening_balance'")!.id);
    expect(await w.refusal('payment-cancel', { entryId: opening, reason: 'x' })).toMatchObject({ type: 'conflict', message: 'Seul un règlement par virement, espèces ou carte peut être annulé ici ; une facture se corrige par un avoir.' });
    expect(await w.refusal('payment-cancel', { entryId: 9999, reason: 'x' })).toMatchObject({ type: 'not-found' });
  });

  it('requires a reason and a date not before the payment', async () => {
    const { w, s } = await withPayer();
    const paid = await w.call<Out>('payment-record', { subscriberId: s, amountCents: 4200, method: 'cash', date: '2026-12-03' });
    expect((await w.refusal('payment-cancel', { entryId: paid.entry.id, reason: '' })).fields).toEqual({
      reason: 'Indiquez pourquoi ce règlement est annulé (exemple : saisi sur le mauvais adhérent).',
    });
    expect((await w.refusal('payment-cancel', { entryId: paid.entry.id, reason: 'Erreur', date: '2026-12-01' })).fields).toEqual({
      date: 'L’annulation ne peut pas précéder le règlement (03/12/2026) ; corrigez la date.',
    });
    expect(w.entryCount(s)).toBe(1);
  });
});

describe('refund-record', () => {
  it('pays back part or all of a credit', async () => {
    const { w, s } = await withPayer();
    await w.call('payment-record', { subscriberId: s, amountCents: 5000, method: 'cash' });
    const out = await w.call<Out>('refund-record', { subscriberId: s, amountCents: 3000, method: 'cheque', reference: 'Chèque 5521' });
    expect(out.entry).toMatchObject({ kind: 'refund', amountCents: -3000, method: 'cheque', reference: 'Chèque 5521', label: 'Remboursement de l’avoir (chèque Chèque 5521)' });
    expect(out.balanceCents).toBe(2000);
    expect((await w.call<Out>('refund-record', { subscriberId: s, amountCents: 2000, method: 'transfer' })).balanceCents).toBe(0);
  });

  it('refuses more than the credit, saying the credit in euros, and a subscriber with no credit', async () => {
    const { w, s } = await withPayer();
    await w.call('payment-record', { subscriberId: s, amountCents: 1250, method: 'cash' });
    expect((await w.refusal('refund-record', { subscriberId: s, amountCents: 1251, method: 'transfer' })).fields).toEqual({
      amountCents: 'Le remboursement (12,51\u00a0€) dépasse l’avoir de l’adhérent (12,50\u00a0€) ; indiquez au plus 12,50\u00a0€.',
    });
    const debtor = await w.payer();
    await w.call('ledger-opening-balance-set', { subscriberId: debtor, date: '2026-01-01', amountCents: -800 });
    expect((await w.refusal('refund-record', { subscriberId: debtor, amountCents: 100, method: 'cash' })).fields).toEqual({
      amountCents: 'Cet adhérent n’a pas d’avoir à rembourser (solde : -8,00\u00a0€).',
    });
    expect((await w.refusal('refund-record', { subscriberId: s, amountCents: 100, method: 'card' })).fields).toEqual({ method: 'Mode de remboursement : virement, chèque ou espèces.' });
    expect(w.entryCount(s)).toBe(1);
    expect(w.entryCount(debtor)).toBe(1);
  });
});
