import { describe, expect, it } from 'vitest';
import { fixedClock, loadSqlite } from '../../../core';
import { buildJournal, type JournalEntry } from '../../../core/accounting/journal';
import { createDemoDatabase } from '../../../core/demo/generate';
import { TEST_NOW } from '../../support/core';
import { createAccountingWorld } from './accounting-world';

/** `[journal, date, piece, 'account[/aux] debit/credit'…]`: an entry as an accountant reads it. */
const view = (e: JournalEntry) => [e.journal, e.date, e.pieceRef, ...e.lines.map((l) => `${l.account}${l.auxAccount ? `/${l.auxAccount}` : ''} ${l.debitCents}/${l.creditCents}`)];
const ofKind = (entries: readonly JournalEntry[], kind: JournalEntry['kind']) => entries.filter((e) => e.kind === kind).map(view);

describe('sales journal (VT)', () => {
  it('debits the subscriber by what the invoice sells and credits sales per rate, the cotisation and the VAT', async () => {
    const w = await createAccountingWorld();
    const { entries } = buildJournal(w.db, '2026-12-01', '2026-12-31');
    expect(w.morvanInvoice).toMatchObject({ number: 'FA-2026-00002', grossCents: 6200 });
    expect(ofKind(entries, 'sales')).toEqual([
      ['VT', '2026-12-04', 'FA-2026-00001', '411000/ADH000002 5250/0', '701000 0/4975', '445710 0/275'],
      ['VT', '2026-12-04', 'FA-2026-00002', '411000/ADH000001 6200/0', '701000 0/3980', '756100 0/2000', '445710 0/220'],
    ]);
    const morvan = entries.find((e) => e.pieceRef === 'FA-2026-00002')!;
    expect(morvan).toMatchObject({ journalLabel: 'Ventes', pieceDate: '2026-12-04', label: 'Facture FA-2026-00002 Morvan Anne' });
    expect(morvan.lines.map((l) => [l.accountLabel, l.auxLabel ?? null, l.label ?? null])).toEqual([
      ['Adhérents', 'Morvan Anne', null],
      ['Ventes de paniers', null, 'Ventes de paniers TVA 5,5 %'],
      ['Cotisations', null, 'Cotisations'],
      ['TVA collectée', null, 'TVA collectée 5,5 %'],
    ]);
    // Outside the range, nothing.
    expect(buildJournal(w.db, '2026-11-01', '2026-12-03').entries).toEqual([]);
  });

  it('a credit note is its invoice reversed: together they leave every account at zero', async () => {
    const w = await createAccountingWorld();
    await w.backend.call('credit-note-create', { invoiceId: w.morvanInvoice.id, lineIds: 'all', reason: 'Annulation' });
    const { entries } = buildJournal(w.db, '2026-12-04', '2026-12-04');
    const note = entries.find((e) => e.pieceRef === 'AV-2026-00001')!;
    expect(view(note)).toEqual(['VT', '2026-12-04', 'AV-2026-00001', '411000/ADH000001 0/6200', '701000 3980/0', '756100 2000/0', '445710 220/0']);
    expect(note.label).toBe('Avoir AV-2026-00001 sur FA-2026-00002 Morvan Anne');
    const invoice = entries.find((e) => e.pieceRef === 'FA-2026-00002')!;
    const net = new Map<string, number>();
    for (const l of [...invoice.lines, ...note.lines]) net.set(l.account, (net.get(l.account) ?? 0) + l.debitCents - l.creditCents);
    expect([...net.values()]).toEqual([0, 0, 0, 0]);
  });

  it.each(['franchise', 'not_liable', 'exempt'] as const)('has no VAT line when the organisation is %s', async (vatStatus) => {
    const w = await createAccountingWorld({ vatStatus });
    const { entries } = buildJournal(w.db, '2026-12-04', '2026-12-04');
    expect(ofKind(entries, 'sales')).toEqual([
      ['VT', '2026-12-04', 'FA-2026-00001', '411000/ADH000002 5250/0', '701000 0/5250'],
      ['VT', '2026-12-04', 'FA-2026-00002', '411000/ADH000001 6200/0', '701000 0/4200', '756100 0/2000'],
    ]);
    expect(entries.flatMap((e) => e.lines).map((l) => l.label ?? '')).not.toContainEqual(expect.stringContaining('TVA'));
  });

  it('leaves the balance carried forward out: it is not a sale', async () => {
    const w = await createAccountingWorld();
    await w.closeMonth('2026-05');
    const may = await w.issue((await w.prepare('2026-05')).id);
    const invoice = (await w.invoiceFor(may.run, w.morvan))!;
    expect(invoice.lines.map((l) => l.kind)).toContain('balance_forward');
    expect(invoice.amountDueCents).toBe(invoice.grossCents + 6200);
    const entry = buildJournal(w.db, '2026-12-04', '2026-12-04').entries.find((e) => e.pieceRef === invoice.number)!;
    expect(entry.lines[0]).toMatchObject({ auxAccount: 'ADH000001', debitCents: invoice.grossCents, creditCents: 0 });
  });
});

