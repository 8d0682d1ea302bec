import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { cents, type Cents } from '../money/money';

/** Settings of the payments (Paramètres → Règlements), one row. */
export interface PaymentSettings {
  /** Calendar days between the invoice (the pre-notification) and the debit (SEPA rulebook: 14). */
  prenotificationDays: number;
  /** Default collection day of the month (the letter: the 10th). */
  collectionDay: number;
  painVersion: '001.08' | '001.02';
  /** `RCUR` since Nov 2016 for every recurring collection; `FRST` for banks that still want it. */
  firstSequenceType: 'RCUR' | 'FRST';
  lowBalanceThresholdCents: Cents;
  accounts: {
    customers: string;
    sales: string;
    membership: string;
    vat: string;
    bank: string;
    cheques: string;
    cash: string;
    opening: string;
  };
  journals: { sales: string; bank: string; opening: string };
}

interface SettingsRow {
  prenotification_days: number;
  collection_day: number;
  pain_version: '001.08' | '001.02';
  first_sequence_type: 'RCUR' | 'FRST';
  low_balance_threshold_cents: number;
  account_customers: string;
  account_sales: string;
  account_membership: string;
  account_vat: string;
  account_bank: string;
  account_cheques: string;
  account_cash: string;
  account_opening: string;
  journal_sales: string;
  journal_bank: string;
  journal_opening: string;
}

export function readPaymentSettings(db: Db): PaymentSettings {
  const r = db.get<SettingsRow>('SELECT * FROM payment_settings WHERE id = 1');
  if (!r) throw new Error('payment_settings row missing');
  return {
    prenotificationDays: r.prenotification_days,
    collectionDay: r.collection_day,
    painVersion: r.pain_version,
    firstSequenceType: r.first_sequence_type,
    lowBalanceThresholdCents: cents(r.low_balance_threshold_cents),
    accounts: {
      customers: r.account_customers,
      sales: r.account_sales,
      membership: r.account_membership,
      vat: r.account_vat,
      bank: r.account_bank,
      cheques: r.account_cheques,
      cash: r.account_cash,
      opening: r.account_opening,
    },
    journals: { sales: r.journal_sales, bank: r.journal_bank, opening: r.journal_opening },
  };
}

// Plan comptable général: an account number is digits, 3 to 12 of them (e.g. 411000, 5112).
const account = z.string().trim().regex(/^\d{3,12}$/, 'Numéro de compte invalide : de 3 à 12 chiffres (exemple : 411000).');
const journal = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,6}$/, 'Code journal invalide : 1 à 6 lettres ou chiffres (exemple : BQ).');

export const paymentSettingsInput = z.object({
  prenotificationDays: z.number().int('Un nombre entier de jours.').min(1, 'Entre 1 et 60 jours.').max(60, 'Entre 1 et 60 jours.'),
  collectionDay: z.number().int('Un jour du mois entre 1 et 28.').min(1, 'Un jour du mois entre 1 et 28.').max(28, 'Un jour du mois entre 1 et 28.'),
  painVersion: z.enum(['001.08', '001.02'], 'Choisissez une version du format pain.008.'),
  firstSequenceType: z.enum(['RCUR', 'FRST'], 'Choisissez RCUR ou FRST.'),
  lowBalanceThresholdCents: z.number().int('Montant en centimes entiers.').min(0, 'Le seuil ne peut pas être négatif.').max(100_000_00, 'Seuil trop élevé.'),
  accounts: z.object({ customers: account, sales: account, membership: account, vat: account, bank: account, cheques: account, cash: account, opening: account }),
  journals: z.object({ sales: journal, bank: journal, opening: journal }),
});

export const PAYMENT_SETTINGS_LABELS = {
  prenotificationDays: 'Délai de pré-notification (jours)',
  collectionDay: 'Jour de prélèvement',
  painVersion: 'Version du fichier SEPA',
  firstSequenceType: 'Type de séquence du premier prélèvement',
  lowBalanceThresholdCents: 'Seuil de solde bas',
  'accounts.customers': 'Compte adhérents (clients)',
  'accounts.sales': 'Compte de ventes de paniers',
  'accounts.membership': 'Compte de cotisations',
  'accounts.vat': 'Compte de TVA collectée',
  'accounts.bank': 'Compte bancaire',
  'accounts.cheques': 'Compte de chèques à encaisser',
  'accounts.cash': 'Compte de caisse',
  'accounts.opening': 'Compte de reprise des soldes',
  'journals.sales': 'Journal des ventes',
  'journals.bank': 'Journal de banque',
  'journals.opening': 'Journal des à-nouveaux',
} as const;

export const paymentSettingsGet = defineHandler({
  name: 'payment-settings-get',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => readPaymentSettings(db),
});

export const paymentSettingsUpdate = defineHandler({
  name: 'payment-settings-update',
  input: paymentSettingsInput,
  labels: PAYMENT_SETTINGS_LABELS,
  mutates: true,
  run: ({ db, clock }, s) => {
    db.run(
      `UPDATE payment_settings SET prenotification_days = ?, collection_day = ?, pain_version = ?, first_sequence_type = ?, low_balance_threshold_cents = ?,
         account_customers = ?, account_sales = ?, account_membership = ?, account_vat = ?, account_bank = ?, account_cheques = ?, account_cash = ?, account_opening = ?,
         journal_sales = ?, journal_bank = ?, journal_opening = ?, updated_at = ? WHERE id = 1`,
      [
        s.prenotificationDays, s.collectionDay, s.painVersion, s.firstSequenceType, s.lowBalanceThresholdCents,
        s.accounts.customers, s.accounts.sales, s.accounts.membership, s.accounts.vat, s.accounts.bank, s.accounts.cheques, s.accounts.cash, s.accounts.opening,
        s.journals.sales, s.journals.bank, s.journals.opening, clock.now().toISOString(),
      ],
    );
    return readPaymentSettings(db);
  },
});
