import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../support/clock';
import { TEST_NOW } from '../../support/core';
import { validOrganisation } from '../../support/organisation';
import { createInvoicingWorld } from '../invoicing/invoicing-world';

/**
 * Random sequences of SEPA batches, settlements, rejects (before and after settlement),
 * cancellations and transfers on issued invoices: every balance stays the sum of its entries
 * and equals a model kept here; no batch ever collects more than a subscriber owes; refusals
 * change nothing; the hash chain holds.
 */

type Op =
  | { op: 'batch' }
  | { op: 'send'; pick: number }
  | { op: 'settle'; pick: number }
  | { op: 'cancel'; pick: number }
  | { op: 'reject'; pick: number; code: 'AM04' | 'AC04' | 'MD06' }
  | { op: 'transfer'; who: number; amount: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('batch' as const) }) },
  fc.record({ op: fc.constant('send' as const), pick: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('settle' as const), pick: fc.nat() }) },
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reject' as const), pick: fc.nat(), code: fc.constantFrom('AM04' as const, 'AC04' as const, 'MD06' as const) }) },
  fc.record({ op: fc.constant('transfer' as const), who: fc.nat(), amount: fc.integer({ min: 1, max: 6000 }) }),
);

interface Batch {
  id: number;
  status: string;
  collectionDate: string;
  debits: { id: number; subscriberId: number; amountCents: number; status: string }[];
}

const ORG = validOrganisation();
const clock = settableClock(TEST_NOW);
let w: Awaited<ReturnType<typeof createInvoicingWorld>>;
let runId: number;
let subscribers: number[];
let serial = 0;

beforeAll(async () => {
  w = await createInvoicingWorld({ iban: ORG.iban, bic: ORG.bic, sepaCreditorId: ORG.sepaCreditorId }, { clock });
  subscribers = [];
  for (const [i, depot] of [w.depots.ploemeur, w.depots.riantec, w.depots.portLouis, w.depots.guidel].entries()) {
    subscribers.push(await w.subscriberOf(await w.subscribe(depot, {}, { paymentMethod: 'sepa', iban: ORG.iban, mandateRum: `RUM-P-${i}`, mandateSignedOn: '2026-01-02' })));
  }
  await w.closeMonth('2026-11');
  runId = (await w.issue((await w.prepare('2026-11')).id)).run.id;
}, 60_000);

const sumOf = (s: number) => w.db.get<{ total: number }>('SELECT coalesce(sum(amount_cents), 0) AS total FROM ledger_entries WHERE subscriber_id = ?', [s])!.total;
const totalEntries = () => w.db.get<{ n: number }>('SELECT count(*) AS n FROM ledger_entries')!.n;
const batches = async () => ((await w.backend.call('sepa-batch-list', {})) as { id: number; status: string }[]).sort((a, b) => a.id - b.id);
const batch = async (id: number) => (await w.backend.call('sepa-batch-get', { batchId: id })) as Batch;

async function attempt(name: string, input: Record<string, unknown>) {
  const before = totalEntries();
  return w.backend.call(name as never, input as never).then(
    (value) => value as unknown,
    (error: { type?: string; message: string }) => {
      expect(error.type, error.message).not.toBe('internal');
      expect(totalEntries()).toBe(before);
      return null;
    },
  );
}

describe('SEPA batches under random sequences (property)', () => {
  it('keeps balances equal to their entries and to the model, never collects more than owed, and keeps the chain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const model = new Map(subscribers.map((s) => [s, sumOf(s)]));
        for (const op of ops) {
          const all = await batches();
          const pick = (status: string, n: number) => all.filter((b) => b.status === status)[n % Math.max(1, all.filter((b) => b.status === status).length)];
          if (op.op === 'batch') {
            const preview = (await w.backend.call('sepa-batch-preview', { runId })) as { suggestedDate: string; debits: { subscriberId: number; amountCents: number }[] };
            for (const d of preview.debits) expect(d.amountCents).toBeLessThanOrEqual(-sumOf(d.subscriberId));
            await attempt('sepa-batch-create', { runId, collectionDate: preview.suggestedDate });
          } else if (op.op === 'send') {
            const b = pick('ready', op.pick);
            if (b) {
              await attempt('sepa-batch-export', { batchId: b.id });
              await attempt('sepa-batch-mark-sent', { batchId: b.id });
            }
          } else if (op.op === 'settle') {
            const b = pick('sent', op.pick);
            if (b) {
              const detail = await batch(b.id);
              if (`${detail.collectionDate}T12:00:00.000Z` > clock.now().toISOString()) clock.set(`${detail.collectionDate}T12:00:00.000Z`);
              if (await attempt('sepa-batch-settle', { batchId: b.id })) {
                for (const d of detail.debits) if (d.status === 'pending') model.set(d.subscriberId, model.get(d.subscriberId)! + d.amountCents);
              }
            }
          } else if (op.op === 'cancel') {
            const b = pick('ready', op.pick);
            if (b) await attempt('sepa-batch-cancel', { batchId: b.id });
          } else if (op.op === 'reject') {
            const live = all.filter((b) => b.status === 'sent' || b.status === 'settled');
            const b = live[op.pick % Math.max(1, live.length)];
            if (b) {
              const detail = await batch(b.id);
              const d = detail.debits[op.pick % detail.debits.length]!;
              const done = await attempt('sepa-debit-return', { debitId: d.id, kind: b.status === 'settled' ? 'return' : 'reject', code: op.code, date: clock.today() });
              expect(done !== null).toBe(d.status !== 'rejected');
              if (done && b.status === 'settled') model.set(d.subscriberId, model.get(d.subscriberId)! - d.amountCents);
            }
          } else {
            const who = subscribers[op.who % subscribers.length]!;
            if (await attempt('payment-record', { subscriberId: who, amountCents: op.amount, method: 'transfer', reference: `VIR ${++serial}`, date: clock.today() })) {
              model.set(who, model.get(who)! + op.amount);
            }
          }
          for (const s of subscribers) {
            expect(sumOf(s)).toBe(model.get(s));
            expect(((await w.backend.call('ledger-balance', { subscriberId: s })) as { balanceCents: number }).balanceCents).toBe(model.get(s));
          }
        }
        expect(await w.backend.call('ledger-chain-check', {})).toMatchObject({ ok: true });
      }),
      { seed: 7, numRuns: 40 },
    );
  }, 120_000);
});
