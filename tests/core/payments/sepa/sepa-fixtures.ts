import { frenchIban } from '../../../../core/demo/bank-ids';
import type { Pain008Message, Pain008Transaction, PainVersion } from '../../../../core/payments/sepa/pain008';
import { creditorIdWithCheckDigits } from '../../../../core/validation/bank';

export const CREDITOR_IBAN = 'FR7630006000011234567890189';
export const ICS = creditorIdWithCheckDigits('FR', 'ZZZ', '123456');
export const iban = (n: number) => frenchIban('16006', '00001', String(n).padStart(11, '0'));

export function transaction(overrides: Partial<Pain008Transaction> = {}): Pain008Transaction {
  return {
    endToEndId: 'FA-2026-0001',
    amountCents: 4250,
    mandateId: 'RUM-PAN-0001',
    mandateSignedOn: '2025-09-01',
    amendment: null,
    debtorName: 'Marie Dupont',
    debtorIban: iban(1),
    debtorBic: 'AGRIFRPP860',
    remittance: 'Paniers mars 2026 - facture FA-2026-0001',
    ...overrides,
  };
}

/**
 * A batch covering what the office meets: accents, apostrophes, `&`, `€`, emoji, no BIC,
 * the three kinds of amendment, and four lots (two dates × two sequence types).
 */
export function sampleMessage(version: PainVersion): Pain008Message {
  return {
    version,
    messageId: 'PRLV-2026-04-0001',
    createdAt: '2026-03-20T10:15:00',
    initiatingPartyName: 'Jardin de Cocagne du Pays de Lorient',
    creditor: { name: 'Jardin de Cocagne du Pays de Lorient', iban: CREDITOR_IBAN, bic: 'agrifrpp 860', creditorId: ICS },
    paymentInfos: [
      {
        paymentInfoId: 'PRLV-2026-04-0001-RCUR-0407',
        sequenceType: 'RCUR',
        collectionDate: '2026-04-07',
        transactions: [
          transaction({ debtorName: 'Hélène Le Bœuf-Guégan', remittance: 'Paniers mars 2026 – facture n° FA-2026-0001 (42,50 €)' }),
          transaction({
            endToEndId: 'FA-2026-0002',
            amountCents: 123456,
            mandateId: 'RUM-PAN-0002-B',
            debtorName: 'L’Épicerie d’Anaïs & Fils 🍅🥕',
            debtorIban: 'fr' + iban(2).slice(2).replace(/(.{4})/g, '$1 '),
            debtorBic: null,
            remittance: 'Facture FA-2026-0002 👍 merci !',
            amendment: { originalMandateId: 'RUM-PAN-0002' },
          }),
        ],
      },
      {
        paymentInfoId: 'PRLV-2026-04-0001-FRST-0407',
        sequenceType: 'FRST',
        collectionDate: '2026-04-07',
        transactions: [transaction({ endToEndId: 'FA-2026-0003', amountCents: 1, debtorName: 'Søren Æbelø', amendment: { debtorChangedBank: true } })],
      },
      {
        paymentInfoId: 'PRLV-2026-04-0001-RCUR-0504',
        sequenceType: 'RCUR',
        collectionDate: '2026-05-04',
        transactions: [transaction({ endToEndId: 'FA-2026-0004', amountCents: 99_999_999_999, debtorName: 'Straße & Co', debtorIban: iban(4), amendment: { originalDebtorIban: iban(40) } })],
      },
      {
        paymentInfoId: 'PRLV-2026-04-0001-OOFF-0504',
        sequenceType: 'OOFF',
        collectionDate: '2026-05-04',
        transactions: [transaction({ endToEndId: 'FA-2026-0005', amountCents: 2000, debtorName: '"Les <Amis> du jardin"', debtorBic: null })],
      },
    ],
  };
}
