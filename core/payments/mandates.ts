import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addMonths, formatDateShortFr, type IsoDate } from '../dates/dates';
import { foldText } from '../text/fold';
import { compareFr } from '../text/collate';
import { bicProblem, formatIban, ibanProblem, normalizeBic, normalizeIban } from '../validation/bank';
import { idField, isoDateField, trimmed } from '../validation/fields';
import { MANDATE_LAPSE_MONTHS } from './sepa-candidates';
import { displayName } from './payment-common';

/**
 * SEPA mandates (finance-rules §2.6). The mandate lives on the subscriber (RUM, IBAN, BIC,
 * signature); each earlier state is kept in mandate_history by a trigger, and a debit records
 * the mandate it used, from which the next file's amendment details are derived.
 */

export type MandateStatus = 'active' | 'lapsing' | 'lapsed' | 'revoked' | 'incomplete';

export const MANDATE_STATUS_LABELS: Record<MandateStatus, string> = {
  active: 'Actif',
  lapsing: 'Bientôt caduc',
  lapsed: 'Caduc (36 mois sans prélèvement)',
  revoked: 'Révoqué',
  incomplete: 'Incomplet',
};

interface MandateRow {
  id: number;
  kind: string;
  first_name: string;
  last_name: string;
  payment_method: string;
  iban: string;
  bic: string;
  mandate_rum: string;
  mandate_signed_on: IsoDate | null;
  mandate_revoked_on: IsoDate | null;
  last_collection: IsoDate | null;
  changes: number;
  search_text: string;
}

export function mandateStatus(r: Pick<MandateRow, 'iban' | 'mandate_rum' | 'mandate_signed_on' | 'mandate_revoked_on' | 'last_collection'>, today: IsoDate): MandateStatus {
  if (r.mandate_revoked_on && r.mandate_revoked_on <= today) return 'revoked';
  if (!r.mandate_rum || !r.mandate_signed_on || ibanProblem(r.iban)) return 'incomplete';
  const lapsesOn = addMonths(r.last_collection ?? r.mandate_signed_on, MANDATE_LAPSE_MONTHS);
  if (lapsesOn < today) return 'lapsed';
  // Three months ahead: time to collect once or to have a new mandate signed.
  if (addMonths(today, 3) >= lapsesOn) return 'lapsing';
  return 'active';
}

export const mandateList = defineHandler({
  name: 'mandate-list',
  input: z.object({
    status: z.enum(['all', 'active', 'lapsing', 'lapsed', 'revoked', 'incomplete']).default('all'),
    search: trimmed(100).default(''),
    /** One subscriber's mandate (their page). */
    subscriberId: idField.optional(),
  }),
  mutates: false,
  run: ({ db, clock }, { status, search, subscriberId }) => {
    const today = clock.today();
    const terms = foldText(search).split(/\s+/).filter(Boolean);
    const rows = db.all<MandateRow>(
      `SELECT s.id, s.kind, s.first_name, s.last_name, s.payment_method, s.iban, s.bic, s.mandate_rum, s.mandate_signed_on, s.mandate_revoked_on, s.search_text,
         (SELECT max(b.collection_date) FROM sepa_debits d JOIN sepa_batches b ON b.id = d.batch_id WHERE d.subscriber_id = s.id AND d.status = 'settled') AS last_collection,
         (SELECT count(*) FROM mandate_history h WHERE h.subscriber_id = s.id) AS changes
       FROM subscribers s WHERE s.archived_at IS NULL AND (s.payment_method = 'sepa' OR s.mandate_rum != '') AND (:s IS NULL OR s.id = :s)`,
      { ':s': subscriberId ?? null },
    );
    const mandates = rows
      .filter((r) => terms.every((t) => r.search_text.includes(t)))
      .map((r) => {
        const st = mandateStatus(r, today);
        return {
          subscriberId: r.id,
          name: displayName(r),
          sortName: `${r.last_name} ${r.first_name}`,
          paysBySepa: r.payment_method === 'sepa',
          rum: r.mandate_rum,
          iban: r.iban ? formatIban(r.iban) : '',
          bic: r.bic,
          signedOn: r.mandate_signed_on,
          revokedOn: r.mandate_revoked_on,
          lastCollection: r.last_collection,
          lapsesOn: r.mandate_signed_on ? addMonths(r.last_collection ?? r.mandate_signed_on, MANDATE_LAPSE_MONTHS) : null,
          changes: r.changes,
          status: st,
          statusLabel: MANDATE_STATUS_LABELS[st],
        };
      })
      .sort((a, b) => compareFr(a.sortName, b.sortName));
    const counts = Object.fromEntries((Object.keys(MANDATE_STATUS_LABELS) as MandateStatus[]).map((k) => [k, mandates.filter((m) => m.status === k).length])) as Record<MandateStatus, number>;
    return { mandates: status === 'all' ? mandates : mandates.filter((m) => m.status === status), counts, total: mandates.length };
  },
});

