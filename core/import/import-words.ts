import { getISOWeek } from 'date-fns';
import { toLocalNoon, type IsoDate } from '../dates/dates';
import type { Frequency } from '../formulas/formulas';
import type { PaymentMethod } from '../subscribers/subscribers';
import { foldText } from '../text/fold';

/** The words of the old spreadsheets for frequencies, payment methods and civilities. */

const word = (text: string) => foldText(text).replace(/[^a-z0-9/]+/g, ' ').trim();

const WEEKLY = ['hebdo', 'hebdomadaire', 'chaque semaine', 'toutes les semaines', 'semaine', '1 semaine', '1/semaine', 'weekly'];
const FORTNIGHT = ['15 jours', 'quinzaine', 'tous les 15 jours', 'toutes les 2 semaines', 'une semaine sur deux', '1 semaine sur 2', 'bimensuel', 'quinzomadaire'];
const EVEN = ['semaines paires', 'semaine paire', 'paire', 'paires', '15 jours paires', 'quinzaine paire'];
const ODD = ['semaines impaires', 'semaine impaire', 'impaire', 'impaires', '15 jours impaires', 'quinzaine impaire'];
const MONTHLY = ['mensuel', 'mensuelle', 'mois', '1 fois par mois', 'une fois par mois', 'chaque mois', 'tous les mois'];

/**
 * The frequency a word means; empty is weekly. « 15 jours » without a parity takes the parity
 * of the first delivery week, so the first basket comes the week the subscription starts.
 */
export function parseFrequency(text: string, start: IsoDate): Frequency | null {
  const w = word(text);
  if (w === '' || WEEKLY.includes(w)) return 'weekly';
  if (EVEN.includes(w)) return 'biweekly_even';
  if (ODD.includes(w)) return 'biweekly_odd';
  if (FORTNIGHT.includes(w)) return getISOWeek(toLocalNoon(start)) % 2 === 0 ? 'biweekly_even' : 'biweekly_odd';
  if (MONTHLY.includes(w)) return 'monthly';
  return null;
}

export const FREQUENCY_WORDS = 'hebdomadaire, 15 jours, semaines paires, semaines impaires ou mensuel';

const METHODS: Record<PaymentMethod, readonly string[]> = {
  sepa: ['prelevement', 'prelevement sepa', 'prelevement automatique', 'sepa', 'prlv', 'prelev', 'pa'],
  cheque: ['cheque', 'cheques', 'chq', 'cheque trimestriel', 'cheques trimestriels', 'prepaiement'],
  transfer: ['virement', 'vir', 'virement bancaire'],
  other: ['especes', 'espece', 'liquide', 'autre', 'cb', 'carte'],
};

/** The payment method a word means; null when unknown, undefined when empty. */
export function parsePaymentMethod(text: string): PaymentMethod | null | undefined {
  const w = word(text);
  if (w === '') return undefined;
  for (const [method, words] of Object.entries(METHODS) as [PaymentMethod, readonly string[]][]) if (words.includes(w)) return method;
  return null;
}

export const PAYMENT_WORDS = 'prélèvement, chèque, virement ou espèces';

export function parseCivility(text: string): '' | 'Mme' | 'M.' | null {
  const w = word(text);
  if (w === '') return '';
  if (['mme', 'madame', 'mlle', 'mademoiselle', 'mmes'].includes(w)) return 'Mme';
  if (['m', 'mr', 'monsieur'].includes(w)) return 'M.';
  return null;
}
