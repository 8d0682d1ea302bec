import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { cents, formatEuros, type Cents } from '../money/money';
import { compareFr } from '../text/collate';
import { idField, isoDateField } from '../validation/fields';
import { readChequesByIds, readChequesWhere, type Cheque } from './cheque-rows';

/** A bordereau de remise de chèques as recorded (finance-rules §4): frozen once created. */
export interface DepositSlip {
  id: number;
  number: string;
  depositDate: string;
  accountHolder: string;
  accountIban: string;
  accountBic: string;
  chequeCount: number;
  totalCents: Cents;
  createdAt: string;
}

interface SlipRow {
  id: number;
  number: string;
  deposit_date: string;
  account_holder: string;
  account_iban: string;
  account_bic: string;
  cheque_count: number;
  total_cents: number;
  created_at: string;
}

const slipFromDb = (r: SlipRow): DepositSlip => ({
  id: r.id,
  number: r.number,
  depositDate: r.deposit_date,
  accountHolder: r.account_holder,
  accountIban: r.account_iban,
  accountBic: r.account_bic,
  chequeCount: r.cheque_count,
  totalCents: cents(r.total_cents),
  createdAt: r.created_at,
});

/** `BR-2026-0007`: one series per year of the deposit date; the UNIQUE index guards it too. */
export function nextSlipNumber(db: Db, depositDate: string): string {
  const year = depositDate.slice(0, 4);
  // Numeric max: past 9999 a text max would put BR-2026-10000 before BR-2026-9999.
  const last = db.get<{ n: number | null }>('SELECT max(CAST(substr(number, 9) AS INTEGER)) AS n FROM deposit_slips WHERE number LIKE :p', { ':p': `BR-${year}-%` })?.n;
  const next = (last ?? 0) + 1;
  return `BR-${year}-${String(next).padStart(4, '0')}`;
}

const chequeOrder = (a: Cheque, b: Cheque) => compareFr(a.drawer, b.drawer) || a.id - b.id;

