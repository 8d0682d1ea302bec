import { describe, expect, it } from 'vitest';
import { formulaFields } from '../../support/catalog';
import type { LowBalance } from '../../../core/payments/balances';
import { quarterlyAmount } from '../../../core/payments/quarterly-flat';
import { createPaymentsWorld, type PaymentsWorld } from './payments-world';

const CHEQUE = { paymentMethod: 'cheque', iban: '', mandateSignedOn: null };

interface ListOut {
  from: string;
  to: string;
  thresholdCents: number;
  subscribers: LowBalance[];
  emails: string[];
}

/** A cheque payer at Ploemeur (Tuesdays) with `credit` cents paid in advance. */
async function chequePayer(w: PaymentsWorld, credit: number, subscription: Record<string, unknown> = {}, who: Record<string, unknown> = {}) {
  const chainId = await w.subscribe(w.depots.ploemeur, subscription, { ...CHEQUE, ...who });
  const id = await w.subscriberOf(chainId);
  if (credit) await w.call('payment-record', { subscriberId: id, amountCents: credit, method: 'cash', date: '2026-12-01' });
  return { id, chainId };
}

describe('quarterly amount of a formula (pure)', () => {
  it.each([
    [{ flatCents: 13000, priceCents: 1050, quantity: 1, frequency: 'weekly' }, 13000, 'formula'],
    [{ flatCents: 13000, priceCents: 1050, quantity: 2, frequency: 'weekly' }, 26000, 'formula'],
    [{ flatCents: null, priceCents: 1050, quantity: 1, frequency: 'weekly' }, 13650, 'computed'],
    [{ flatCents: null, priceCents: 1050, quantity: 1, frequency: 'biweekly_even' }, 6825, 'computed'],
    [{ flatCents: null, priceCents: 1051, quantity: 1, frequency: 'biweekly_odd' }, 6832, 'computed'],
    [{ flatCents: null, priceCents: 1050, quantity: 2, frequency: 'monthly' }, 6300, 'computed'],
  ] as const)('%j → %i (%s)', (line, amountCents, source) => {
    expect(quarterlyAmount(line)).toEqual({ amountCents, source });
  });

  it('has no amount without a flat or a price', () => {
    expect(quarterlyAmount({ flatCents: null, priceCents: null, quantity: 1, frequency: 'weekly' })).toBeNull();
  });
});

