import { frenchIban } from '../../core/demo/bank-ids';
import { checkEpcRules } from '../../core/payments/sepa/epc-rules';
import { buildPain008, type Pain008Message, type Pain008Transaction } from '../../core/payments/sepa/pain008';
import { creditorIdWithCheckDigits } from '../../core/validation/bank';
import type { Row } from './report';
import { measure } from './stats';

/** Issue 7: a batch of 10,000 debits built and exported in at most 1 s. */
const TARGET_MS = 1000;

/** A synthetic batch: accented names, a third without BIC, some amended mandates, two lots. */
export function syntheticPain008(debits: number): Pain008Message {
  const transactions = (from: number, to: number): Pain008Transaction[] =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      const number = String(i + 1).padStart(5, '0');
      return {
        endToEndId: `FA-2026-${number}`,
        amountCents: 1500 + ((i * 37) % 9000),
        mandateId: `RUM-PAN-${number}`,
        mandateSignedOn: '2025-09-01',
        amendment: i % 50 === 0 ? { originalMandateId: `RUM-OLD-${number}` } : null,
        debtorName: `Hélène Le Bœuf-Guégan n°${i} & fils`,
        debtorIban: frenchIban('16006', '00001', String(i).padStart(11, '0')),
        debtorBic: i % 3 === 0 ? null : 'AGRIFRPP860',
        remittance: `Paniers de mars 2026 – facture FA-2026-${number} (42,50 €)`,
      };
    });
  const half = Math.floor(debits / 2);
  return {
    version: '001.08',
    messageId: 'PRLV-BENCH-0001',
    createdAt: '2026-03-20T10:15:00',
    initiatingPartyName: 'Jardin de Cocagne du Pays de Lorient',
    creditor: { name: 'Jardin de Cocagne du Pays de Lorient', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP860', creditorId: creditorIdWithCheckDigits('FR', 'ZZZ', '123456') },
    paymentInfos: [
      { paymentInfoId: 'PRLV-BENCH-0001-RCUR', sequenceType: 'RCUR', collectionDate: '2026-04-07', transactions: transactions(0, half) },
      { paymentInfoId: 'PRLV-BENCH-0001-OOFF', sequenceType: 'OOFF', collectionDate: '2026-04-07', transactions: transactions(half, debits) },
    ],
  };
}

/** Builds the pain.008 file of 10,000 debits and runs the EPC rule check on it, as an export does. */
export async function benchSepa(runs: number, debits = 10_000): Promise<Row[]> {
  const message = syntheticPain008(debits);
  const label = `${debits.toLocaleString('fr-FR')} débits`;
  let xml = '';
  const build = await measure(runs, 2, () => {
    xml = buildPain008(message);
  });
  const check = await measure(runs, 2, () => {
    if (checkEpcRules(xml).length > 0) throw new Error('bench: the synthetic pain.008 breaks an EPC rule');
  });
  const both = await measure(runs, 2, () => {
    checkEpcRules(buildPain008(message));
  });
  return [
    { operation: 'pain.008 build + EPC check', database: label, stats: both, targetMs: TARGET_MS },
    { operation: '  of which build', database: label, stats: build, targetMs: null },
    { operation: '  of which EPC check', database: label, stats: check, targetMs: null },
    { operation: 'pain.008 size', database: label, stats: null, value: `${(xml.length / 1024 / 1024).toFixed(1)} MB`, targetMs: null },
  ];
}
