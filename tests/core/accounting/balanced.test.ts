import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_ENTRY_SQL } from '../../../core/accounting/bank-journal';
import { fecContent } from '../../../core/accounting/fec';
import { buildJournal } from '../../../core/accounting/journal';
import { addDays, isoDate } from '../../../core/dates/dates';
import { createCreditNote } from '../../../core/invoicing/credit-notes';
import { TEST_NOW } from '../../support/core';
import { createAccountingWorld } from './accounting-world';

const ROLLBACK = Symbol('rollback');

type World = Awaited<ReturnType<typeof createAccountingWorld>>;

const day = fc.integer({ min: 0, max: 40 }).map((n) => addDays(isoDate('2026-11-28'), n));
const amount = fc.integer({ min: 1, max: 50_000 });
const sub = fc.integer({ min: 0, max: 1 });
const pick = fc.nat();
const op = fc.oneof(
  fc.record({ t: fc.constant('batch' as const), invoices: fc.subarray([0, 1, 2, 3], { minLength: 1 }), amount, day }),
  fc.record({ t: fc.constant('sepaReturn' as const), pick, day }),
  fc.record({ t: fc.constant('cheque' as const), sub, amount, day }),
  fc.record({ t: fc.constant('deposit' as const), count: fc.integer({ min: 1, max: 3 }), day }),
  fc.record({ t: fc.constant('chequeReturn' as const), pick, day }),
  fc.record({ t: fc.constant('payment' as const), sub, method: fc.constantFrom('transfer' as const, 'cash' as const, 'card' as const), amount, day }),
  fc.record({ t: fc.constant('reversal' as const), pick, day }),
  fc.record({ t: fc.constant('refund' as const), sub, method: fc.constantFrom('transfer' as const, 'cheque' as const, 'cash' as const), amount, day }),
  fc.record({ t: fc.constant('opening' as const), sub, amount: fc.integer({ min: -50_000, max: 50_000 }).filter((n) => n !== 0), day }),
  fc.record({ t: fc.constant('creditNote' as const), invoice: fc.integer({ min: 0, max: 3 }), day }),
  fc.record({ t: fc.constant('legacy' as const), sub, kind: fc.constantFrom('invoice' as const, 'payment' as const), amount, day }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Plays the operations as the payment screens would, keeping the model's constraints (one live debit per invoice…). */
function play(w: World, invoices: { id: number; number: string; subscriberId: number }[], ops: readonly Op[]) {
  const p = w.payments;
  const subscribers = [w.morvan, w.leGoff];
  const live = new Set<number>();
  const debits: ReturnType<typeof p.settledBatch> = [];
  const received: ReturnType<typeof p.cheque>[] = [];
  const cheques: ReturnType<typeof p.cheque>[] = [];
  const payments: { id: number; subscriberId: number; method: 'transfer' | 'cash' | 'card'; amount: number }[] = [];
  const credited = new Set<number>();
  let slips = 0;
  for (const o of ops) {
    switch (o.t) {
      case 'batch': {
        const chosen = o.invoices.map((i) => invoices[i]!).filter((i) => !live.has(i.id));
        if (chosen.length === 0) break;
        chosen.forEach((i) => live.add(i.id));
        debits.push(...p.settledBatch(o.day, chosen.map((i) => ({ invoiceId: i.id, subscriberId: i.subscriberId, amountCents: o.amount, invoiceNumber: i.number }))));
        break;
      }
      case 'sepaReturn': {
        const d = debits.splice(o.pick % Math.max(debits.length, 1), 1)[0];
        if (!d) break;
        live.delete(d.invoiceId);
        p.sepaReturn(d, o.day);
        break;
      }
      case 'cheque': {
        const c = p.cheque(subscribers[o.sub]!, `C${cheques.length}`, o.amount, o.day);
        received.push(c);
        cheques.push(c);
        break;
      }
      case 'deposit': {
        const chosen = received.splice(0, o.count);
        if (chosen.length > 0) p.depositSlip(`REM-${++slips}`, o.day, chosen);
        break;
      }
      case 'chequeReturn': {
        const c = cheques.splice(o.pick % Math.max(cheques.length, 1), 1)[0];
        if (!c) break;
        received.splice(received.indexOf(c) >>> 0, received.includes(c) ? 1 : 0);
        p.chequeReturned(c, o.day);
        break;
      }
      case 'payment':
        payments.push({ id: p.payment(subscribers[o.sub]!, o.method, o.amount, o.day, `REF-${payments.length}`), subscriberId: subscribers[o.sub]!, method: o.method, amount: o.amount });
        break;
      case 'reversal': {
        const x = payments.splice(o.pick % Math.max(payments.length, 1), 1)[0];
        if (x) p.paymentReversal(x.subscriberId, x.id, x.method, x.amount, o.day);
        break;
      }
      case 'refund':
        p.refund(subscribers[o.sub]!, o.method, o.amount, o.day, `RBT-${o.day}`);
        break;
      case 'opening':
        p.opening(subscribers[o.sub]!, o.amount, o.day);
        break;
      case 'creditNote': {
        const invoice = invoices[o.invoice]!;
        if (credited.has(invoice.id)) break;
        credited.add(invoice.id);
        createCreditNote(w.db, { invoiceId: invoice.id, lineIds: 'all', reason: 'Test' }, o.day, TEST_NOW);
        break;
      }
      case 'legacy':
        p.legacy(subscribers[o.sub]!, o.kind, o.kind === 'invoice' ? -o.amount : o.amount, o.day);
        break;
    }
  }
}

describe('every export is balanced', () => {
  let w: World;
  let invoices: { id: number; number: string; subscriberId: number }[];
  beforeAll(async () => {
    w = await createAccountingWorld();
    await w.closeMonth('2026-05');
    const may = await w.issue((await w.prepare('2026-05')).id);
    const mayInvoices = await Promise.all([w.morvan, w.leGoff].map(async (s) => (await w.invoiceFor(may.run, s))!));
    invoices = [w.morvanInvoice, w.leGoffInvoice, ...mayInvoices].map((i) => ({ id: i.id, number: i.number!, subscriberId: i.subscriberId }));
  });

  /** What must hold for any export: checked inside the run's transaction. */
  function checkExport(from: string, to: string) {
    const { entries } = buildJournal(w.db, from, to);
    for (const e of entries) {
      expect(e.lines.reduce((s, l) => s + l.debitCents, 0)).toBe(e.lines.reduce((s, l) => s + l.creditCents, 0));
      expect(e.lines.every((l) => l.debitCents >= 0 && l.creditCents >= 0 && (l.debitCents === 0) !== (l.creditCents === 0))).toBe(true);
      expect(e.date >= from && e.date <= to).toBe(true);
    }
    const records = fecContent(entries, '2026-12-31').split('\r\n').slice(1, -1).map((r) => r.split('\t'));
    expect(records.every((r) => r.length === 18)).toBe(true);
    expect([...new Set(records.map((r) => Number(r[2])))]).toEqual(entries.map((_, i) => i + 1));
    // The subscribers' accounts in the export move exactly as their ledger (history from before Paniers aside).
    const auxNet = new Map<string, number>();
    for (const l of entries.flatMap((e) => e.lines)) if (l.auxAccount) auxNet.set(l.auxAccount, (auxNet.get(l.auxAccount) ?? 0) + l.creditCents - l.debitCents);
    for (const [i, s] of [w.morvan, w.leGoff].entries()) {
      const ledger = w.db.get<{ total: number | null }>(`SELECT sum(amount_cents) AS total FROM ledger_entries e WHERE subscriber_id = ? AND entry_date BETWEEN ? AND ? AND NOT ${LEGACY_ENTRY_SQL}`, [s, from, to])!;
      expect(auxNet.get(`ADH00000${i + 1}`) ?? 0).toBe(ledger.total ?? 0);
    }
  }

  it('for random movements and periods: each entry balanced, debit = credit, FEC numbered 1…n, and each 411 account equal to the ledger', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), day, day, (ops, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        try {
          // One transaction per run, always rolled back: every run starts from the same issued invoices.
          w.db.transaction(() => {
            play(w, invoices, ops);
            checkExport(from, to);
            throw ROLLBACK;
          });
        } catch (error) {
          if (error !== ROLLBACK) throw error;
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });
});
