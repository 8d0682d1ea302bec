import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../core/accounting/entries';
import { FEC_COLUMNS, fecAmount, fecContent, fecFileName } from '../../../core/accounting/fec';
import { cents } from '../../../core/money/money';
import { createAccountingWorld } from './accounting-world';

interface ExportResult {
  fileName: string;
  content: string;
  entries: number;
  lines: number;
  totals: { debitCents: number; creditCents: number };
  byJournal: { code: string; kind: string; label: string; entries: number; debitCents: number }[];
  skippedLegacyEntries: number;
}

const HEADER = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** The FEC's records as cells, the header apart. */
function parseFec(content: string) {
  expect(content.endsWith('\r\n')).toBe(true);
  const [header, ...records] = content.slice(0, -2).split('\r\n');
  return { header: header!, rows: records.map((r) => Object.fromEntries(r.split('\t').map((cell, i) => [FEC_COLUMNS[i] ?? `extra${i}`, cell])) as Record<(typeof FEC_COLUMNS)[number], string>) };
}
const amountOf = (text: string) => Number(text.replace(',', '.')) * 100;

async function exportedWorld() {
  const w = await createAccountingWorld();
  const [debit] = w.payments.settledBatch('2026-12-10', [{ invoiceId: w.morvanInvoice.id, subscriberId: w.morvan, amountCents: 6200, invoiceNumber: w.morvanInvoice.number! }]);
  w.payments.sepaReturn(debit!, '2026-12-14', 'AM04');
  const cheque = w.payments.cheque(w.leGoff, '0001', 5250, '2026-12-02');
  w.payments.depositSlip('REM-1', '2026-12-04', [cheque]);
  w.payments.opening(w.leGoff, 1234, '2026-12-03');
  await w.backend.call('credit-note-create', { invoiceId: w.leGoffInvoice.id, lineIds: [w.leGoffInvoice.lines[0]!.id], reason: 'Panier non livré' });
  const result = (await w.backend.call('accounting-export', { from: '2026-12-01', to: '2026-12-31', format: 'fec' })) as ExportResult;
  return { w, result, ...parseFec(result.content) };
}

describe('FEC (A47 A-1 LPF)', () => {
  it('has the 18 columns in their legal order, tab-separated, with dates AAAAMMJJ and comma amounts', async () => {
    const { header, rows, result } = await exportedWorld();
    expect(header).toBe(HEADER);
    expect(FEC_COLUMNS.join('\t')).toBe(HEADER);
    expect(result.content.split('\r\n').filter(Boolean).every((r) => r.split('\t').length === 18)).toBe(true);
    expect(result.fileName).toBe('732829320FEC20261231.txt');
    for (const r of rows) {
      expect(r.EcritureDate).toMatch(/^202612(0[1-9]|[12]\d|3[01])$/);
      expect(r.PieceDate).toMatch(/^\d{8}$/);
      // ValidDate: the day the entries were handed over, the export's day.
      expect(r.ValidDate).toBe('20261204');
      expect(r.Debit).toMatch(/^\d+,\d\d$/);
      expect(r.Credit).toMatch(/^\d+,\d\d$/);
      expect([r.Debit, r.Credit]).toContain('0,00');
      expect([r.EcritureLet, r.DateLet, r.Montantdevise, r.Idevise]).toEqual(['', '', '', '']);
      expect(r.JournalCode).toMatch(/^(AN|VT|BQ)$/);
      expect(r.CompteNum).toMatch(/^\d+$/);
      expect(r.PieceRef).not.toBe('');
      expect(r.EcritureLib).not.toBe('');
    }
    expect(rows).toHaveLength(result.lines);
  });

  it('numbers entries continuously from 1, opening balances first then by date and journal, each balanced', async () => {
    const { rows, result } = await exportedWorld();
    const numbers = [...new Set(rows.map((r) => Number(r.EcritureNum)))];
    expect(numbers).toEqual(Array.from({ length: result.entries }, (_, i) => i + 1));
    // Lines of one entry are contiguous.
    expect(rows.map((r) => Number(r.EcritureNum))).toEqual([...rows.map((r) => Number(r.EcritureNum))].sort((a, b) => a - b));
    const firstOf = numbers.map((n) => rows.find((r) => Number(r.EcritureNum) === n)!);
    expect(firstOf.map((r) => [r.JournalCode, r.EcritureDate, r.PieceRef])).toEqual([
      ['AN', '20261203', 'REPRISE-ADH000002'],
      ['BQ', '20261202', 'CHQ 0001'],
      ['BQ', '20261204', 'REM-1'],
      ['VT', '20261204', 'FA-2026-00001'],
      ['VT', '20261204', 'FA-2026-00002'],
      ['VT', '20261204', 'AV-2026-00001'],
      ['BQ', '20261210', 'MSG-1'],
      ['BQ', '20261214', 'FA-2026-00002'],
    ]);
    for (const n of numbers) {
      const lines = rows.filter((r) => Number(r.EcritureNum) === n);
      expect(lines.reduce((s, r) => s + amountOf(r.Debit), 0)).toBeCloseTo(lines.reduce((s, r) => s + amountOf(r.Credit), 0), 6);
    }
    expect(result.totals.debitCents).toBe(result.totals.creditCents);
    expect(rows.reduce((s, r) => s + amountOf(r.Debit), 0)).toBeCloseTo(result.totals.debitCents, 6);
  });

  it('writes a subscriber line with its auxiliary account, and a label on every line', async () => {
    const { rows } = await exportedWorld();
    const invoice = rows.filter((r) => r.PieceRef === 'FA-2026-00002' && r.JournalCode === 'VT');
    expect(invoice.map((r) => [r.CompteNum, r.CompteLib, r.CompAuxNum, r.CompAuxLib, r.EcritureLib, r.Debit, r.Credit])).toEqual([
      ['411000', 'Adhérents', 'ADH000001', 'Morvan Anne', 'Facture FA-2026-00002 Morvan Anne', '62,00', '0,00'],
      ['701000', 'Ventes de paniers', '', '', 'Ventes de paniers TVA 5,5 %', '0,00', '39,80'],
      ['756100', 'Cotisations', '', '', 'Cotisations', '0,00', '20,00'],
      ['445710', 'TVA collectée', '', '', 'TVA collectée 5,5 %', '0,00', '2,20'],
    ]);
    expect(invoice.every((r) => r.JournalLib === 'Ventes' && r.PieceDate === '20261204')).toBe(true);
  });

  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [99, '0,99'],
    [123450, '1234,50'],
    [100_000_000, '1000000,00'],
  ])('writes %i cents as %s', (value, text) => {
    expect(fecAmount(value)).toBe(text);
  });

  it('turns tabs and line breaks of a text into spaces, so a record stays one line of 18 fields', () => {
    const entry: JournalEntry = {
      kind: 'bank',
      journal: 'BQ',
      journalLabel: 'Banque',
      date: '2026-03-01',
      pieceRef: 'VIR\t12',
      pieceDate: '2026-03-01',
      label: 'Virement\r\nde mars',
      lines: [
        { account: '512000', accountLabel: 'Banque', debitCents: cents(100), creditCents: cents(0) },
        { account: '411000', accountLabel: 'Adhérents', auxAccount: 'ADH000001', auxLabel: 'SARL\tLe\nJardin', debitCents: cents(0), creditCents: cents(100) },
      ],
    };
    const { rows } = parseFec(fecContent([entry], '2026-03-31'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ PieceRef: 'VIR 12', EcritureLib: 'Virement de mars', CompAuxLib: 'SARL Le Jardin', ValidDate: '20260331' });
  });

  it('names the file after the SIREN (the SIRET’s first 9 digits) and the period’s end', () => {
    expect(fecFileName('73282932000074', '2026-12-31')).toBe('732829320FEC20261231.txt');
    expect(fecFileName('732 829 320 00074', '2027-03-31')).toBe('732829320FEC20270331.txt');
  });
});

