import { describe, expect, it } from 'vitest';
import { createAccountingWorld } from './accounting-world';

const HEADERS = ['Journal', 'Date', 'Pièce', 'Compte', 'Libellé du compte', 'Compte auxiliaire', 'Adhérent', 'Libellé', 'Débit', 'Crédit'];

/** What a spreadsheet does with the file: BOM, CRLF records, `;` cells (none of ours needs quotes here). */
function parseCsv(content: string): string[][] {
  expect(content.startsWith('\ufeff')).toBe(true);
  expect(content.endsWith('\r\n')).toBe(true);
  return content.slice(1, -2).split('\r\n').map((line) => line.split(';'));
}
const amountOf = (text: string) => (text === '' ? 0 : Math.round(Number(text.replace(',', '.')) * 100));

describe('accountant’s CSV', () => {
  it('opens with the French columns, one row per line of every journal, dates jj/mm/aaaa and comma decimals', async () => {
    const w = await createAccountingWorld();
    const cheque = w.payments.cheque(w.leGoff, '0001', 5250, '2026-12-05');
    w.payments.depositSlip('REM-1', '2026-12-06', [cheque]);
    w.payments.opening(w.morvan, -990, '2026-12-01');
    const result = (await w.backend.call('accounting-export', { from: '2026-12-01', to: '2026-12-31', format: 'csv' })) as { fileName: string; content: string; lines: number; totals: { debitCents: number } };
    expect(result.fileName).toBe('ecritures-comptables-2026-12-01-au-2026-12-31.csv');
    const [header, ...rows] = parseCsv(result.content);
    expect(header).toEqual(HEADERS);
    expect(rows).toHaveLength(result.lines);
    expect(rows.every((r) => r.length === HEADERS.length)).toBe(true);
    expect(rows).toEqual([
      ['AN', '01/12/2026', 'REPRISE-ADH000001', '411000', 'Adhérents', 'ADH000001', 'Morvan Anne', 'Solde repris Morvan Anne', '9,90', ''],
      ['AN', '01/12/2026', 'REPRISE-ADH000001', '471000', 'Reprise des soldes (compte d’attente)', '', '', 'Solde repris Morvan Anne', '', '9,90'],
      ['VT', '04/12/2026', 'FA-2026-00001', '411000', 'Adhérents', 'ADH000002', 'Le Goff Yann', 'Facture FA-2026-00001 Le Goff Yann', '52,50', ''],
      ['VT', '04/12/2026', 'FA-2026-00001', '701000', 'Ventes de paniers', '', '', 'Ventes de paniers TVA 5,5 %', '', '49,75'],
      ['VT', '04/12/2026', 'FA-2026-00001', '445710', 'TVA collectée', '', '', 'TVA collectée 5,5 %', '', '2,75'],
      ['VT', '04/12/2026', 'FA-2026-00002', '411000', 'Adhérents', 'ADH000001', 'Morvan Anne', 'Facture FA-2026-00002 Morvan Anne', '62,00', ''],
      ['VT', '04/12/2026', 'FA-2026-00002', '701000', 'Ventes de paniers', '', '', 'Ventes de paniers TVA 5,5 %', '', '39,80'],
      ['VT', '04/12/2026', 'FA-2026-00002', '756100', 'Cotisations', '', '', 'Cotisations', '', '20,00'],
      ['VT', '04/12/2026', 'FA-2026-00002', '445710', 'TVA collectée', '', '', 'TVA collectée 5,5 %', '', '2,20'],
      ['BQ', '05/12/2026', 'CHQ 0001', '511200', 'Chèques à encaisser', '', '', 'Chèque Crédit Agricole n° 0001', '52,50', ''],
      ['BQ', '05/12/2026', 'CHQ 0001', '411000', 'Adhérents', 'ADH000002', 'Le Goff Yann', 'Chèque Crédit Agricole n° 0001', '', '52,50'],
      ['BQ', '06/12/2026', 'REM-1', '512000', 'Banque', '', '', 'Remise de chèques n° REM-1 (1 chèque)', '52,50', ''],
      ['BQ', '06/12/2026', 'REM-1', '511200', 'Chèques à encaisser', '', '', 'Remise de chèques n° REM-1 (1 chèque)', '', '52,50'],
    ]);
    const debit = rows.reduce((s, r) => s + amountOf(r[8]!), 0);
    expect(debit).toBe(rows.reduce((s, r) => s + amountOf(r[9]!), 0));
    expect(debit).toBe(result.totals.debitCents);
  });

  it('quotes a label with a separator and neutralises one a spreadsheet would run as a formula', async () => {
    const w = await createAccountingWorld();
    w.db.run("UPDATE subscribers SET last_name = '=HYPERLINK(\"x\";\"y\")' WHERE id = ?", [w.leGoff]);
    const { content } = (await w.backend.call('accounting-export', { from: '2026-12-04', to: '2026-12-04', format: 'csv' })) as { content: string };
    expect(content).toContain(`;"'=HYPERLINK(""x"";""y"") Yann";`);
  });
});