describe('bank journal (BQ)', () => {
  it('writes batches, returns, cheques, deposit slips, other payments, their reversals and refunds', async () => {
    const w = await createAccountingWorld();
    const p = w.payments;
    const [morvanDebit] = p.settledBatch('2026-12-10', [
      { invoiceId: w.morvanInvoice.id, subscriberId: w.morvan, amountCents: 6200, invoiceNumber: w.morvanInvoice.number! },
      { invoiceId: w.leGoffInvoice.id, subscriberId: w.leGoff, amountCents: 5250, invoiceNumber: w.leGoffInvoice.number! },
    ]);
    const c1 = p.cheque(w.leGoff, '1234567', 3000, '2026-12-05');
    const c2 = p.cheque(w.leGoff, '1234568', 2000, '2026-12-06');
    const c3 = p.cheque(w.leGoff, '1234569', 1500, '2026-12-07');
    p.depositSlip('REM-2026-0001', '2026-12-08', [c1, c2]);
    p.sepaReturn(morvanDebit!, '2026-12-15');
    const transfer = p.payment(w.morvan, 'transfer', 6200, '2026-12-16', 'VIR-889');
    const cash = p.payment(w.leGoff, 'cash', 500, '2026-12-17', 'REC-1');
    p.payment(w.leGoff, 'card', 700, '2026-12-18', 'CB-77');
    p.paymentReversal(w.leGoff, cash, 'cash', 500, '2026-12-19');
    p.chequeReturned(c1, '2026-12-20');
    p.chequeReturned(c3, '2026-12-21');
    p.refund(w.morvan, 'cheque', 1000, '2026-12-22', 'CHQ-0042');
    p.refund(w.leGoff, 'cash', 200, '2026-12-23', 'REC-2');
    p.paymentReversal(w.morvan, transfer, 'transfer', 6200, '2026-12-24');
    const { entries } = buildJournal(w.db, '2026-12-05', '2026-12-31');
    expect(ofKind(entries, 'bank')).toEqual([
      // A received cheque waits on 5112 until its deposit slip takes it to the bank.
      ['BQ', '2026-12-05', 'CHQ 1234567', '511200 3000/0', '411000/ADH000002 0/3000'],
      ['BQ', '2026-12-06', 'CHQ 1234568', '511200 2000/0', '411000/ADH000002 0/2000'],
      ['BQ', '2026-12-07', 'CHQ 1234569', '511200 1500/0', '411000/ADH000002 0/1500'],
      ['BQ', '2026-12-08', 'REM-2026-0001', '512000 5000/0', '511200 0/5000'],
      // One entry per batch, the bank's single credit, detailed per debtor.
      ['BQ', '2026-12-10', 'MSG-1', '512000 11450/0', '411000/ADH000001 0/6200', '411000/ADH000002 0/5250'],
      ['BQ', '2026-12-15', 'FA-2026-00002', '411000/ADH000001 6200/0', '512000 0/6200'],
      ['BQ', '2026-12-16', 'VIR-889', '512000 6200/0', '411000/ADH000001 0/6200'],
      ['BQ', '2026-12-17', 'REC-1', '530000 500/0', '411000/ADH000002 0/500'],
      ['BQ', '2026-12-18', 'CB-77', '512000 700/0', '411000/ADH000002 0/700'],
      ['BQ', '2026-12-19', 'ANN-' + String(cash), '411000/ADH000002 500/0', '530000 0/500'],
      // Returned unpaid after its deposit: out of the bank; before it: out of 5112.
      ['BQ', '2026-12-20', 'CHQ 1234567', '411000/ADH000002 3000/0', '512000 0/3000'],
      ['BQ', '2026-12-21', 'CHQ 1234569', '411000/ADH000002 1500/0', '511200 0/1500'],
      ['BQ', '2026-12-22', 'CHQ-0042', '411000/ADH000001 1000/0', '512000 0/1000'],
      ['BQ', '2026-12-23', 'REC-2', '411000/ADH000002 200/0', '530000 0/200'],
      ['BQ', '2026-12-24', 'ANN-' + String(transfer), '411000/ADH000001 6200/0', '512000 0/6200'],
    ]);
    const batch = entries.find((e) => e.pieceRef === 'MSG-1')!;
    expect(batch).toMatchObject({ journalLabel: 'Banque', label: 'Prélèvements SEPA du 10/12/2026 (2)' });
    expect(batch.lines.map((l) => l.label ?? null)).toEqual([null, 'Prélèvement FA-2026-00002', 'Prélèvement FA-2026-00001']);
    expect(entries.find((e) => e.pieceRef === 'REM-2026-0001')!.label).toBe('Remise de chèques n° REM-2026-0001 (2 chèques)');
    expect(entries.find((e) => e.date === '2026-12-15')!.label).toBe('Prélèvement FA-2026-00002 retourné (MD06)');
  });

  it('uses the accounts and journal codes of the settings', async () => {
    const w = await createAccountingWorld();
    const settings = (await w.backend.call('payment-settings-get', {})) as Record<string, unknown>;
    await w.backend.call('payment-settings-update', {
      ...settings,
      accounts: { customers: '4110', sales: '7070', membership: '7562', vat: '445711', bank: '5121', cheques: '5113', cash: '531', opening: '4720' },
      journals: { sales: 've', bank: 'BQ1', opening: 'RAN' },
    });
    w.payments.payment(w.morvan, 'cash', 6200, '2026-12-05', 'REC-9');
    w.payments.opening(w.leGoff, -1200, '2026-12-01');
    const { entries } = buildJournal(w.db, '2026-12-01', '2026-12-31');
    expect(entries.map(view)).toEqual([
      ['RAN', '2026-12-01', 'REPRISE-ADH000002', '4110/ADH000002 1200/0', '4720 0/1200'],
      ['VE', '2026-12-04', 'FA-2026-00001', '4110/ADH000002 5250/0', '7070 0/4975', '445711 0/275'],
      ['VE', '2026-12-04', 'FA-2026-00002', '4110/ADH000001 6200/0', '7070 0/3980', '7562 0/2000', '445711 0/220'],
      ['BQ1', '2026-12-05', 'REC-9', '531 6200/0', '4110/ADH000001 0/6200'],
    ]);
  });
});

