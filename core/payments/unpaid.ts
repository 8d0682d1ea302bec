import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import type { LedgerKind } from '../ledger/ledger';
import { cents, type Cents } from '../money/money';
import { compareFr } from '../text/collate';
import { isoDateField } from '../validation/fields';
import { ageDebts, type AgingBuckets, type AgingMovement } from './aging';
import { displayName, type SubscriberBrief } from './payment-common';

export interface UnpaidInvoice {
  invoiceId: number;
  number: string;
  date: string;
  totalCents: Cents;
  remainingCents: Cents;
  ageDays: number;
}

/** A debt that is not an invoice: an opening debt taken over, an unmatched reversal, a refund. */
export interface UnpaidOtherDebt {
  entryId: number;
  kind: LedgerKind;
  date: string;
  reference: string;
  amountCents: Cents;
  remainingCents: Cents;
  ageDays: number;
}

export interface UnpaidSubscriber {
  subscriberId: number;
  name: string;
  email: string;
  paymentMethod: SubscriberBrief['paymentMethod'];
  archived: boolean;
  balanceCents: Cents;
  /** -balance: what they owe, positive. */
  owedCents: Cents;
  buckets: AgingBuckets;
  oldestUnpaidInvoiceDate: string | null;
  /** Days since the oldest unpaid amount, invoice or other debt. */
  debtAgeDays: number;
  invoices: UnpaidInvoice[];
  otherDebts: UnpaidOtherDebt[];
}

interface MovementRow {
  id: number;
  subscriber_id: number;
  entry_date: string;
  kind: LedgerKind;
  amount_cents: number;
  reference: string;
  source_type: string | null;
  source_id: number | null;
  reverses_id: number | null;
}

interface DebtorRow {
  id: number;
  kind: string;
  first_name: string;
  last_name: string;
  email: string;
  payment_method: SubscriberBrief['paymentMethod'];
  archived_at: string | null;
}

/** The ledger entries of `subscriberIds` dated `at` or before, oldest first, as the ageing reads them (one query). */
export function debtorMovements(db: Db, at: IsoDate, subscriberIds: readonly number[]): Map<number, AgingMovement[]> {
  const movements = new Map<number, AgingMovement[]>();
  if (subscriberIds.length === 0) return movements;
  for (const r of db.all<MovementRow>(
    `SELECT id, subscriber_id, entry_date, kind, amount_cents, reference, source_type, source_id, reverses_id FROM ledger_entries
     WHERE entry_date <= :at AND subscriber_id IN (${subscriberIds.map(Number).join(',')}) ORDER BY entry_date, id`,
    { ':at': at },
  )) {
    const list = movements.get(r.subscriber_id) ?? [];
    list.push({ id: r.id, date: r.entry_date, kind: r.kind, amountCents: r.amount_cents, reference: r.reference, invoiceId: r.source_type === 'invoice' ? r.source_id : null, reversesId: r.reverses_id });
    movements.set(r.subscriber_id, list);
  }
  return movements;
}

/** Every subscriber whose balance on `at` is negative, with their debt aged (two queries in all). */
export function unpaidSubscribers(db: Db, at: IsoDate): UnpaidSubscriber[] {
  const debtors = db.all<DebtorRow>(
    `SELECT s.id, s.kind, s.first_name, s.last_name, s.email, s.payment_method, s.archived_at FROM subscribers s
     JOIN (SELECT subscriber_id, sum(amount_cents) AS balance FROM ledger_entries WHERE entry_date <= :at GROUP BY subscriber_id) b ON b.subscriber_id = s.id
     WHERE b.balance < 0`,
    { ':at': at },
  );
  if (debtors.length === 0) return [];
  const movements = debtorMovements(db, at, debtors.map((d) => d.id));
  return debtors
    .map((d) => {
      const aging = ageDebts(movements.get(d.id) ?? [], at);
      const invoices = aging.unpaid
        .filter((u) => u.invoiceId !== null)
        .map((u) => ({ invoiceId: u.invoiceId!, number: u.reference, date: u.date, totalCents: cents(u.amountCents), remainingCents: cents(u.remainingCents), ageDays: u.ageDays }));
      const otherDebts = aging.unpaid
        .filter((u) => u.invoiceId === null)
        .map((u) => ({ entryId: u.entryId, kind: u.kind, date: u.date, reference: u.reference, amountCents: cents(u.amountCents), remainingCents: cents(u.remainingCents), ageDays: u.ageDays }));
      return {
        subscriberId: d.id,
        name: displayName(d),
        email: d.email,
        paymentMethod: d.payment_method,
        archived: d.archived_at !== null,
        balanceCents: cents(aging.balanceCents),
        owedCents: cents(-aging.balanceCents),
        buckets: aging.buckets,
        oldestUnpaidInvoiceDate: invoices[0]?.date ?? null,
        debtAgeDays: aging.unpaid[0]?.ageDays ?? 0,
        invoices,
        otherDebts,
      };
    })
    .sort((a, b) => b.debtAgeDays - a.debtAgeDays || compareFr(a.name, b.name));
}

/** « Impayés »: negative balances on a day (today by default), oldest debt first, with totals per age. */
export const unpaidList = defineHandler({
  name: 'unpaid-list',
  input: z.object({ at: isoDateField('Date invalide (attendu AAAA-MM-JJ).').optional() }),
  labels: { at: 'Date' },
  mutates: false,
  run: ({ db, clock }, input) => {
    const at = input.at ?? clock.today();
    const subscribers = unpaidSubscribers(db, at);
    const sum = (pick: (s: UnpaidSubscriber) => number) => cents(subscribers.reduce((total, s) => total + pick(s), 0));
    return {
      at,
      subscribers,
      totals: {
        count: subscribers.length,
        owedCents: sum((s) => s.owedCents),
        upTo30Cents: sum((s) => s.buckets.upTo30Cents),
        from31To60Cents: sum((s) => s.buckets.from31To60Cents),
        over60Cents: sum((s) => s.buckets.over60Cents),
      },
    };
  },
});
