import type { Db } from '../db/database';
import { addMonths, formatDateShortFr, type IsoDate } from '../dates/dates';
import { ofMonth } from '../invoicing/issue';
import { cents, type Cents } from '../money/money';
import { compareFr } from '../text/collate';
import { ibanProblem, normalizeBic, normalizeIban } from '../validation/bank';
import type { SequenceType } from './sepa/pain008';
import { displayName } from './payment-common';
import { toSepaText } from './sepa/sepa-text';

/**
 * Which invoices a collection batch takes, for how much, and why the others stay out. Pure
 * reads: the batch handlers (sepa-batches.ts) freeze the result when the batch is made.
 */

/** SEPA rulebook: a mandate with no collection for 36 months lapses (finance-rules §2.6). */
export const MANDATE_LAPSE_MONTHS = 36;

export interface Amendment {
  originalRum: string | null;
  originalIban: string | null;
  changedBank: boolean;
}

export interface PlannedDebit {
  invoiceId: number;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  subscriberId: number;
  name: string;
  amountCents: Cents;
  /** A debit rejected earlier, presented again. */
  representation: boolean;
  sequenceType: SequenceType;
  endToEndId: string;
  iban: string;
  bic: string;
  rum: string;
  mandateSignedOn: IsoDate;
  amendment: Amendment | null;
  remittance: string;
}

export interface ExcludedInvoice {
  invoiceId: number;
  invoiceNumber: string;
  subscriberId: number;
  name: string;
  amountDueCents: Cents;
  reason: string;
}

interface InvoiceRow {
  invoice_id: number;
  number: string;
  issue_date: IsoDate;
  period_start: IsoDate;
  amount_due_cents: number;
  run_id: number;
  subscriber_id: number;
  kind: string;
  first_name: string;
  last_name: string;
  payment_method: string;
  iban: string;
  bic: string;
  mandate_rum: string;
  mandate_signed_on: IsoDate | null;
  mandate_revoked_on: IsoDate | null;
  live_batch: number | null;
  rejected_before: number;
}

interface LastDebit {
  rum: string;
  iban: string;
  collection_date: IsoDate;
}


/** The bank of an IBAN: for French IBANs the 5-digit bank code, elsewhere the BIC when both are known. */
function sameBank(a: { iban: string; bic: string }, b: { iban: string; bic: string }): boolean {
  if (a.iban.startsWith('FR') && b.iban.startsWith('FR')) return a.iban.slice(4, 9) === b.iban.slice(4, 9);
  if (a.bic && b.bic) return a.bic.slice(0, 8) === b.bic.slice(0, 8);
  return false;
}

export function amendmentSince(previous: LastDebit | undefined, current: { rum: string; iban: string; bic: string }, previousBic = ''): Amendment | null {
  if (!previous) return null;
  const rumChanged = previous.rum.toUpperCase() !== current.rum.toUpperCase();
  const ibanChanged = previous.iban !== current.iban;
  if (!rumChanged && !ibanChanged) return null;
  const changedBank = ibanChanged && !sameBank({ iban: previous.iban, bic: previousBic }, current);
  return { originalRum: rumChanged ? previous.rum : null, originalIban: ibanChanged && !changedBank ? previous.iban : null, changedBank };
}

/**
 * The last presentation of each subscriber's mandate to the bank (a rejected debit was
 * presented too), for amendments and lapses; cancelled batches never left the office.
 */
function lastDebits(db: Db): Map<number, LastDebit & { bic: string }> {
  const rows = db.all<LastDebit & { subscriber_id: number; bic: string }>(
    `SELECT d.subscriber_id, d.rum, d.iban, d.bic, b.collection_date FROM sepa_debits d JOIN sepa_batches b ON b.id = d.batch_id
     WHERE d.status IN ('pending', 'settled', 'rejected') ORDER BY b.collection_date, d.id`,
  );
  return new Map(rows.map((r) => [r.subscriber_id, r]));
}

/** Why a subscriber's mandate cannot be used on `collectionDate`, or null. */
export function mandateProblem(
  m: { iban: string; mandate_rum: string; mandate_signed_on: string | null; mandate_revoked_on: string | null },
  lastCollection: IsoDate | null,
  collectionDate: IsoDate,
): string | null {
  if (!m.mandate_rum || !m.mandate_signed_on) return 'Pas de mandat SEPA : la référence (RUM) ou la date de signature manque sur la fiche.';
  if (m.mandate_revoked_on && m.mandate_revoked_on <= collectionDate) return `Mandat révoqué le ${formatDateShortFr(m.mandate_revoked_on as IsoDate)}.`;
  const iban = ibanProblem(m.iban);
  if (iban) return `IBAN du mandat invalide : ${iban}`;
  const since = lastCollection ?? (m.mandate_signed_on as IsoDate);
  if (addMonths(since, MANDATE_LAPSE_MONTHS) < collectionDate) {
    return `Mandat caduc : aucun prélèvement depuis le ${formatDateShortFr(since)} (plus de ${MANDATE_LAPSE_MONTHS} mois). Faites signer un nouveau mandat.`;
  }
  return null;
}

/**
 * The debits a batch of `runId` collecting on `collectionDate` would make: the run's issued
 * invoices with an amount due, plus earlier invoices whose debit was rejected and not yet
 * presented again. Each subscriber is collected at most what they still owe (a transfer made
 * since the invoice lowers the debit; nothing is taken twice), oldest invoice first.
 */
