import type { LedgerKind } from './ledger';

/** What each kind of entry is called on a statement. */
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  opening_balance: 'Solde à la reprise',
  invoice: 'Facture',
  credit_note: 'Avoir',
  payment: 'Règlement',
  payment_reversal: 'Règlement annulé',
  refund: 'Remboursement',
};
