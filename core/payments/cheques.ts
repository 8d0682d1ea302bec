import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { addEntry } from '../ledger/ledger';
import { cents, formatEuros } from '../money/money';
import { compareFr } from '../text/collate';
import { searchTerms, foldText } from '../text/fold';
import { idField, isoDateField, requiredText, trimmed } from '../validation/fields';
import { chequeKey, chequePaymentEntryId, findLiveDuplicate, readChequesByIds, readChequesWhere, type Cheque } from './cheque-rows';
import { readSubscriberBrief } from './payment-common';

const MAX_CHEQUES = 24;

const chequeLine = z.object({
  number: requiredText(30, 'Indiquez le numéro du chèque.'),
  bank: requiredText(80, 'Indiquez la banque du chèque.'),
  /** Empty or absent: the subscriber's name. */
  drawer: trimmed(120).optional(),
  amountCents: z
    .number({ message: 'Indiquez le montant du chèque.' })
    .int('Le montant est un nombre entier de centimes.')
    .positive('Le montant doit être supérieur à 0 €.')
    .max(100_000_000, 'Montant trop élevé : vérifiez la saisie.'),
  receivedOn: isoDateField('Date de réception invalide (attendu AAAA-MM-JJ).').optional(),
  plannedDepositOn: isoDateField('Date de remise prévue invalide (attendu AAAA-MM-JJ).').optional(),
});

/** « Chèque 2 — banque », so that a message names the line of a multi-cheque entry. */
const LINE_LABELS: Record<string, string> = { subscriberId: 'Adhérent', cheques: 'Chèques' };
for (let i = 0; i < MAX_CHEQUES; i++) {
  const line = `Chèque ${i + 1}`;
  Object.assign(LINE_LABELS, {
    [`cheques.${i}.number`]: `${line} — numéro`,
    [`cheques.${i}.bank`]: `${line} — banque`,
    [`cheques.${i}.drawer`]: `${line} — tireur`,
    [`cheques.${i}.amountCents`]: `${line} — montant`,
    [`cheques.${i}.receivedOn`]: `${line} — reçu le`,
    [`cheques.${i}.plannedDepositOn`]: `${line} — remise prévue le`,
  });
}

/** Several per-line problems at once: each field keeps its message, the summary lists them. */
function lineErrors(fields: FieldErrors): ValidationError {
  const messages = Object.values(fields);
  return new ValidationError(messages.length === 1 ? messages[0]! : `${messages.length} chèques sont à corriger : ${messages.join(' ')}`, fields);
}

/**
 * « Enregistrer des chèques »: one or several cheques handed in together by a subscriber
 * (postdated ones included). Each is credited at once on the ledger as an advance payment
 * (the model: a cheque is credited on the day it is received, whatever its planned date).
 */
export const chequeRecord = defineHandler({
  name: 'cheque-record',
  input: z.object({
    subscriberId: idField,
    cheques: z.array(chequeLine).min(1, 'Saisissez au moins un chèque.').max(MAX_CHEQUES, `Au plus ${MAX_CHEQUES} chèques à la fois.`),
  }),
  labels: LINE_LABELS,
  mutates: true,
  run: ({ db, clock }, { subscriberId, cheques }) => {
    const subscriber = readSubscriberBrief(db, subscriberId);
    const today = clock.today();
    const lines = cheques.map((c) => {
      const receivedOn = c.receivedOn ?? today;
      return { ...c, drawer: c.drawer || subscriber.name, receivedOn, plannedDepositOn: c.plannedDepositOn ?? receivedOn };
    });
    const fields: FieldErrors = {};
    const seen = new Map<string, number>();
    lines.forEach((c, i) => {
      const line = `Chèque ${i + 1}`;
      if (c.plannedDepositOn < c.receivedOn) {
        fields[`cheques.${i}.plannedDepositOn`] = `${line} : la remise prévue (${formatDateShortFr(c.plannedDepositOn)}) précède la réception (${formatDateShortFr(c.receivedOn)}) ; corrigez l’une des deux dates.`;
      }
      const key = chequeKey(c.bank, c.number);
      const twin = seen.get(key);
      if (twin !== undefined) {
        fields[`cheques.${i}.number`] = `${line} : le chèque n° ${c.number} (${c.bank}) est déjà saisi au chèque ${twin + 1} ; supprimez le doublon.`;
        return;
      }
      seen.set(key, i);
      const recorded = findLiveDuplicate(db, c.bank, c.number);
      if (recorded) {
        fields[`cheques.${i}.number`] =
          `${line} : le chèque n° ${c.number} (${c.bank}) est déjà enregistré, reçu le ${formatDateShortFr(recorded.receivedOn as IsoDate)} pour ${recorded.subscriberName} ; vérifiez le numéro et la banque.`;
      }
    });
    if (Object.keys(fields).length) throw lineErrors(fields);
    const ids = insertCheques(db, lines.map((c) => ({ ...c, subscriberId })), clock.now().toISOString());
    return { cheques: readChequesByIds(db, ids).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)) };
  },
});

