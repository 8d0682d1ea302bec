import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import type { LedgerMethod } from '../ledger/chain';
import { addEntry, ledgerBalance, type LedgerKind } from '../ledger/ledger';
import { cents, formatEuros, type Cents } from '../money/money';
import { idField, isoDateField, requiredText, trimmed } from '../validation/fields';
import { positiveCentsField, readSubscriberBrief } from './payment-common';

/** A ledger entry as these handlers return it. */
export interface PaymentEntry {
  id: number;
  subscriberId: number;
  date: string;
  kind: LedgerKind;
  amountCents: Cents;
  method: LedgerMethod | null;
  reference: string;
  label: string;
  reversesId: number | null;
}

interface EntryRow {
  id: number;
  subscriber_id: number;
  entry_date: string;
  kind: LedgerKind;
  amount_cents: number;
  method: LedgerMethod | null;
  reference: string;
  label: string;
  source_type: string | null;
  reverses_id: number | null;
}

function readEntry(db: Db, id: number): (PaymentEntry & { sourceType: string | null }) | undefined {
  const r = db.get<EntryRow>('SELECT id, subscriber_id, entry_date, kind, amount_cents, method, reference, label, source_type, reverses_id FROM ledger_entries WHERE id = ?', [id]);
  if (!r) return undefined;
  return {
    id: r.id,
    subscriberId: r.subscriber_id,
    date: r.entry_date,
    kind: r.kind,
    amountCents: cents(r.amount_cents),
    method: r.method,
    reference: r.reference,
    label: r.label,
    reversesId: r.reverses_id,
    sourceType: r.source_type,
  };
}

function result(db: Db, id: number) {
  const { sourceType: _source, ...entry } = readEntry(db, id)!;
  return { entry, balanceCents: ledgerBalance(db, entry.subscriberId) };
}

const METHOD_LABELS = { transfer: 'Virement', cash: 'Espèces', card: 'Carte bancaire', cheque: 'Chèque' } as const;

/** « Enregistrer un règlement »: a transfer, cash or card payment credited to the subscriber. */
export const paymentRecord = defineHandler({
  name: 'payment-record',
  input: z
    .object({
      subscriberId: idField,
      date: isoDateField('Date du règlement invalide (attendu AAAA-MM-JJ).').optional(),
      amountCents: positiveCentsField('Montant du règlement'),
      method: z.enum(['transfer', 'cash', 'card'], 'Mode de règlement : virement, espèces ou carte bancaire (chèques et prélèvements ont leur écran).'),
      reference: trimmed(140).default(''),
      label: trimmed(200).default(''),
    })
    .superRefine((value, ctx) => {
      // A transfer is found on the bank statement by its reference: without it, no reconciliation.
      if (value.method === 'transfer' && value.reference === '') {
        ctx.addIssue({ code: 'custom', path: ['reference'], message: 'Indiquez la référence du virement (telle qu’elle figure sur le relevé bancaire).' });
      }
    }),
  labels: { subscriberId: 'Adhérent', date: 'Date du règlement', amountCents: 'Montant', method: 'Mode de règlement', reference: 'Référence du virement', label: 'Libellé' },
  mutates: true,
  run: ({ db, clock }, input) => {
    readSubscriberBrief(db, input.subscriberId);
    const label = input.label || `${METHOD_LABELS[input.method]}${input.reference ? ` ${input.reference}` : ''}`;
    const id = addEntry(
      db,
      { subscriberId: input.subscriberId, date: input.date ?? clock.today(), kind: 'payment', amountCents: input.amountCents, method: input.method, reference: input.reference, label, sourceType: 'payment' },
      clock.now().toISOString(),
    );
    return result(db, id);
  },
});

/**
 * Undoes a transfer, cash or card payment entered by mistake: a reversal entry, never a
 * deletion (the ledger is append-only). Cheques and SEPA debits are undone on their screens,
 * where their own state (slip, batch) changes with them.
 */