export function planDebits(
  db: Db,
  runId: number,
  collectionDate: IsoDate,
  firstSequenceType: 'RCUR' | 'FRST',
): { debits: PlannedDebit[]; excluded: ExcludedInvoice[]; otherMethods: number } {
  const rows = db.all<InvoiceRow>(
    `SELECT i.id AS invoice_id, i.number, i.issue_date, i.period_start, i.amount_due_cents, i.run_id, i.subscriber_id,
            s.kind, s.first_name, s.last_name, s.payment_method, s.iban, s.bic, s.mandate_rum, s.mandate_signed_on, s.mandate_revoked_on,
            (SELECT d.batch_id FROM sepa_debits d WHERE d.invoice_id = i.id AND d.status IN ('pending', 'settled')) AS live_batch,
            (SELECT count(*) FROM sepa_debits d WHERE d.invoice_id = i.id AND d.status = 'rejected') AS rejected_before
     FROM invoices i JOIN subscribers s ON s.id = i.subscriber_id
     WHERE i.status = 'issued' AND i.amount_due_cents > 0 AND (i.run_id = :run OR (
       EXISTS (SELECT 1 FROM sepa_debits d WHERE d.invoice_id = i.id AND d.status = 'rejected')
       AND NOT EXISTS (SELECT 1 FROM sepa_debits d WHERE d.invoice_id = i.id AND d.status IN ('pending', 'settled'))))
     ORDER BY i.issue_date, i.id`,
    { ':run': runId },
  );
  // What each candidate still owes (only their entries: the index on subscriber_id serves it).
  const owed = new Map<number, number>();
  db.withStatement('SELECT coalesce(sum(amount_cents), 0) AS t FROM ledger_entries WHERE subscriber_id = ?', (sum) => {
    for (const id of new Set(rows.map((r) => r.subscriber_id))) owed.set(id, Math.max(0, -(sum.all<{ t: number }>([id])[0]?.t ?? 0)));
  });
  const last = lastDebits(db);
  const debits: PlannedDebit[] = [];
  const excluded: ExcludedInvoice[] = [];
  let otherMethods = 0;
  for (const r of rows) {
    const who = { invoiceId: r.invoice_id, invoiceNumber: r.number, subscriberId: r.subscriber_id, name: displayName(r), amountDueCents: cents(r.amount_due_cents) };
    if (r.payment_method !== 'sepa') {
      // Cheque and transfer payers are not collected; rejected debits of a subscriber who switched stay with them.
      otherMethods++;
      continue;
    }
    if (r.live_batch !== null) {
      excluded.push({ ...who, reason: `Déjà dans le lot de prélèvements n° ${r.live_batch}.` });
      continue;
    }
    const previous = last.get(r.subscriber_id);
    const problem = mandateProblem(r, previous?.collection_date ?? null, collectionDate);
    if (problem) {
      excluded.push({ ...who, reason: problem });
      continue;
    }
    const remaining = owed.get(r.subscriber_id) ?? 0;
    const amount = Math.min(r.amount_due_cents, remaining);
    if (amount <= 0) {
      excluded.push({ ...who, reason: 'Rien à prélever : le compte de l’adhérent est déjà réglé.' });
      continue;
    }
    owed.set(r.subscriber_id, remaining - amount);
    const iban = normalizeIban(r.iban);
    const bic = normalizeBic(r.bic);
    const amendment = amendmentSince(previous, { rum: r.mandate_rum, iban, bic }, previous?.bic);
    const firstOfMandate = !previous || previous.rum.toUpperCase() !== r.mandate_rum.toUpperCase() || amendment?.changedBank === true;
    debits.push({
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      invoiceDate: r.issue_date,
      subscriberId: r.subscriber_id,
      name: who.name,
      amountCents: cents(amount),
      representation: r.rejected_before > 0,
      sequenceType: firstSequenceType === 'FRST' && firstOfMandate ? 'FRST' : 'RCUR',
      // The invoice number is the debtor's reference; a new presentation gets a suffix (-R1…).
      endToEndId: r.rejected_before > 0 ? `${r.number}-R${r.rejected_before}` : r.number,
      iban,
      bic,
      rum: r.mandate_rum,
      mandateSignedOn: r.mandate_signed_on as IsoDate,
      amendment,
      remittance: toSepaText(`Facture ${r.number} du ${formatDateShortFr(r.issue_date)} - paniers ${ofMonth(r.period_start.slice(0, 7))}`, 140),
    });
    // A later debit of the same subscriber in this batch compares with this one.
    last.set(r.subscriber_id, { rum: r.mandate_rum, iban, bic, collection_date: collectionDate });
  }
  // Sorted as the office files people: by last name, then first name.
  const sortKey = new Map(rows.map((r) => [r.subscriber_id, `${r.last_name}\u0001${r.first_name}`]));
  const byName = (a: { subscriberId: number; invoiceNumber: string }, b: { subscriberId: number; invoiceNumber: string }) =>
    compareFr(sortKey.get(a.subscriberId)!, sortKey.get(b.subscriberId)!) || a.invoiceNumber.localeCompare(b.invoiceNumber);
  return { debits: debits.sort(byName), excluded: excluded.sort(byName), otherMethods };
}
