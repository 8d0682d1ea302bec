import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { addEntry } from '../ledger/ledger';
import { cents } from '../money/money';
import { idField, isoDateField, trimmed } from '../validation/fields';
import { displayName } from './payment-common';

/**
 * R-transactions (finance-rules §2.7): a reject before settlement, a return by the debtor's
 * bank, a refund asked by the debtor (8 weeks without reason, 13 months if unauthorised).
 * The codes the banks of the association send most; the label is what the office reads.
 */
export const R_CODES = {
  AC01: 'Numéro de compte incorrect',
  AC04: 'Compte clôturé',
  AC06: 'Compte bloqué',
  AG01: 'Prélèvement interdit sur ce compte',
  AM04: 'Provision insuffisante',
  AM05: 'Prélèvement en double',
  BE05: 'Créancier non reconnu',
  MD01: 'Pas de mandat valide (prélèvement non autorisé)',
  MD02: 'Données du mandat manquantes ou erronées',
  MD06: 'Remboursement demandé par l’adhérent',
  MD07: 'Titulaire du compte décédé',
  MS02: 'Refus du débiteur',
  MS03: 'Raison non communiquée par la banque',
  RR04: 'Raison réglementaire',
  SL01: 'Service spécifique de la banque du débiteur',
} as const;

export type RCode = keyof typeof R_CODES;

export const RETURN_KIND_LABELS = { reject: 'Rejet', return: 'Retour', refund: 'Remboursement' } as const;

const rCodeField = z.enum(Object.keys(R_CODES) as [RCode, ...RCode[]], 'Choisissez le motif (code R) indiqué par la banque.');

/**
 * Records a reject, return or refund of one debit. Before settlement the debit simply never
 * reaches the ledger; after, the payment is reversed by a new entry (the ledger is append-only).
 * Either way the invoice is owed again and may go into a later batch.
 */
export const sepaDebitReturn = defineHandler({
  name: 'sepa-debit-return',
  input: z.object({
    debitId: idField,
    kind: z.enum(['reject', 'return', 'refund'], 'Choisissez rejet, retour ou remboursement.'),
    code: rCodeField,
    date: isoDateField('Date invalide.'),
    note: trimmed(300).default(''),
  }),
  labels: { debitId: 'Prélèvement', kind: 'Type', code: 'Motif', date: 'Date', note: 'Remarque' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const d = db.get<{ id: number; subscriber_id: number; amount_cents: number; status: string; invoice_number: string; batch_status: string; collection_date: IsoDate; batch_id: number }>(
      `SELECT d.id, d.subscriber_id, d.amount_cents, d.status, i.number AS invoice_number, b.status AS batch_status, b.collection_date, b.id AS batch_id
       FROM sepa_debits d JOIN sepa_batches b ON b.id = d.batch_id JOIN invoices i ON i.id = d.invoice_id WHERE d.id = ?`,
      [input.debitId],
    );
    if (!d) throw new NotFoundError(`Prélèvement introuvable (n° ${input.debitId}).`);
    if (d.status === 'rejected') throw new ConflictError(`Le prélèvement de la facture ${d.invoice_number} est déjà enregistré comme rejeté.`);
    if (d.batch_status === 'ready') throw new ConflictError(`Le lot n° ${d.batch_id} n’est pas encore envoyé : annulez le lot plutôt que d’enregistrer un rejet.`);
    if (d.batch_status === 'cancelled' || d.status === 'cancelled') throw new ConflictError(`Le lot n° ${d.batch_id} est annulé : ce prélèvement n’a jamais eu lieu.`);
    if (input.date > clock.today()) throw ValidationError.field('date', 'La date du rejet ne peut pas être dans le futur.');
    if (d.batch_status === 'settled') {
      if (input.date < d.collection_date) throw ValidationError.field('date', `Le prélèvement a été encaissé le ${formatDateShortFr(d.collection_date)} : le retour ne peut pas être antérieur.`);
      const payment = db.get<{ id: number }>("SELECT id FROM ledger_entries WHERE source_type = 'sepa_debit' AND source_id = ? AND kind = 'payment'", [d.id]);
      if (!payment) throw new Error(`settled debit ${d.id} has no ledger payment`);
      addEntry(
        db,
        {
          subscriberId: d.subscriber_id,
          date: input.date,
          kind: 'payment_reversal',
          amountCents: -d.amount_cents,
          method: 'sepa',
          reference: d.invoice_number,
          label: `${RETURN_KIND_LABELS[input.kind]} de prélèvement ${input.code} : ${R_CODES[input.code]} (facture ${d.invoice_number})`,
          sourceType: 'sepa_debit',
          sourceId: d.id,
          reversesId: payment.id,
        },
        clock.now().toISOString(),
      );
    }
    db.run("UPDATE sepa_debits SET status = 'rejected', return_kind = ?, return_code = ?, return_date = ?, return_note = ? WHERE id = ?", [
      input.kind, input.code, input.date, input.note, d.id,
    ]);
    return { debitId: d.id, batchId: d.batch_id, status: 'rejected' as const, reversed: d.batch_status === 'settled' };
  },
});

export interface OpenReturn {
  debitId: number;
  batchId: number;
  invoiceId: number;
  invoiceNumber: string;
  subscriberId: number;
  name: string;
  amountCents: ReturnType<typeof cents>;
  kind: keyof typeof RETURN_KIND_LABELS;
  code: RCode;
  codeLabel: string;
  date: IsoDate;
  paymentMethod: string;
}

/**
 * Rejected debits still to deal with: the invoice has not been presented again nor paid
 * otherwise (the subscriber still owes). The subscriber is flagged until then.
 */
export function openReturns(db: Db, subscriberId?: number): OpenReturn[] {
  return db
    .all<{ id: number; batch_id: number; invoice_id: number; number: string; subscriber_id: number; kind: string; first_name: string; last_name: string; amount_cents: number; return_kind: OpenReturn['kind']; return_code: RCode; return_date: IsoDate; payment_method: string }>(
      `SELECT d.id, d.batch_id, d.invoice_id, i.number, d.subscriber_id, s.kind, s.first_name, s.last_name, d.amount_cents, d.return_kind, d.return_code, d.return_date, s.payment_method
       FROM sepa_debits d JOIN invoices i ON i.id = d.invoice_id JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.status = 'rejected' AND (:s IS NULL OR d.subscriber_id = :s)
         AND NOT EXISTS (SELECT 1 FROM sepa_debits l WHERE l.invoice_id = d.invoice_id AND l.status IN ('pending', 'settled'))
         AND NOT EXISTS (SELECT 1 FROM sepa_debits l WHERE l.invoice_id = d.invoice_id AND l.status = 'rejected' AND l.id > d.id)
         AND (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE subscriber_id = d.subscriber_id) < 0
       ORDER BY d.return_date DESC, d.id DESC`,
      { ':s': subscriberId ?? null },
    )
    .map((r) => ({
      debitId: r.id,
      batchId: r.batch_id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      subscriberId: r.subscriber_id,
      name: displayName(r),
      amountCents: cents(r.amount_cents),
      kind: r.return_kind,
      code: r.return_code,
      codeLabel: R_CODES[r.return_code] ?? r.return_code,
      date: r.return_date,
      paymentMethod: r.payment_method,
    }));
}

export const sepaReturnList = defineHandler({
  name: 'sepa-return-list',
  input: z.object({ subscriberId: idField.optional() }),
  mutates: false,
  run: ({ db }, { subscriberId }) => ({ codes: R_CODES, returns: openReturns(db, subscriberId) }),
});