describe('low-balance-list and low-balance-get', () => {
  it('lists the cheque payers under the threshold after the baskets still expected this month, lowest first', async () => {
    const w = await createPaymentsWorld();
    const empty = await chequePayer(w, 0, {}, { email: 'vide@example.fr' });
    const double = await chequePayer(w, 10000, { quantity: 2 });
    const rich = await chequePayer(w, 20000);
    const sepa = await w.subscriberOf(await w.subscribe(w.depots.ploemeur));
    const out = await w.call<ListOut>('low-balance-list', {});
    expect([out.from, out.to, out.thresholdCents]).toEqual(['2026-12-05', '2026-12-31', 5000]);
    expect(out.subscribers.map((s) => [s.subscriberId, s.balanceCents, s.plannedCents, s.expectedBalanceCents])).toEqual([
      [empty.id, 0, 4200, -4200],
      [double.id, 10000, 8400, 1600],
    ]);
    expect(out.emails[0]).toBe('vide@example.fr');
    const first = out.subscribers[0]!;
    // Tuesdays at Ploemeur after Friday 4 December 2026, at 10,50 €.
    expect(first.baskets.map((b) => [b.date, b.formulaName, b.quantity, b.amountCents])).toEqual([
      ['2026-12-08', 'Petit panier', 1, 1050],
      ['2026-12-15', 'Petit panier', 1, 1050],
      ['2026-12-22', 'Petit panier', 1, 1050],
      ['2026-12-29', 'Petit panier', 1, 1050],
    ]);
    expect(first).toMatchObject({ depotName: 'Ploemeur', uninvoicedCents: 0, expectedBasketsCents: 4200, thresholdCents: 5000 });
    expect(first.quarterly).toEqual({
      amountCents: 13000,
      formulaLabel: 'Petit panier',
      lines: [{ chainId: empty.chainId, formulaId: w.formulas.petit, formulaName: 'Petit panier', quantity: 1, frequency: 'weekly', amountCents: 13000, source: 'formula' }],
    });
    expect(await w.call('low-balance-get', { subscriberId: empty.id })).toMatchObject({ subscriberId: empty.id, expectedBalanceCents: -4200 });
    expect(await w.call('low-balance-get', { subscriberId: rich.id })).toBeNull();
    expect(await w.call('low-balance-get', { subscriberId: sepa })).toBeNull();
  });

  it('leaves out cancelled baskets, counts delivered baskets not yet invoiced, and follows the threshold setting', async () => {
    const w = await createPaymentsWorld();
    const payer = await chequePayer(w, 9000);
    await w.call('cancellation-create', { chainId: payer.chainId, fromDate: '2026-12-14', toDate: '2026-12-20', reason: 'Vacances', confirmLate: true });
    const before = (await w.call<ListOut>('low-balance-list', {})).subscribers;
    expect(before).toEqual([]);
    // Closing November's weeks records the baskets of 27 Oct to 1 Dec: not invoiced until the run.
    await w.closeMonth('2026-11');
    const [row] = (await w.call<ListOut>('low-balance-list', {})).subscribers;
    expect(row).toMatchObject({ balanceCents: 9000, plannedCents: 3150, uninvoicedCents: 6300, expectedBasketsCents: 9450, expectedBalanceCents: -450 });
    const settings = await w.call<Record<string, unknown>>('payment-settings-get', {});
    await w.call('payment-settings-update', { ...settings, lowBalanceThresholdCents: 0 });
    expect((await w.call<ListOut>('low-balance-list', {})).subscribers.map((s) => s.subscriberId)).toEqual([payer.id]);
    await w.call('payment-record', { subscriberId: payer.id, amountCents: 450, method: 'cash' });
    expect((await w.call<ListOut>('low-balance-list', {})).subscribers).toEqual([]);
  });

  it('plans from a given day to the end of its month, with the balance before that day, and computes a missing flat', async () => {
    const w = await createPaymentsWorld();
    const noFlat = ((await w.backend.call('formula-create', formulaFields({ code: 'SANS', name: 'Panier sans forfait', quarterlyFlatCents: null, priceCents: 1000 }))) as { id: number }).id;
    const chainId = await w.subscribe(w.depots.ploemeur, { formulaId: noFlat, frequency: 'biweekly_even' }, CHEQUE);
    const id = await w.subscriberOf(chainId);
    await w.call('payment-record', { subscriberId: id, amountCents: 5999, method: 'cash', date: '2026-12-10' });
    await w.call('payment-record', { subscriberId: id, amountCents: 9000, method: 'cash', date: '2026-12-20' });
    const out = await w.call<LowBalance>('low-balance-get', { subscriberId: id, from: '2026-12-16' });
    // Even ISO weeks in the second half of December 2026: week 52 (22 Dec).
    expect(out.baskets.map((b) => b.date)).toEqual(['2026-12-22']);
    expect(out).toMatchObject({ balanceCents: 5999, plannedCents: 1000, expectedBalanceCents: 4999 });
    // From the 21st the payment of the 20th counts: 149,99 € − 10 € is above the threshold.
    expect(await w.call('low-balance-get', { subscriberId: id, from: '2026-12-21' })).toBeNull();
    expect(out.quarterly).toMatchObject({ amountCents: 6500, lines: [{ source: 'computed', frequency: 'biweekly_even' }] });
  });

  it('refuses an invalid date and an unknown subscriber gives null (not a cheque payer)', async () => {
    const w = await createPaymentsWorld();
    expect((await w.refusal('low-balance-list', { from: '2026-13-01' })).fields).toEqual({ from: 'Date de début invalide (attendu AAAA-MM-JJ).' });
    expect(await w.call('low-balance-get', { subscriberId: 9999 })).toBeNull();
  });
});
