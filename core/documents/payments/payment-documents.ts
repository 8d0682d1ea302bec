import type { OrganisationView, PartyView } from '../invoice-document';

/**
 * The printable models of the payment documents (issue 7 items 3, 4, 6): plain data built by
 * the payment handlers, laid out by the `*-pdf.ts` renderers beside this file. Amounts are
 * integer cents, days ISO `YYYY-MM-DD`; nothing is computed while rendering.
 */

/** The association as its payment letters show it: the invoice letterhead plus the bank account. */
export interface PaymentOrganisation extends OrganisationView {
  /** The town before the date of a letter: « Pont-Scorff, le 4 décembre 2026 ». Empty: date only. */
  city: string;
  /** The association's account (electronic or spaced form; printed in groups of 4). Empty: not shown. */
  iban: string;
  bic: string;
  /** Who signs the letters, e.g. « Le service des adhérents ». Empty: « L’équipe de <name> ». */
  signatory: string;
}

/** One cheque on a deposit slip. */
export interface DepositSlipCheque {
  /** Who signed the cheque (tireur), as written on it. */
  drawer: string;
  /** The drawer's bank, e.g. « Crédit Agricole ». */
  bank: string;
  /** The number printed on the cheque. */
  number: string;
  amountCents: number;
  /** The subscriber the cheque was credited to, for the office's copy; empty when the drawer is the subscriber. */
  creditedTo: string;
}

/** A bordereau de remise de chèques (finance-rules §4): what the bank clerk checks and stamps. */
export interface DepositSlipDocument {
  /** The account holder (its legal name), its account and the town of « Fait à … ». */
  organisation: PaymentOrganisation;
  /** The slip's own number, e.g. `BR-2026-0003`. */
  number: string;
  /** The day the cheques are handed to the bank. */
  depositDate: string;
  cheques: DepositSlipCheque[];
  /** The count and total recorded with the slip; the renderer refuses a slip they do not match. */
  count: number;
  totalCents: number;
}

/** The addressee of a letter: the window-envelope block plus the name used in the greeting. */
export interface LetterRecipient extends PartyView {
  /** « Ewen Morvan » → « Bonjour Ewen Morvan, »; empty → « Bonjour, ». */
  greetingName: string;
}

/** A letter to a cheque payer whose prepaid balance runs low (issue 7 item 4). */
export interface LowBalanceLetter {
  recipient: LetterRecipient;
  /** The letter's date; also the day the balance is read. */
  date: string;
  balanceCents: number;
  /** The baskets still to be delivered this month, at their price. */
  expectedBasketsCents: number;
  /** `balanceCents - expectedBasketsCents`: the balance at the end of the letter's month, may be negative. */
  endOfMonthBalanceCents: number;
  /** The alert threshold from the settings (50 € by default). */
  thresholdCents: number;
  /** The subscriber's formula and its amount for three months, when known. */
  quarterly: { formulaLabel: string; amountCents: number } | null;
  /** Where the subscriber collects their basket (the cheques may be handed in there); empty: not named. */
  depotName: string;
}

/** One unpaid invoice in a reminder. */
export interface ReminderInvoice {
  number: string;
  date: string;
  totalCents: number;
  remainingCents: number;
  /** Days since the invoice date on the reminder's date. */
  ageDays: number;
}

/** A reminder (relance) for a negative balance (issue 7 item 6). */
export interface PaymentReminder {
  recipient: LetterRecipient;
  date: string;
  /** What the subscriber owes, positive (the opposite of their negative balance). */
  amountOwedCents: number;
  invoices: ReminderInvoice[];
  /** Days since the oldest unpaid amount (invoice or carried-over debt): the age of the debt. */
  debtAgeDays: number;
  /** The reference to give with a transfer, e.g. the subscriber's number or the oldest invoice. */
  transferReference: string;
}
