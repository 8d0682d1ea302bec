import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../core/dates/dates';
import { ageDebts, bucketOf, type AgingMovement } from '../../../core/payments/aging';
import type { UnpaidSubscriber } from '../../../core/payments/unpaid';
import { createPaymentsWorld } from './payments-world';

let nextId = 0;
const m = (date: string, amountCents: number, extra: Partial<AgingMovement> = {}): AgingMovement => ({
  id: ++nextId,
  date,
  kind: amountCents < 0 ? 'invoice' : 'payment',
  amountCents,
  reference: '',
  invoiceId: amountCents < 0 ? nextId : null,
  reversesId: null,
  ...extra,
});
const AT = isoDate('2026-12-04');

describe('FIFO ageing (pure)', () => {
  it.each([
    [0, 'upTo30Cents'],
    [30, 'upTo30Cents'],
    [31, 'from31To60Cents'],
    [60, 'from31To60Cents'],
    [61, 'over60Cents'],
  ] as const)('a debt %i days old is in %s', (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
  });

  it.each([
    ['nothing', [], 0, [], [0, 0, 0]],
    ['a part payment of an old invoice', [m('2026-10-01', -5000), m('2026-12-01', 2000)], -3000, [[3000, 64]], [0, 0, 3000]],
    ['credits pay the oldest invoice first', [m('2026-10-20', -3000), m('2026-11-20', -3000), m('2026-12-02', 3500)], -2500, [[2500, 14]], [2500, 0, 0]],
    ['an advance payment pays a later invoice', [m('2026-09-01', 10000), m('2026-10-01', -4000), m('2026-11-01', -4000), m('2026-12-01', -4000)], -2000, [[2000, 3]], [2000, 0, 0]],
    ['a credit bigger than the debts leaves nothing unpaid', [m('2026-10-01', -5000), m('2026-10-05', 6000)], 1000, [], [0, 0, 0]],
    ['entries after the day do not count', [m('2026-11-01', -5000), m('2026-12-05', 5000)], -5000, [[5000, 33]], [0, 5000, 0]],
    ['a refund is a debt of its own date', [m('2026-12-01', 1000), m('2026-12-02', -1500, { kind: 'refund', invoiceId: null })], -500, [[500, 2]], [500, 0, 0]],
  ] as const)('%s', (_name, movements, balance, unpaid, [b30, b60, over]) => {
    const aging = ageDebts(movements as unknown as AgingMovement[], AT);
    expect(aging.balanceCents).toBe(balance);
    expect(aging.unpaid.map((u) => [u.remainingCents, u.ageDays])).toEqual(unpaid);
    expect(aging.buckets).toEqual({ upTo30Cents: b30, from31To60Cents: b60, over60Cents: over });
  });

  it('groups the baskets and the fee of one invoice into one debt', () => {
    const aging = ageDebts([m('2026-10-10', -4200, { invoiceId: 7, reference: 'F-2026-0007' }), m('2026-10-10', -2000, { invoiceId: 7, reference: 'F-2026-0007' }), m('2026-11-01', 1000)], AT);
    expect(aging.unpaid).toEqual([{ invoiceId: 7, entryId: expect.any(Number), date: '2026-10-10', kind: 'invoice', reference: 'F-2026-0007', amountCents: 6200, remainingCents: 5200, ageDays: 55 }]);
  });

  it('a returned cheque reopens the invoice it paid, with the invoice’s age', () => {
    const invoice = m('2026-10-01', -5000);
    const cheque = m('2026-10-05', 5000, { kind: 'payment' });
    const reversal = m('2026-11-30', -5000, { kind: 'payment_reversal', invoiceId: null, reversesId: cheque.id });
    const aging = ageDebts([invoice, cheque, reversal], AT);
    expect(aging.unpaid.map((u) => [u.invoiceId, u.remainingCents, u.ageDays])).toEqual([[invoice.invoiceId, 5000, 64]]);
  });

  it('leaves unpaid exactly what the balance owes, for any movements', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }), amount: fc.integer({ min: -50_000, max: 50_000 }) }), { maxLength: 25 }), (raw) => {
        const movements = raw.map((r) => m(`2026-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`, r.amount));
        const aging = ageDebts(movements, AT);
        const unpaid = aging.unpaid.reduce((s, u) => s + u.remainingCents, 0);
        expect(unpaid).toBe(Math.max(0, -aging.balanceCents));
        expect(aging.buckets.upTo30Cents + aging.buckets.from31To60Cents + aging.buckets.over60Cents).toBe(unpaid);
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe('unpaid-list', () => {
  it('lists negative balances with their unpaid invoices, ages and totals', async () => {
    const w = await createPaymentsWorld();
    const late = await w.subscriberOf(await w.subscribe(w.depots.ploemeur, {}, { firstName: 'Ewen', lastName: 'Morvan', paymentMethod: 'transfer' }));
    const fine = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { paymentMethod: 'cheque', iban: '', mandateSignedOn: null }));
    await w.call('ledger-opening-balance-set', { subscriberId: late, date: '2026-09-01', amountCents: -3000 });
    await w.call('payment-record', { subscriberId: fine, amountCents: 50000, method: 'cash', date: '2026-11-02' });
    await w.closeMonth('2026-11');
    const run = await w.prepare('2026-11');
    await w.issue(run.id);
    await w.call('payment-record', { subscriberId: late, amountCents: 2000, method: 'transfer', reference: 'VIR 1', date: '2026-12-01' });
    const invoice = w.db.get<{ id: number; number: string; gross_cents: number; issue_date: string }>('SELECT id, number, gross_cents, issue_date FROM invoices WHERE subscriber_id = ?', [late])!;
    const out = await w.call<{ at: string; subscribers: UnpaidSubscriber[]; totals: Record<string, number> }>('unpaid-list', {});
    expect(out.at).toBe('2026-12-04');
    expect(out.subscribers.map((s) => s.subscriberId)).toEqual([late]);
    const [row] = out.subscribers;
    expect(row).toMatchObject({
      name: 'Ewen Morvan',
      paymentMethod: 'transfer',
      balanceCents: -(1000 + invoice.gross_cents),
      owedCents: 1000 + invoice.gross_cents,
      oldestUnpaidInvoiceDate: '2026-12-04',
      debtAgeDays: 94,
      buckets: { upTo30Cents: invoice.gross_cents, from31To60Cents: 0, over60Cents: 1000 },
    });
    expect(row!.invoices).toEqual([{ invoiceId: invoice.id, number: invoice.number, date: invoice.issue_date, totalCents: invoice.gross_cents, remainingCents: invoice.gross_cents, ageDays: 0 }]);
    expect(row!.otherDebts).toEqual([{ entryId: expect.any(Number), kind: 'opening_balance', date: '2026-09-01', reference: '', amountCents: 3000, remainingCents: 1000, ageDays: 94 }]);
    expect(out.totals).toEqual({ count: 1, owedCents: 1000 + invoice.gross_cents, upTo30Cents: invoice.gross_cents, from31To60Cents: 0, over60Cents: 1000 });
    // On 1 October only the opening debt existed, 30 days old.
    const earlier = await w.call<{ subscribers: UnpaidSubscriber[] }>('unpaid-list', { at: '2026-10-01' });
    expect(earlier.subscribers.map((s) => [s.subscriberId, s.owedCents, s.buckets.upTo30Cents])).toEqual([[late, 3000, 3000]]);
    expect((await w.refusal('unpaid-list', { at: '01/10/2026' })).fields).toEqual({ at: 'Date invalide (attendu AAAA-MM-JJ).' });
  });
});