describe('opening balances (AN) and history from before Paniers', () => {
  it('puts opening balances first, one per subscriber, against the suspense account', async () => {
    const w = await createAccountingWorld();
    w.payments.opening(w.morvan, 2500, '2026-12-05');
    w.payments.opening(w.leGoff, -4000, '2026-12-05');
    // A correction of the same day is the same opening balance.
    w.payments.opening(w.leGoff, 1000, '2026-12-05');
    const { entries } = buildJournal(w.db, '2026-12-01', '2026-12-31');
    expect(entries.map(view).slice(0, 3)).toEqual([
      // In the subscriber's favour (an advance): 411 credited.
      ['AN', '2026-12-05', 'REPRISE-ADH000001', '411000/ADH000001 0/2500', '471000 2500/0'],
      ['AN', '2026-12-05', 'REPRISE-ADH000002', '411000/ADH000002 3000/0', '471000 0/3000'],
      ['VT', '2026-12-04', 'FA-2026-00001', '411000/ADH000002 5250/0', '701000 0/4975', '445710 0/275'],
    ]);
    expect(entries[0]).toMatchObject({ journalLabel: 'À-nouveaux', label: 'Solde repris Morvan Anne' });
  });

  it('does not export the ledger history without a source document, and counts it', async () => {
    const w = await createAccountingWorld();
    w.payments.legacy(w.morvan, 'invoice', -3000, '2026-11-01');
    w.payments.legacy(w.morvan, 'payment', 3000, '2026-11-10');
    w.payments.legacy(w.leGoff, 'invoice', -1000, '2026-10-01');
    const journal = buildJournal(w.db, '2026-11-01', '2026-12-31');
    expect(journal.skippedLegacyEntries).toBe(2);
    expect(journal.entries.map((e) => e.pieceRef)).toEqual(['FA-2026-00001', 'FA-2026-00002']);
    expect(buildJournal(w.db, '2026-01-01', '2026-12-31').skippedLegacyEntries).toBe(3);
  });
});

describe('on the demo database', () => {
  it('exports the opening balances and the cheques since the cut-over, and counts the imported history instead of exporting it', async () => {
    const db = createDemoDatabase(await loadSqlite(), { subscribers: 40, years: 1, seed: 3, clock: fixedClock(TEST_NOW) });
    const all = db.get<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE kind != 'opening_balance' AND source_type IS NULL")!.n;
    const cheques = db.get<{ n: number }>('SELECT count(*) AS n FROM cheques')!.n;
    const openings = db.get<{ n: number }>("SELECT count(DISTINCT subscriber_id || entry_date) AS n FROM ledger_entries WHERE kind = 'opening_balance'")!.n;
    const journal = buildJournal(db, '2000-01-01', '2099-12-31');
    expect(all).toBeGreaterThan(0);
    expect(openings).toBeGreaterThan(0);
    expect(journal.skippedLegacyEntries).toBe(all);
    expect(cheques).toBeGreaterThan(0);
    expect(journal.entries.filter((e) => e.kind === 'opening')).toHaveLength(openings);
    expect(journal.entries.filter((e) => e.kind === 'bank')).toHaveLength(cheques);
    expect(journal.entries).toHaveLength(openings + cheques);
  });
});
