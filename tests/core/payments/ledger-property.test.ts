import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPaymentsWorld, type PaymentsWorld } from './payments-world';

/**
 * Random sequences of cheques, deposit slips, returns, transfers, cancellations and refunds on
 * a world with issued invoices: every balance stays the sum of its entries and equals a model
 * kept here, a refused operation changes nothing, and the hash chain holds.
 */

type Op =
  | { op: 'cheque'; who: number; amount: number; planned: number; duplicate: boolean }
  | { op: 'deposit'; pick: number; early: boolean }
  | { op: 'return'; pick: number }
  | { op: 'transfer'; who: number; amount: number; withReference: boolean }
  | { op: 'cancel'; pick: number }
  | { op: 'refund'; who: number; amount: number };

const amount = fc.oneof(fc.integer({ min: 1, max: 30_000 }), fc.constant(0));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('cheque' as const), who: fc.nat(), amount, planned: fc.integer({ min: 0, max: 60 }), duplicate: fc.boolean() }),
  fc.record({ op: fc.constant('deposit' as const), pick: fc.nat(), early: fc.boolean() }),
  fc.record({ op: fc.constant('return' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('transfer' as const), who: fc.nat(), amount, withReference: fc.boolean() }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('refund' as const), who: fc.nat(), amount: fc.integer({ min: 0, max: 60_000 }) }),
);

interface ModelCheque {
  id: number;
  who: number;
  number: string;
  amount: number;
  planned: string;
  status: 'received' | 'deposited' | 'returned';
}

let w: PaymentsWorld;
let subscribers: number[];
let serial = 0;

beforeAll(async () => {
  w = await createPaymentsWorld();
  subscribers = [];
  for (const depot of [w.depots.ploemeur, w.depots.riantec, w.depots.portLouis]) {
    subscribers.push(await w.subscriberOf(await w.subscribe(depot, {}, { paymentMethod: 'cheque', iban: '', mandateSignedOn: null })));
  }
  await w.closeMonth('2026-11');
  const issued = await w.issue((await w.prepare('2026-11')).id);
  // Each subscriber starts owing their November invoice.
  expect(issued.issued).toBe(3);
  for (const s of subscribers) expect(sumOf(s)).toBeLessThan(0);
}, 60_000);

const plannedDay = (offset: number) => `2026-12-${String(4 + (offset % 27)).padStart(2, '0')}`;
const balanceOf = async (s: number) => ((await w.call<{ balanceCents: number }>('ledger-balance', { subscriberId: s })).balanceCents);
const sumOf = (s: number) => w.db.get<{ total: number }>('SELECT coalesce(sum(amount_cents), 0) AS total FROM ledger_entries WHERE subscriber_id = ?', [s])!.total;
const totalEntries = () => w.db.get<{ n: number }>('SELECT count(*) AS n FROM ledger_entries')!.n;

/** Runs a call the model expects to succeed or to be refused; a refusal must change nothing. */
async function attempt(expectOk: boolean, name: string, input: Record<string, unknown>) {
  const before = totalEntries();
  const result = await w.backend.call(name as never, input as never).then(
    (value) => ({ ok: true as const, value: value as Record<string, unknown> }),
    (error: { type?: string; message: string }) => ({ ok: false as const, error }),
  );
  expect(result.ok ? 'accepted' : `refused: ${result.error.message}`, `${name} ${JSON.stringify(input)}`).toEqual(expectOk ? 'accepted' : expect.stringMatching(/^refused/));
  if (!result.ok) {
    expect(result.error.type, result.error.message).not.toBe('internal');
    expect(totalEntries()).toBe(before);
  }
  return result.ok ? result.value : null;
}

describe('ledger under random payment sequences (property)', () => {
  it('keeps every balance equal to its entries and to the model; refusals change nothing; the chain holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const model = new Map<number, number>();
        for (const s of subscribers) model.set(s, await balanceOf(s));
        const cheques: ModelCheque[] = [];
        const payments: { id: number; who: number; amount: number; cancelled: boolean }[] = [];
        for (const op of ops) {
          if (op.op === 'cheque') {
            const who = subscribers[op.who % subscribers.length]!;
            const live = cheques.find((c) => c.status !== 'returned');
            const number = op.duplicate && live ? live.number : `P${++serial}`;
            const ok = op.amount > 0 && !(op.duplicate && live);
            const out = await attempt(ok, 'cheque-record', { subscriberId: who, cheques: [{ number, bank: 'Banque Populaire', amountCents: op.amount, plannedDepositOn: plannedDay(op.planned) }] });
            if (out) {
              const [c] = out.cheques as { id: number }[];
              cheques.push({ id: c!.id, who, number, amount: op.amount, planned: plannedDay(op.planned), status: 'received' });
              model.set(who, model.get(who)! + op.amount);
            }
          } else if (op.op === 'deposit' && cheques.length) {
            const c = cheques[op.pick % cheques.length]!;
            const depositDate = '2026-12-15';
            const ok = c.status === 'received' && (op.early || c.planned <= depositDate);
            if (await attempt(ok, 'deposit-slip-create', { chequeIds: [c.id], depositDate, allowEarly: op.early })) c.status = 'deposited';
          } else if (op.op === 'return' && cheques.length) {
            const c = cheques[op.pick % cheques.length]!;
            if (await attempt(c.status !== 'returned', 'cheque-return', { id: c.id, reason: 'Provision insuffisante' })) {
              c.status = 'returned';
              model.set(c.who, model.get(c.who)! - c.amount);
            }
          } else if (op.op === 'transfer') {
            const who = subscribers[op.who % subscribers.length]!;
            const out = await attempt(op.amount > 0 && op.withReference, 'payment-record', {
              subscriberId: who, amountCents: op.amount, method: 'transfer', reference: op.withReference ? `VIR ${++serial}` : '',
            });
            if (out) {
              payments.push({ id: (out.entry as { id: number }).id, who, amount: op.amount, cancelled: false });
              model.set(who, model.get(who)! + op.amount);
            }
          } else if (op.op === 'cancel' && payments.length) {
            const p = payments[op.pick % payments.length]!;
            if (await attempt(!p.cancelled, 'payment-cancel', { entryId: p.id, reason: 'Erreur de saisie' })) {
              p.cancelled = true;
              model.set(p.who, model.get(p.who)! - p.amount);
            }
          } else if (op.op === 'refund') {
            const who = subscribers[op.who % subscribers.length]!;
            const credit = model.get(who)!;
            if (await attempt(op.amount > 0 && op.amount <= credit, 'refund-record', { subscriberId: who, amountCents: op.amount, method: 'transfer' })) {
              model.set(who, credit - op.amount);
            }
          }
          for (const s of subscribers) {
            const balance = await balanceOf(s);
            expect(balance).toBe(sumOf(s));
            expect(balance).toBe(model.get(s));
          }
          expect(await w.call('ledger-chain-check', {})).toMatchObject({ ok: true });
        }
      }),
      { seed: 2026, numRuns: 50 },
    );
  }, 120_000);
});