describe('accounting-export handler', () => {
  it('returns the file, its counts and totals per journal', async () => {
    const { result } = await exportedWorld();
    expect(result).toEqual({
      fileName: '732829320FEC20261231.txt',
      content: expect.stringMatching(/^JournalCode\t/),
      entries: 8,
      lines: 20,
      totals: { debitCents: 36634, creditCents: 36634 },
      byJournal: [
        { code: 'AN', kind: 'opening', label: 'À-nouveaux', entries: 1, debitCents: 1234 },
        { code: 'VT', kind: 'sales', label: 'Ventes', entries: 3, debitCents: 5250 + 6200 + 1050 },
        { code: 'BQ', kind: 'bank', label: 'Banque', entries: 4, debitCents: 5250 + 5250 + 6200 + 6200 },
      ],
      skippedLegacyEntries: 0,
    });
  });

  it('refuses a FEC without the SIRET, and says where to fill it in; the CSV needs none', async () => {
    const w = await createAccountingWorld();
    const organisation = (await w.backend.call('organisation-get', {})) as Record<string, unknown>;
    await w.backend.call('organisation-update', { ...organisation, siret: '' });
    await expect(w.backend.call('accounting-export', { from: '2026-01-01', to: '2026-12-31', format: 'fec' })).rejects.toMatchObject({
      type: 'conflict',
      message: expect.stringContaining('Paramètres → Organisation'),
    });
    await expect(w.backend.call('accounting-export', { from: '2026-01-01', to: '2026-12-31', format: 'csv' })).resolves.toMatchObject({ entries: 2 });
  });

  it('refuses an end before the start, accepts more than a year', async () => {
    const w = await createAccountingWorld();
    await expect(w.backend.call('accounting-export', { from: '2026-12-31', to: '2026-12-30', format: 'fec' })).rejects.toMatchObject({
      fields: { to: expect.stringContaining('précède la date de début') },
    });
    await expect(w.backend.call('accounting-export', { from: '2026-02-30', to: '2026-12-30', format: 'fec' })).rejects.toMatchObject({ fields: { from: expect.any(String) } });
    await expect(w.backend.call('accounting-export', { from: '2026-01-01', to: '2026-12-31', format: 'pdf' })).rejects.toMatchObject({ fields: { format: expect.any(String) } });
    await expect(w.backend.call('accounting-export', { from: '2025-01-01', to: '2027-06-30', format: 'fec' })).resolves.toMatchObject({ entries: 2, fileName: '732829320FEC20270630.txt' });
    // A single day is a valid period.
    await expect(w.backend.call('accounting-export', { from: '2026-12-04', to: '2026-12-04', format: 'fec' })).resolves.toMatchObject({ entries: 2 });
  });
});
