import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInvoicingWorld } from './invoicing-world';

async function issuedWorld() {
  const w = await createInvoicingWorld();
  const s = await w.subscriberOf(await w.subscribe(w.depots.riantec));
  await w.closeMonth('2026-04');
  const run = await w.prepare('2026-04');
  await w.issue(run.id);
  const invoice = await w.invoiceFor(run, s);
  const note = (await w.backend.call('credit-note-create', { invoiceId: invoice!.id, lineIds: [invoice!.lines[0]!.id], reason: 'Non livré' })) as { id: number };
  return { w, invoice: invoice!, noteId: note.id };
}

describe('issued invoices and credit notes never change', () => {
  it.each([
    ['UPDATE invoices SET amount_due_cents = 0 WHERE id = :invoice', /immutable/],
    ['UPDATE invoices SET number = NULL, status = \'draft\' WHERE id = :invoice', /immutable/],
    ['DELETE FROM invoices WHERE id = :invoice', /immutable/],
    ['UPDATE invoice_lines SET gross_cents = 1 WHERE invoice_id = :invoice', /immutable/],
    ['DELETE FROM invoice_lines WHERE invoice_id = :invoice', /immutable/],
    ["INSERT INTO invoice_lines (invoice_id, position, kind, label, unit_price_cents, net_cents, vat_cents, gross_cents) VALUES (:invoice, 99, 'credit', 'x', -1, -1, 0, -1)", /immutable/],
    ['UPDATE credit_notes SET reason = \'autre\' WHERE id = :note', /immutable/],
    ['DELETE FROM credit_notes WHERE id = :note', /immutable/],
    ['UPDATE credit_note_lines SET gross_cents = 0 WHERE credit_note_id = :note', /immutable/],
    ['DELETE FROM credit_note_lines WHERE credit_note_id = :note', /immutable/],
    ["UPDATE invoice_runs SET status = 'draft'", /immutable/],
    ['DELETE FROM invoice_runs', /immutable/],
  ])('%s fails', async (sql, error) => {
    const { w, invoice, noteId } = await issuedWorld();
    expect(() => w.db.run(sql, { ':invoice': invoice.id, ':note': noteId })).toThrow(error);
  });

  it('lets the PDF hash be recorded once, and only that', async () => {
    const { w, invoice } = await issuedWorld();
    w.db.run('UPDATE invoices SET pdf_sha256 = ? WHERE id = ?', ['ab'.repeat(32), invoice.id]);
    expect(() => w.db.run('UPDATE invoices SET pdf_sha256 = ? WHERE id = ?', ['cd'.repeat(32), invoice.id])).toThrow(/immutable/);
  });

  it('refuses a duplicate number at the index, the third guard', async () => {
    const { w, invoice } = await issuedWorld();
    const other = w.db.get<{ id: number }>("SELECT id FROM invoices WHERE status = 'draft' OR status = 'excluded' LIMIT 1");
    expect(other).toBeUndefined();
    expect(() =>
      w.db.run("INSERT INTO invoices (run_id, subscriber_id, status, number, period_start, period_end, created_at) VALUES (?, ?, 'issued', ?, '2026-05-01', '2026-05-31', 'x')", [
        invoice.runId,
        invoice.subscriberId + 1000,
        invoice.number,
      ]),
    ).toThrow(/UNIQUE|FOREIGN KEY/);
  });
});

type Op = { kind: 'issue' } | { kind: 'failed-issue' } | { kind: 'credit'; pick: number; all: boolean } | { kind: 'failed-credit' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'issue' }),
  fc.constant<Op>({ kind: 'failed-issue' }),
  fc.record({ kind: fc.constant('credit' as const), pick: fc.nat(20), all: fc.boolean() }),
  fc.constant<Op>({ kind: 'failed-credit' }),
);

const serial = (numbers: string[], prefix: string) =>
  numbers.map((n) => {
    expect(n.startsWith(prefix)).toBe(true);
    return Number(n.slice(prefix.length));
  });