export const paymentCancel = defineHandler({
  name: 'payment-cancel',
  input: z.object({
    entryId: idField,
    reason: requiredText(200, 'Indiquez pourquoi ce règlement est annulé (exemple : saisi sur le mauvais adhérent).'),
    date: isoDateField('Date d’annulation invalide (attendu AAAA-MM-JJ).').optional(),
  }),
  labels: { entryId: 'Règlement', reason: 'Motif de l’annulation', date: 'Date d’annulation' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const entry = readEntry(db, input.entryId);
    if (!entry) throw new NotFoundError(`Écriture introuvable (n° ${input.entryId}) : actualisez le compte de l’adhérent.`);
    if (entry.kind === 'payment' && entry.method === 'sepa') {
      throw new ConflictError('Un prélèvement SEPA ne s’annule pas ici : enregistrez son rejet ou son retour depuis l’écran Prélèvements.');
    }
    if (entry.kind === 'payment' && entry.method === 'cheque') {
      throw new ConflictError('Un chèque ne s’annule pas ici : marquez-le comme impayé depuis l’écran Chèques.');
    }
    if (entry.kind !== 'payment' || entry.sourceType !== 'payment') {
      throw new ConflictError('Seul un règlement par virement, espèces ou carte peut être annulé ici ; une facture se corrige par un avoir.');
    }
    const already = db.get<{ entry_date: string }>('SELECT entry_date FROM ledger_entries WHERE reverses_id = ?', [entry.id]);
    if (already) throw new ConflictError(`Ce règlement a déjà été annulé le ${formatDateShortFr(already.entry_date as IsoDate)}.`);
    const date = input.date ?? clock.today();
    if (date < entry.date) {
      throw ValidationError.field('date', `L’annulation ne peut pas précéder le règlement (${formatDateShortFr(entry.date as IsoDate)}) ; corrigez la date.`);
    }
    const id = addEntry(
      db,
      {
        subscriberId: entry.subscriberId,
        date,
        kind: 'payment_reversal',
        amountCents: -entry.amountCents,
        method: entry.method,
        reference: entry.reference,
        label: `Annulation : ${entry.label} (${input.reason})`,
        sourceType: 'payment',
        reversesId: entry.id,
      },
      clock.now().toISOString(),
    );
    return result(db, id);
  },
});

/** « Rembourser un avoir »: pays back (part of) the credit in the subscriber's favour. */
export const refundRecord = defineHandler({
  name: 'refund-record',
  input: z.object({
    subscriberId: idField,
    date: isoDateField('Date du remboursement invalide (attendu AAAA-MM-JJ).').optional(),
    amountCents: positiveCentsField('Montant du remboursement'),
    method: z.enum(['transfer', 'cheque', 'cash'], 'Mode de remboursement : virement, chèque ou espèces.'),
    reference: trimmed(140).default(''),
    label: trimmed(200).default(''),
  }),
  labels: { subscriberId: 'Adhérent', date: 'Date du remboursement', amountCents: 'Montant', method: 'Mode de remboursement', reference: 'Référence', label: 'Libellé' },
  mutates: true,
  run: ({ db, clock }, input) => {
    readSubscriberBrief(db, input.subscriberId);
    const credit = ledgerBalance(db, input.subscriberId);
    if (credit <= 0) {
      throw ValidationError.field('amountCents', `Cet adhérent n’a pas d’avoir à rembourser (solde : ${formatEuros(credit)}).`);
    }
    if (input.amountCents > credit) {
      throw ValidationError.field('amountCents', `Le remboursement (${formatEuros(input.amountCents as Cents)}) dépasse l’avoir de l’adhérent (${formatEuros(credit)}) ; indiquez au plus ${formatEuros(credit)}.`);
    }
    const label = input.label || `Remboursement de l’avoir (${METHOD_LABELS[input.method].toLowerCase()}${input.reference ? ` ${input.reference}` : ''})`;
    const id = addEntry(
      db,
      { subscriberId: input.subscriberId, date: input.date ?? clock.today(), kind: 'refund', amountCents: -input.amountCents, method: input.method, reference: input.reference, label, sourceType: 'payment' },
      clock.now().toISOString(),
    );
    return result(db, id);
  },
});