function subscriberMandate(db: Db, id: number) {
  const row = db.get<{ id: number; mandate_rum: string; mandate_revoked_on: string | null; payment_method: string }>('SELECT id, mandate_rum, mandate_revoked_on, payment_method FROM subscribers WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Adhérent introuvable (n° ${id}).`);
  return row;
}

/** Debits of the subscriber in batches not yet sent: the office should take them out. */
function pendingInReadyBatches(db: Db, subscriberId: number): number[] {
  return db
    .all<{ b: number }>("SELECT DISTINCT d.batch_id AS b FROM sepa_debits d JOIN sepa_batches b ON b.id = d.batch_id WHERE d.subscriber_id = ? AND d.status = 'pending' AND b.status = 'ready'", [subscriberId])
    .map((r) => r.b);
}

export const mandateRevoke = defineHandler({
  name: 'mandate-revoke',
  input: z.object({ subscriberId: idField, date: isoDateField('Date de révocation invalide.') }),
  labels: { subscriberId: 'Adhérent', date: 'Date de révocation' },
  mutates: true,
  run: ({ db }, { subscriberId, date }) => {
    const m = subscriberMandate(db, subscriberId);
    if (!m.mandate_rum) throw new ConflictError('Cet adhérent n’a pas de mandat SEPA à révoquer.');
    if (m.mandate_revoked_on) throw new ConflictError(`Ce mandat est déjà révoqué depuis le ${formatDateShortFr(m.mandate_revoked_on as IsoDate)}.`);
    db.run('UPDATE subscribers SET mandate_revoked_on = ? WHERE id = ?', [date, subscriberId]);
    return { subscriberId, revokedOn: date, readyBatches: pendingInReadyBatches(db, subscriberId) };
  },
});

const RUM_PATTERN = /^[A-Za-z0-9+?/:().,' -]{1,35}$/;

/**
 * A new IBAN (signed notice from the debtor) or a new mandate (new RUM and signature). The old
 * state goes to mandate_history; the next debit carries the amendment details to the bank.
 */
export const mandateAmend = defineHandler({
  name: 'mandate-amend',
  input: z.object({
    subscriberId: idField,
    iban: z.string().max(50),
    bic: z.string().max(20).default(''),
    rum: trimmed(35).optional(),
    signedOn: isoDateField('Date de signature invalide.').optional(),
  }),
  labels: { subscriberId: 'Adhérent', iban: 'IBAN', bic: 'BIC', rum: 'Référence du mandat (RUM)', signedOn: 'Date de signature' },
  mutates: true,
  run: ({ db }, input) => {
    const m = subscriberMandate(db, input.subscriberId);
    const ibanIssue = ibanProblem(input.iban);
    if (ibanIssue) throw ValidationError.field('iban', ibanIssue);
    if (input.bic.trim() && bicProblem(input.bic)) throw ValidationError.field('bic', bicProblem(input.bic)!);
    const rum = input.rum ?? m.mandate_rum;
    if (!rum) throw ValidationError.field('rum', 'Indiquez la référence du mandat (RUM).');
    if (!RUM_PATTERN.test(rum) || rum.startsWith('/')) throw ValidationError.field('rum', 'Référence de mandat (RUM) invalide : 35 caractères au plus, lettres, chiffres et + ? / - : ( ) . , \' uniquement.');
    const clash = db.get<{ last_name: string }>('SELECT last_name FROM subscribers WHERE upper(mandate_rum) = upper(?) AND id != ?', [rum, input.subscriberId]);
    if (clash) throw ValidationError.field('rum', `Cette référence de mandat est déjà celle de ${clash.last_name}.`);
    const newMandate = rum.toUpperCase() !== m.mandate_rum.toUpperCase();
    if (newMandate && !input.signedOn) throw ValidationError.field('signedOn', 'Un nouveau mandat a une date de signature : indiquez-la.');
    if (m.mandate_revoked_on && !input.signedOn) throw ValidationError.field('signedOn', 'Ce mandat est révoqué : pour reprendre les prélèvements, indiquez la date de signature du nouveau mandat.');
    db.run(
      `UPDATE subscribers SET iban = ?, bic = ?, mandate_rum = ?, mandate_signed_on = coalesce(?, mandate_signed_on),
         mandate_revoked_on = CASE WHEN ? IS NULL THEN mandate_revoked_on ELSE NULL END,
         search_text = replace(search_text, ?, ?) WHERE id = ?`,
      [normalizeIban(input.iban), normalizeBic(input.bic), rum, input.signedOn ?? null, input.signedOn ?? null, foldText(m.mandate_rum) || '\u0000', foldText(rum), input.subscriberId],
    );
    return { subscriberId: input.subscriberId, readyBatches: pendingInReadyBatches(db, input.subscriberId) };
  },
});

export const mandateHistory = defineHandler({
  name: 'mandate-history',
  input: z.object({ subscriberId: idField }),
  mutates: false,
  run: ({ db }, { subscriberId }) => {
    subscriberMandate(db, subscriberId);
    return db
      .all<{ rum: string; iban: string; bic: string; signed_on: string | null; revoked_on: string | null; replaced_at: string }>(
        'SELECT rum, iban, bic, signed_on, revoked_on, replaced_at FROM mandate_history WHERE subscriber_id = ? ORDER BY id DESC',
        [subscriberId],
      )
      .map((h) => ({ rum: h.rum, iban: h.iban ? formatIban(h.iban) : '', bic: h.bic, signedOn: h.signed_on, revokedOn: h.revoked_on, replacedAt: h.replaced_at }));
  },
});
