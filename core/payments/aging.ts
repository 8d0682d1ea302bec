import type { IsoDate } from '../dates/dates';
import type { LedgerKind } from '../ledger/ledger';
import { daysBetween } from './payment-common';

/**
 * Ageing of a subscriber's debt (issue 7 item 6): their credits (payments, credit notes, a
 * credit opening balance) pay their oldest debts first (FIFO, the usual rule for an account
 * with no payment allocation), and what stays unpaid is aged from the debt's date.
 * Pure: the handler reads the ledger, this computes.
 */

export interface AgingMovement {
  id: number;
  date: string;
  kind: LedgerKind;
  amountCents: number;
  reference: string;
  /** The invoice behind an invoice entry (its baskets and its fee are two entries, one debt). */
  invoiceId: number | null;
  reversesId: number | null;
}

export interface AgedDebt {
  /** The invoice id, or the entry id for other debts (opening debt, refund). */
  invoiceId: number | null;
  entryId: number;
  date: string;
  kind: LedgerKind;
  reference: string;
  /** What the debt was (positive). */
  amountCents: number;
  /** What is still unpaid after the credits were applied (positive, ≤ amountCents). */
  remainingCents: number;
  ageDays: number;
}

export interface AgingBuckets {
  /** 0 to 30 days old. */
  upTo30Cents: number;
  from31To60Cents: number;
  over60Cents: number;
}

export interface Aging {
  balanceCents: number;
  /** Debts with something unpaid, oldest first. */
  unpaid: AgedDebt[];
  buckets: AgingBuckets;
}

export function bucketOf(ageDays: number): keyof AgingBuckets {
  return ageDays <= 30 ? 'upTo30Cents' : ageDays <= 60 ? 'from31To60Cents' : 'over60Cents';
}

export function ageDebts(movements: readonly AgingMovement[], at: IsoDate): Aging {
  const dated = movements.filter((m) => m.date <= at);
  const balanceCents = dated.reduce((sum, m) => sum + m.amountCents, 0);
  // A reversal and the entry it reverses cancel out: a returned cheque reopens the invoice it
  // had paid, keeping that invoice's age, instead of becoming a new debt dated on the return.
  const byId = new Map(dated.map((m) => [m.id, m]));
  const cancelled = new Set<number>();
  for (const m of dated) {
    if (m.reversesId !== null && byId.has(m.reversesId) && !cancelled.has(m.reversesId) && byId.get(m.reversesId)!.amountCents === -m.amountCents) {
      cancelled.add(m.id);
      cancelled.add(m.reversesId);
    }
  }
  let credit = 0;
  const debts = new Map<string, AgedDebt>();
  for (const m of dated) {
    if (cancelled.has(m.id)) continue;
    if (m.amountCents > 0) {
      credit += m.amountCents;
      continue;
    }
    const key = m.kind === 'invoice' && m.invoiceId !== null ? `i${m.invoiceId}` : `e${m.id}`;
    const debt = debts.get(key);
    if (debt) {
      debt.amountCents -= m.amountCents;
      if (m.date < debt.date) debt.date = m.date;
    } else {
      debts.set(key, {
        invoiceId: m.kind === 'invoice' ? m.invoiceId : null,
        entryId: m.id,
        date: m.date,
        kind: m.kind,
        reference: m.reference,
        amountCents: -m.amountCents,
        remainingCents: 0,
        ageDays: 0,
      });
    }
  }
  const ordered = [...debts.values()].sort((a, b) => a.date.localeCompare(b.date) || a.entryId - b.entryId);
  const buckets: AgingBuckets = { upTo30Cents: 0, from31To60Cents: 0, over60Cents: 0 };
  const unpaid: AgedDebt[] = [];
  for (const debt of ordered) {
    const paid = Math.min(credit, debt.amountCents);
    credit -= paid;
    if (paid === debt.amountCents) continue;
    const aged = { ...debt, remainingCents: debt.amountCents - paid, ageDays: daysBetween(debt.date as IsoDate, at) };
    buckets[bucketOf(aged.ageDays)] += aged.remainingCents;
    unpaid.push(aged);
  }
  return { balanceCents, unpaid, buckets };
}