export function readSlip(db: Db, id: number): { slip: DepositSlip; cheques: Cheque[] } {
  const row = db.get<SlipRow>('SELECT * FROM deposit_slips WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Bordereau de remise introuvable (n° ${id}).`);
  return { slip: slipFromDb(row), cheques: readChequesWhere(db, 'c.deposit_slip_id = :slip', { ':slip': id }).sort(chequeOrder) };
}

/**
 * « Bordereau de remise »: a selection of cheques in hand taken to the bank on a day. The
 * account holder and account are copied from the organisation so the slip never changes.
 */
export const depositSlipCreate = defineHandler({
  name: 'deposit-slip-create',
  input: z.object({
    chequeIds: z.array(idField).max(500, 'Au plus 500 chèques par bordereau.'),
    depositDate: isoDateField('Date de remise invalide (attendu AAAA-MM-JJ).'),
    /** Deposit cheques before their planned date (the subscriber agreed, or the office decided). */
    allowEarly: z.boolean().default(false),
  }),
  labels: { chequeIds: 'Chèques', depositDate: 'Date de remise', allowEarly: 'Remise avant la date prévue' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const ids = [...new Set(input.chequeIds)];
    if (ids.length === 0) throw ValidationError.field('chequeIds', 'Sélectionnez au moins un chèque à remettre.');
    const cheques = readChequesByIds(db, ids);
    const missing = ids.filter((id) => !cheques.some((c) => c.id === id));
    if (missing.length) throw new NotFoundError(`Chèque introuvable (n° ${missing.join(', ')}) : actualisez la liste des chèques.`);
    const unavailable = cheques.filter((c) => c.status !== 'received');
    if (unavailable.length) {
      const list = unavailable
        .map((c) => `n° ${c.number} (${c.drawer}) ${c.status === 'deposited' ? `déjà remis sur le bordereau ${c.depositSlipNumber ?? ''}` : 'marqué impayé'}`)
        .join(', ');
      throw ValidationError.field('chequeIds', `Ces chèques ne peuvent pas être remis : ${list}. Retirez-les de la sélection.`);
    }
    const tooSoon = cheques.filter((c) => c.receivedOn > input.depositDate);
    if (tooSoon.length) {
      const list = tooSoon.map((c) => `n° ${c.number} (reçu le ${formatDateShortFr(c.receivedOn as IsoDate)})`).join(', ');
      throw ValidationError.field('depositDate', `La date de remise précède la réception de chèques : ${list}. Choisissez une date de remise plus tardive.`);
    }
    const early = cheques.filter((c) => c.plannedDepositOn > input.depositDate).sort(chequeOrder);
    const earlyList = early.map((c) => `n° ${c.number} de ${c.drawer} (prévu le ${formatDateShortFr(c.plannedDepositOn as IsoDate)})`).join(', ');
    if (early.length && !input.allowEarly) {
      throw ValidationError.field(
        'depositDate',
        `Des chèques sont prévus pour une remise après le ${formatDateShortFr(input.depositDate)} : ${earlyList}. Retirez-les ou confirmez la remise anticipée.`,
      );
    }
    const org = db.get<{ legal_name: string; iban: string; bic: string }>('SELECT legal_name, iban, bic FROM organisation WHERE id = 1')!;
    if (!org.iban.trim()) {
      throw new ConflictError('Le compte bancaire (IBAN) de l’association n’est pas renseigné : complétez-le dans Paramètres → Organisation avant de préparer un bordereau.');
    }
    if (!org.legal_name.trim()) {
      throw new ConflictError('La raison sociale de l’association (titulaire du compte) n’est pas renseignée : complétez-la dans Paramètres → Organisation.');
    }
    const number = nextSlipNumber(db, input.depositDate);
    const total = cheques.reduce((sum, c) => sum + c.amountCents, 0);
    const { lastInsertRowid: id } = db.run(
      `INSERT INTO deposit_slips (number, deposit_date, account_holder, account_iban, account_bic, cheque_count, total_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [number, input.depositDate, org.legal_name, org.iban, org.bic, cheques.length, total, clock.now().toISOString()],
    );
    db.run(`UPDATE cheques SET status = 'deposited', deposit_slip_id = ? WHERE id IN (${ids.join(',')})`, [id]);
    const message = early.length
      ? `Bordereau ${number} : ${cheques.length} chèque(s), ${formatEuros(cents(total))}. Remis avant leur date prévue : ${earlyList}.`
      : `Bordereau ${number} : ${cheques.length} chèque(s), ${formatEuros(cents(total))}.`;
    return { ...readSlip(db, id), earlyChequeIds: early.map((c) => c.id), message };
  },
});

/** The slips, newest first, optionally of one year. */
export const depositSlipList = defineHandler({
  name: 'deposit-slip-list',
  input: z.object({ year: z.number().int().min(2000, 'Année invalide.').max(2999, 'Année invalide.').optional() }),
  labels: { year: 'Année' },
  mutates: false,
  run: ({ db }, { year }) => {
    const rows = db.all<SlipRow & { returned_count: number }>(
      `SELECT d.*, (SELECT count(*) FROM cheques c WHERE c.deposit_slip_id = d.id AND c.status = 'returned') AS returned_count
       FROM deposit_slips d WHERE :year IS NULL OR substr(d.deposit_date, 1, 4) = :year ORDER BY d.deposit_date DESC, d.number DESC`,
      { ':year': year === undefined ? null : String(year) },
    );
    const slips = rows.map((r) => ({ ...slipFromDb(r), returnedCount: r.returned_count }));
    return { slips, totals: { count: slips.length, chequeCount: slips.reduce((s, d) => s + d.chequeCount, 0), amountCents: cents(slips.reduce((s, d) => s + d.totalCents, 0)) } };
  },
});

/** One slip with its cheques (drawer order, as printed) and the subscriber each was credited to. */
export const depositSlipGet = defineHandler({
  name: 'deposit-slip-get',
  input: z.object({ id: idField }),
  labels: { id: 'Bordereau' },
  mutates: false,
  run: ({ db }, { id }) => readSlip(db, id),
});