describe('numbering and the ledger under random sequences (property)', () => {
  it('numbers stay gap-free and in order, and every balance is the sum of its entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 2, maxLength: 6 }), fc.integer({ min: -3000, max: 6000 }), async (ops, opening) => {
        const w = await createInvoicingWorld();
        const subscribers = [
          await w.subscriberOf(await w.subscribe(w.depots.riantec)),
          await w.subscriberOf(await w.subscribe(w.depots.riantec, { quantity: 2 })),
          await w.subscriberOf(await w.subscribe(w.depots.riantec, { startDate: '2026-02-10' })),
        ];
        await w.backend.call('ledger-opening-balance-set', { subscriberId: subscribers[0]!, date: '2025-12-31', amountCents: opening });
        let month = 1;
        for (const op of ops) {
          const m = `2026-${String(month).padStart(2, '0')}`;
          if (op.kind === 'issue' || op.kind === 'failed-issue') {
            await w.closeMonth(m);
            const run = await w.prepare(m);
            if (op.kind === 'failed-issue') {
              // The last invoice by name fails after the others took their numbers: all must roll back.
              w.db.exec(`CREATE TEMP TRIGGER fail_issue BEFORE INSERT ON ledger_entries WHEN NEW.subscriber_id = ${run.invoices.at(-1)!.subscriberId} BEGIN SELECT RAISE(ABORT, 'panne simulée'); END;`);
              await expect(w.issue(run.id)).rejects.toThrow();
              w.db.exec('DROP TRIGGER fail_issue');
            } else {
              await w.issue(run.id);
              month++;
            }
          } else {
            const issued = w.db.all<{ id: number }>("SELECT id FROM invoices WHERE status = 'issued' ORDER BY id");
            if (op.kind === 'failed-credit' || issued.length === 0) {
              await expect(w.backend.call('credit-note-create', { invoiceId: issued[0]?.id ?? 1, lineIds: [999999], reason: 'Essai' })).rejects.toThrow();
              continue;
            }
            const invoice = await w.invoice(issued[op.pick % issued.length]!.id);
            const open = invoice.lines.filter((l) => (l.kind === 'basket' || l.kind === 'membership') && !l.creditNoteNumber);
            const call = w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: op.all ? 'all' : [open[0]?.id ?? 999999], reason: 'Correction' });
            if (open.length === 0) await expect(call).rejects.toThrow();
            else await call;
          }
        }
        const fa = w.db.all<{ number: string }>("SELECT number FROM invoices WHERE number IS NOT NULL ORDER BY id").map((r) => r.number);
        const av = w.db.all<{ number: string }>('SELECT number FROM credit_notes ORDER BY id').map((r) => r.number);
        expect(serial(fa, 'FA-2026-')).toEqual(fa.map((_, i) => i + 1));
        expect(serial(av, 'AV-2026-')).toEqual(av.map((_, i) => i + 1));
        for (const s of subscribers) {
          const invoiced = w.db.get<{ t: number }>("SELECT coalesce(sum(gross_cents), 0) AS t FROM invoices WHERE subscriber_id = ? AND status = 'issued'", [s])!.t;
          const credited = w.db.get<{ t: number }>('SELECT coalesce(sum(gross_cents), 0) AS t FROM credit_notes WHERE subscriber_id = ?', [s])!.t;
          const expected = (s === subscribers[0] ? opening : 0) - invoiced + credited;
          const statement = (await w.backend.call('ledger-statement', { subscriberId: s })) as { entries: { amountCents: number }[]; closingCents: number };
          expect(await w.balance(s)).toBe(expected);
          expect(statement.closingCents).toBe(expected);
          expect(statement.entries.reduce((t, e) => t + e.amountCents, 0)).toBe(expected);
        }
      }),
      { seed: 20261204, numRuns: 8 },
    );
  }, 120_000);
});
