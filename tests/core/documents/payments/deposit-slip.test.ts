import { describe, expect, it } from 'vitest';
import { IntegrityError, ValidationError } from '../../../../core/api/errors';
import { depositSlipPdf } from '../../../../core/documents/payments/deposit-slip-pdf';
import type { DepositSlipDocument } from '../../../../core/documents/payments/payment-documents';
import { toBytes } from '../../../../core/documents/pdf/pdf-kit';
import { cheque, ORGANISATION, rendered } from './payment-fixtures';

const THREE: DepositSlipDocument = {
  organisation: ORGANISATION,
  number: 'BR-2026-0003',
  depositDate: '2026-12-04',
  cheques: [
    cheque('Hélène Le Gall', 'Crédit Mutuel de Bretagne', '0001234', 12000),
    cheque('Françoise Quéré', 'La Banque Postale', '7654321', 4550, 'Loïc Quéré'),
    cheque('Jean-Noël Tanguy', 'Crédit Agricole', '0000042', 123456),
  ],
  count: 3,
  totalCents: 140006,
};

/** 120 cheques of 52,50 €: a slip of four pages. */
const LONG: DepositSlipDocument = {
  organisation: ORGANISATION,
  number: 'BR-2026-0004',
  depositDate: '2026-12-07',
  cheques: Array.from({ length: 120 }, (_, i) => cheque(`Adhérent n° ${i + 1}`, 'Crédit Agricole', String(5000 + i), 5250)),
  count: 120,
  totalCents: 630000,
};

const HEADER = 'N° Tireur Banque N° de chèque Montant';

describe('deposit slip (bordereau de remise de chèques)', () => {
  it('prints the account, each cheque with its drawer, bank, number and amount, the count and total, and a signature box', () => {
    const doc = depositSlipPdf(THREE);
    const [page] = rendered(doc, 'deposit-slip').pages;
    expect(doc.getNumberOfPages()).toBe(1);
    // The whole page, line by line as pdftotext reads it (the right-hand totals sit on their own baselines).
    expect(page).toEqual([
      'N° BR-2026-0003',
      'Date de remise : 04/12/2026',
      'Optim’ism',
      'Route de Cléguer',
      '56620 Pont-Scorff',
      'SIRET 732 829 320 00074',
      '02 97 32 50 50 · paniers@optimism.fr',
      'BORDEREAU DE REMISE DE CHÈQUES',
      'Titulaire du compte Optim’ism Nombre de chèques',
      '3',
      'IBAN FR76 3000 6000 0112 3456 7890 189',
      'Montant total',
      'BIC AGRIFRPP882',
      '1 400,06 €',
      'N° Tireur Banque N° de chèque Crédité à Montant',
      '1 Hélène Le Gall Crédit Mutuel de Bretagne 0001234 120,00 €',
      '2 Françoise Quéré La Banque Postale 7654321 Loïc Quéré 45,50 €',
      '3 Jean-Noël Tanguy Crédit Agricole 0000042 1 234,56 €',
      'Total : 3 chèques 1 400,06 €',
      'Fait à Pont-Scorff, le 04/12/2026',
      'Signature Cachet de la banque',
      'Bordereau de remise de chèques BR-2026-0003 — Optim’ism Page 1 / 1',
    ]);
  });

  it('spreads 120 cheques over numbered pages, repeating the table header, with the total and signature at the end', () => {
    const doc = depositSlipPdf(LONG);
    const { pages } = rendered(doc, 'deposit-slip-120');
    expect(doc.getNumberOfPages()).toBe(4);
    expect(pages).toHaveLength(4);
    pages.forEach((lines, i) => {
      expect(lines.at(-1)).toBe(`Bordereau de remise de chèques BR-2026-0004 — Optim’ism Page ${i + 1} / 4`);
      expect(lines).toContain(HEADER);
    });
    for (const continued of pages.slice(1)) expect(continued.slice(0, 2)).toEqual(['Bordereau de remise de chèques n° BR-2026-0004 (suite)', HEADER]);
    // Every cheque exactly once, in order, across the pages.
    const rows = pages.flat().filter((l) => /^\d+ Adhérent/.test(l));
    expect(rows).toEqual(LONG.cheques.map((c, i) => `${i + 1} Adhérent n° ${i + 1} Crédit Agricole ${5000 + i} 52,50 €`));
    const first = pages[0]!;
    expect(first.slice(first.indexOf('Titulaire du compte Optim’ism Nombre de chèques'), first.indexOf(HEADER))).toEqual([
      'Titulaire du compte Optim’ism Nombre de chèques',
      '120',
      'IBAN FR76 3000 6000 0112 3456 7890 189',
      'Montant total',
      'BIC AGRIFRPP882',
      '6 300,00 €',
    ]);
    expect(pages[3]).toEqual(expect.arrayContaining(['Total : 120 chèques 6 300,00 €', 'Fait à Pont-Scorff, le 07/12/2026', 'Signature Cachet de la banque']));
    for (const page of pages.slice(0, 3)) expect(page.some((l) => l.startsWith('Total'))).toBe(false);
  });

  it('moves the signature boxes to a new page when the table fills the first one', () => {
    const cheques = LONG.cheques.slice(0, 25);
    const { pages } = rendered(depositSlipPdf({ ...LONG, cheques, count: 25, totalCents: 25 * 5250 }), 'deposit-slip-25');
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Signature Cachet de la banque');
    expect(pages[1]).toEqual(expect.arrayContaining(['Bordereau de remise de chèques n° BR-2026-0004 (suite)', 'Signature Cachet de la banque']));
  });

  it('refuses a slip whose count or total does not add up to its cheques, one without the account, and an empty one', () => {
    expect(() => depositSlipPdf({ ...THREE, totalCents: 140000 })).toThrow(IntegrityError);
    expect(() => depositSlipPdf({ ...THREE, count: 2 })).toThrow(
      'Le bordereau BR-2026-0003 ne tombe pas juste : 2 chèques pour 1\u00a0400,06\u00a0€ enregistrés, mais 3 chèques pour 1\u00a0400,06\u00a0€ listés. Il n’est pas imprimé ; contactez le support.',
    );
    expect(() => depositSlipPdf({ ...THREE, organisation: { ...ORGANISATION, iban: ' ' } })).toThrow(ValidationError);
    expect(() => depositSlipPdf({ ...THREE, cheques: [], count: 0, totalCents: 0 })).toThrow('Le bordereau est vide : choisissez au moins un chèque à remettre.');
  });

  it('prints the same bytes again: the kept copy and a reprint are identical', () => {
    expect(toBytes(depositSlipPdf(THREE))).toEqual(toBytes(depositSlipPdf(THREE)));
  });
});