/** A checked cheque ready to be written (cheque-record, and the import of postdated cheques). */
export interface ChequeToRecord {
  subscriberId: number;
  number: string;
  bank: string;
  drawer: string;
  amountCents: number;
  receivedOn: string;
  plannedDepositOn: string;
}

/** Writes cheques and credits each at once on the ledger as an advance payment; returns their ids. */
export function insertCheques(db: Db, cheques: readonly ChequeToRecord[], now: string): number[] {
  return db.withStatement(
    `INSERT INTO cheques (subscriber_id, number, bank, drawer, amount_cents, received_on, planned_deposit_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    (insert) =>
      cheques.map((c) => {
        insert.run([c.subscriberId, c.number, c.bank, c.drawer, c.amountCents, c.receivedOn, c.plannedDepositOn, now]);
        const id = db.get<{ id: number }>('SELECT last_insert_rowid() AS id')!.id;
        addEntry(
          db,
          { subscriberId: c.subscriberId, date: c.receivedOn, kind: 'payment', amountCents: c.amountCents, method: 'cheque', reference: c.number, label: `Chèque ${c.bank} n° ${c.number}`, sourceType: 'cheque', sourceId: id },
          now,
        );
        return id;
      }),
  );
}

const sortCheques = (a: Cheque, b: Cheque) => a.plannedDepositOn.localeCompare(b.plannedDepositOn) || compareFr(a.drawer, b.drawer) || a.id - b.id;

/**
 * The cheques screen. `dueBy` gives « chèques à remettre »: cheques still in hand (received)
 * whose planned deposit date is on or before that day.
 */
export const chequeList = defineHandler({
  name: 'cheque-list',
  input: z.object({
    status: z.enum(['received', 'deposited', 'returned'], 'Statut inconnu : reçu, remis ou impayé.').optional(),
    subscriberId: idField.optional(),
    dueBy: isoDateField('Date « à remettre avant le » invalide (attendu AAAA-MM-JJ).').optional(),
    search: trimmed(100).default(''),
  }),
  labels: { status: 'Statut', subscriberId: 'Adhérent', dueBy: 'À remettre avant le', search: 'Recherche' },
  mutates: false,
  run: ({ db }, input) => {
    const where = ['1 = 1'];
    const params: Record<string, string | number> = {};
    if (input.status) {
      where.push('c.status = :status');
      params[':status'] = input.status;
    }
    if (input.subscriberId !== undefined) {
      where.push('c.subscriber_id = :subscriber');
      params[':subscriber'] = input.subscriberId;
    }
    if (input.dueBy) {
      where.push("c.status = 'received' AND c.planned_deposit_on <= :dueBy");
      params[':dueBy'] = input.dueBy;
    }
    const terms = searchTerms(input.search);
    const cheques = readChequesWhere(db, where.join(' AND '), params)
      .filter((c) => {
        if (!terms.length) return true;
        const text = foldText(`${c.number.replace(/\s/g, '')} ${c.number} ${c.bank} ${c.drawer} ${c.subscriberName}`);
        return terms.every((t) => text.includes(t));
      })
      .sort(sortCheques);
    return { cheques, totals: { count: cheques.length, amountCents: cents(cheques.reduce((sum, c) => sum + c.amountCents, 0)) } };
  },
});

function readCheque(db: Db, id: number): Cheque {
  const cheque = readChequesByIds(db, [id])[0];
  if (!cheque) throw new NotFoundError(`Chèque introuvable (n° ${id}).`);
  return cheque;
}

/**
 * « Chèque impayé »: the bank returned it (or it is handed back before deposit). The credit is
 * reversed by a new entry (the ledger is append-only); a cheque is returned once.
 */
export const chequeReturn = defineHandler({
  name: 'cheque-return',
  input: z.object({
    id: idField,
    returnedOn: isoDateField('Date de retour invalide (attendu AAAA-MM-JJ).').optional(),
    reason: requiredText(200, 'Indiquez le motif du retour (exemple : provision insuffisante).'),
  }),
  labels: { id: 'Chèque', returnedOn: 'Date de retour', reason: 'Motif du retour' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const cheque = readCheque(db, input.id);
    if (cheque.status === 'returned') {
      throw new ConflictError(`Le chèque n° ${cheque.number} est déjà enregistré comme impayé depuis le ${formatDateShortFr(cheque.returnedOn as IsoDate)}.`);
    }
    const returnedOn = input.returnedOn ?? clock.today();
    if (returnedOn < cheque.receivedOn) {
      throw ValidationError.field('returnedOn', `La date de retour précède la réception du chèque (${formatDateShortFr(cheque.receivedOn as IsoDate)}) ; corrigez la date de retour.`);
    }
    const paymentId = chequePaymentEntryId(db, cheque.id);
    if (paymentId === null) throw new ConflictError(`Le chèque n° ${cheque.number} n’a pas d’écriture au compte de l’adhérent : rien à annuler.`);
    const now = clock.now().toISOString();
    addEntry(
      db,
      {
        subscriberId: cheque.subscriberId,
        date: returnedOn,
        kind: 'payment_reversal',
        amountCents: -cheque.amountCents,
        method: 'cheque',
        reference: cheque.number,
        label: `Chèque ${cheque.bank} n° ${cheque.number} impayé : ${input.reason}`,
        sourceType: 'cheque',
        sourceId: cheque.id,
        reversesId: paymentId,
      },
      now,
    );
    db.run("UPDATE cheques SET status = 'returned', returned_on = ?, return_reason = ? WHERE id = ?", [returnedOn, input.reason, cheque.id]);
    return readCheque(db, cheque.id);
  },
});

/**
 * Fixes a typing mistake on a cheque still in hand. The amount is what was credited: it does
 * not change here (record the cheque as returned and enter the right one).
 */
export const chequeUpdate = defineHandler({
  name: 'cheque-update',
  input: z.object({
    id: idField,
    number: requiredText(30, 'Indiquez le numéro du chèque.').optional(),
    bank: requiredText(80, 'Indiquez la banque du chèque.').optional(),
    drawer: requiredText(120, 'Indiquez le tireur (la personne qui a signé le chèque).').optional(),
    plannedDepositOn: isoDateField('Date de remise prévue invalide (attendu AAAA-MM-JJ).').optional(),
    amountCents: z.number().int().optional(),
  }),
  labels: { id: 'Chèque', number: 'Numéro', bank: 'Banque', drawer: 'Tireur', plannedDepositOn: 'Remise prévue le', amountCents: 'Montant' },
  mutates: true,
  run: ({ db }, input) => {
    const cheque = readCheque(db, input.id);
    if (input.amountCents !== undefined && input.amountCents !== cheque.amountCents) {
      throw ValidationError.field(
        'amountCents',
        `Le montant d’un chèque enregistré ne se modifie pas (${formatEuros(cheque.amountCents)} crédités) : marquez ce chèque comme retourné puis enregistrez le bon montant.`,
      );
    }
    if (cheque.status !== 'received') {
      const state = cheque.status === 'deposited' ? `déjà remis en banque (bordereau ${cheque.depositSlipNumber ?? ''})` : 'marqué impayé';
      throw new ConflictError(`Le chèque n° ${cheque.number} est ${state} : il ne peut plus être modifié.`);
    }
    const next = {
      number: input.number ?? cheque.number,
      bank: input.bank ?? cheque.bank,
      drawer: input.drawer ?? cheque.drawer,
      plannedDepositOn: input.plannedDepositOn ?? cheque.plannedDepositOn,
    };
    if (next.plannedDepositOn < cheque.receivedOn) {
      throw ValidationError.field('plannedDepositOn', `La remise prévue ne peut pas précéder la réception du chèque (${formatDateShortFr(cheque.receivedOn as IsoDate)}).`);
    }
    const twin = findLiveDuplicate(db, next.bank, next.number, cheque.id);
    if (twin) {
      throw ValidationError.field('number', `Le chèque n° ${next.number} (${next.bank}) est déjà enregistré pour ${twin.subscriberName} ; vérifiez le numéro et la banque.`);
    }
    db.run('UPDATE cheques SET number = ?, bank = ?, drawer = ?, planned_deposit_on = ? WHERE id = ?', [next.number, next.bank, next.drawer, next.plannedDepositOn, cheque.id]);
    return readCheque(db, cheque.id);
  },
});
