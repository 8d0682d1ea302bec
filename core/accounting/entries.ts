import { InternalError } from '../api/errors';
import { cents, type Cents } from '../money/money';
import type { PaymentSettings } from '../payments/payment-settings';

/**
 * The accountant's journal entries (finance-rules §5): what the app knows as invoices, credit
 * notes, payments and deposits, written as double-entry lines on the accounts chosen in
 * Paramètres → Règlements. Formats (FEC, CSV) only lay these out.
 */
export type JournalKind = 'opening' | 'sales' | 'bank';

export interface JournalLine {
  account: string;
  accountLabel: string;
  /** The subscriber's own account under 411 (`ADH000123`), for the accountant's matching. */
  auxAccount?: string;
  auxLabel?: string;
  /** A line's own wording when it says more than the entry's (one debit of a SEPA batch). */
  label?: string;
  debitCents: Cents;
  creditCents: Cents;
}

export interface JournalEntry {
  kind: JournalKind;
  /** The journal code from the settings (VT, BQ, AN by default). */
  journal: string;
  journalLabel: string;
  date: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  lines: JournalLine[];
}

export const JOURNAL_LABELS: Record<JournalKind, string> = { opening: 'À-nouveaux', sales: 'Ventes', bank: 'Banque' };

type AccountKey = keyof PaymentSettings['accounts'];

const ACCOUNT_LABELS: Record<AccountKey, string> = {
  customers: 'Adhérents',
  sales: 'Ventes de paniers',
  membership: 'Cotisations',
  vat: 'TVA collectée',
  bank: 'Banque',
  cheques: 'Chèques à encaisser',
  cash: 'Caisse',
  opening: 'Reprise des soldes (compte d’attente)',
};

/** A line without its amount: the account, and the subscriber's auxiliary account if any. */
export type LineTarget = Omit<JournalLine, 'debitCents' | 'creditCents'>;

export function accountOf(settings: PaymentSettings, key: AccountKey, label?: string): LineTarget {
  return { account: settings.accounts[key], accountLabel: ACCOUNT_LABELS[key], ...(label ? { label } : {}) };
}

export interface SubscriberName {
  id: number;
  subscriber_kind: string;
  first_name: string;
  last_name: string;
}

/** `ADH000123`: the subscriber's auxiliary account, stable as long as the subscriber exists. */
export function auxAccountOf(subscriberId: number): string {
  return `ADH${String(subscriberId).padStart(6, '0')}`;
}

export function subscriberLabel(s: SubscriberName): string {
  if (s.subscriber_kind === 'organisation') return s.last_name;
  return [s.last_name, s.first_name].filter(Boolean).join(' ');
}

export function customerOf(settings: PaymentSettings, s: SubscriberName, label?: string): LineTarget {
  return { ...accountOf(settings, 'customers', label), auxAccount: auxAccountOf(s.id), auxLabel: subscriberLabel(s) };
}

/**
 * One line from a signed amount: > 0 is a debit, < 0 a credit, 0 no line at all (a FEC line
 * carries a non-negative debit and credit, one of them zero).
 */
export function signed(target: LineTarget, debitMinusCredit: number): JournalLine | null {
  if (debitMinusCredit === 0) return null;
  return { ...target, debitCents: cents(Math.max(debitMinusCredit, 0)), creditCents: cents(Math.max(-debitMinusCredit, 0)) };
}

export interface EntryHead {
  date: string;
  pieceRef: string;
  pieceDate?: string;
  label: string;
}

/** An entry of `kind`, its zero lines dropped; null when nothing is left. Throws when unbalanced. */
export function makeEntry(settings: PaymentSettings, kind: JournalKind, head: EntryHead, lines: readonly (JournalLine | null)[]): JournalEntry | null {
  const kept = lines.filter((l): l is JournalLine => l !== null);
  if (kept.length === 0) return null;
  const entry: JournalEntry = {
    kind,
    journal: settings.journals[kind],
    journalLabel: JOURNAL_LABELS[kind],
    date: head.date,
    pieceRef: head.pieceRef,
    pieceDate: head.pieceDate ?? head.date,
    label: head.label,
    lines: kept,
  };
  assertBalanced(entry);
  return entry;
}

/** Double entry: an unbalanced entry is a bug of ours, never something to hand an accountant. */
export function assertBalanced(entry: JournalEntry): void {
  const debit = entry.lines.reduce((sum, l) => sum + l.debitCents, 0);
  const credit = entry.lines.reduce((sum, l) => sum + l.creditCents, 0);
  if (debit !== credit || entry.lines.length < 2) {
    throw new InternalError(`Écriture déséquilibrée (pièce ${entry.pieceRef} du ${entry.date}) : l’export comptable est interrompu. Signalez-le au support.`);
  }
}

/** `5,5 %`, `20 %`: a VAT rate in basis points as French text. */
export function rateLabel(rateBp: number): string {
  return `${String(rateBp / 100).replace('.', ',')} %`;
}
