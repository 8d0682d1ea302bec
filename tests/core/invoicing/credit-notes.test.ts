import { describe, expect, it } from 'vitest';
import type { CreditNote } from '../../../core/invoicing/credit-notes';
import { createInvoicingWorld } from './invoicing-world';

async function aprilIssued() {
  const w = await createInvoicingWorld();
  const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Morvan', paymentMethod: 'sepa', iban: 'FR76 3000 6000 0112 3456 7890 189', mandateRum: 'RUM-0001', mandateSignedOn: '2026-01-02' }));
  await w.closeMonth('2026-04');
  const run = await w.prepare('2026-04');
  const issued = await w.issue(run.id);
  const invoice = (await w.invoiceFor(issued.run, s))!;
  return { w, s, invoice };
}

describe('credit notes', () => {
  it('credits chosen lines with their own series, referencing the invoice, and credits the ledger', async () => {
    const { w, s, invoice } = await aprilIssued();
    expect(invoice).toMatchObject({ number: 'FA-2026-00001', issueDate: '2026-12-04', grossCents: 4200 });
    expect(invoice.snapshot.payment).toEqual({ method: 'sepa', ibanMasked: 'FR76 •••• 0189', mandateRum: 'RUM-0001', mandateSignedOn: '2026-01-02', collectionDate: '2027-01-11' });
    expect(invoice.snapshot.organisation).toMatchObject({ legalName: 'Optim’ism', siret: '73282932000074', vatStatus: 'liable' });
    // The snapshot is frozen: a later move or new IBAN does not change the issued invoice.
    w.db.run("UPDATE subscribers SET address_line1 = '9 quai Neuf', iban = '' WHERE id = ?", [s]);
    expect((await w.invoice(invoice.id)).snapshot).toEqual(invoice.snapshot);
    expect(invoice.snapshot.subscriber).toMatchObject({ lastName: 'Morvan', addressLine1: '3 impasse des Mouettes', postcode: '56100' });
    const [first, second] = invoice.lines;
    const note = (await w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: [second!.id], reason: 'Panier non livré' })) as CreditNote;
    expect(note).toMatchObject({ number: 'AV-2026-00001', invoiceNumber: 'FA-2026-00001', invoiceDate: '2026-12-04', netCents: 995, vatCents: 55, grossCents: 1050 });
    expect(note.lines.map((l) => l.label)).toEqual(['Petit panier du 14/04/2026']);
    expect(await w.balance(s)).toBe(-4200 + 1050);
    // A line is credited once: never more than what was invoiced.
    await expect(w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: [second!.id], reason: 'Encore' })).rejects.toMatchObject({
      fields: { lineIds: expect.stringContaining('déjà remboursée') },
    });
    const rest = (await w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: 'all', reason: 'Annulation' })) as CreditNote;
    expect(rest).toMatchObject({ number: 'AV-2026-00002', grossCents: 3150 });
    expect(rest.lines.map((l) => l.invoiceLineId)).not.toContain(second!.id);
    expect(rest.lines.map((l) => l.invoiceLineId)).toContain(first!.id);
    await expect(w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: 'all', reason: 'Encore' })).rejects.toThrow('il ne reste rien à créditer');
    expect(await w.balance(s)).toBe(0);
    const after = await w.invoice(invoice.id);
    expect(after.creditNotes.map((c) => c.number)).toEqual(['AV-2026-00001', 'AV-2026-00002']);
    expect(after.grossCents).toBe(4200);
  });

  it('refuses a credit note on a draft, and asks for a reason', async () => {
    const w = await createInvoicingWorld();
    await w.subscribe(w.depots.riantec);
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    await expect(w.backend.call('credit-note-create', { invoiceId: run.invoices[0]!.id, lineIds: 'all', reason: 'x' })).rejects.toThrow('Seule une facture émise');
    await expect(w.backend.call('credit-note-create', { invoiceId: run.invoices[0]!.id, lineIds: 'all', reason: ' ' })).rejects.toMatchObject({
      fields: { reason: 'Indiquez la raison de l’avoir (exemple : panier non livré le 14/04).' },
    });
  });

  it('proposes the matching credit note when an invoiced delivery is corrected', async () => {
    const { w, invoice } = await aprilIssued();
    const line = invoice.lines.find((l) => l.date === '2026-04-21')!;
    expect(await w.backend.call('credit-note-proposal', { deliveryId: line.deliveryId! })).toBeNull();
    await w.backend.call('delivery-correct', { id: line.deliveryId!, status: 'not_delivered', reason: 'Camion en panne', by: 'Paul' });
    const proposal = (await w.backend.call('credit-note-proposal', { deliveryId: line.deliveryId! })) as { invoiceNumber: string; lineIds: number[]; grossCents: number; reason: string };
    expect(proposal).toMatchObject({ invoiceNumber: 'FA-2026-00001', lineIds: [line.id], grossCents: 1050, reason: 'Panier du 21/04/2026 non facturable après correction' });
    await w.backend.call('credit-note-create', { invoiceId: invoice.id, lineIds: proposal.lineIds, reason: proposal.reason });
    expect(await w.backend.call('credit-note-proposal', { deliveryId: line.deliveryId! })).toBeNull();
  });

  it('a failed issue takes no number: the next issue starts at 00001', async () => {
    const w = await createInvoicingWorld();
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec));
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    w.db.exec(`CREATE TEMP TRIGGER fail_issue BEFORE INSERT ON ledger_entries WHEN NEW.subscriber_id = ${s} BEGIN SELECT RAISE(ABORT, 'panne simulée'); END;`);
    await expect(w.issue(run.id)).rejects.toThrow();
    w.db.exec('DROP TRIGGER fail_issue');
    expect(w.db.get("SELECT count(*) AS n FROM invoices WHERE status = 'issued'")).toEqual({ n: 0 });
    expect(await w.issue(run.id)).toMatchObject({ firstNumber: 'FA-2026-00001' });
  });

  it('numbers a run in subscriber-name order', async () => {
    const w = await createInvoicingWorld();
    const names = ['Le Goff', 'Éon', 'Abalain', 'Lebrun'];
    const ids = new Map<number, string>();
    for (const lastName of names) ids.set(await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName })), lastName);
    await w.closeMonth('2026-04');
    const issued = await w.issue((await w.prepare('2026-04')).id);
    const numbered = issued.run.invoices.map((i) => [ids.get(i.subscriberId), i.number]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(numbered).toEqual([
      ['Abalain', 'FA-2026-00001'],
      ['Éon', 'FA-2026-00002'],
      ['Le Goff', 'FA-2026-00003'],
      ['Lebrun', 'FA-2026-00004'],
    ]);
  });

  it('finds invoices by number or by subscriber, and lists runs by month', async () => {
    const { w, invoice } = await aprilIssued();
    const search = async (query: string) => ((await w.backend.call('invoice-search', { query })) as { id: number; number: string }[]).map((i) => i.number);
    expect(await search('fa-2026-00001')).toEqual(['FA-2026-00001']);
    expect(await search('morvan')).toEqual(['FA-2026-00001']);
    expect(await search('dupont')).toEqual([]);
    expect(await w.backend.call('invoice-run-list', {})).toEqual([{ id: invoice.runId, month: '2026-04', status: 'issued', count: 1, grossCents: 4200, amountDueCents: 4200 }]);
  });

  it('refuses to issue a draft whose membership another issued month has billed since', async () => {
    const w = await createInvoicingWorld();
    const type = ((await w.backend.call('membership-type-create', { label: 'Solidaire', amountCents: 2000 })) as { id: number }).id;
    await w.subscribe(w.depots.riantec, {}, { membershipTypeId: type });
    await w.closeMonth('2026-04');
    await w.closeMonth('2026-05');
    const april = await w.prepare('2026-04');
    const may = await w.prepare('2026-05');
    await w.issue(may.id);
    await expect(w.issue(april.id)).rejects.toThrow('cotisation est déjà facturée');
    const rebuilt = await w.prepare('2026-04');
    expect((await w.invoice(rebuilt.invoices[0]!.id)).lines.filter((l) => l.kind === 'membership')).toEqual([]);
  });
});
