import { z } from 'zod';
import type { Cents } from '../money/money';
import { centsField, idField, isoDateField, requiredText, trimmed } from '../validation/fields';

export const FREQUENCIES = ['weekly', 'biweekly_even', 'biweekly_odd', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: 'Chaque semaine',
  biweekly_even: 'Une semaine sur deux (semaines paires)',
  biweekly_odd: 'Une semaine sur deux (semaines impaires)',
  monthly: 'Une fois par mois',
};

/** VAT rates a basket may carry (basis points): none, 5,5 % (food), 10 %, 20 %. */
export const VAT_RATES_BP = [0, 550, 1000, 2000] as const;

export interface FormulaPrice {
  validFrom: string;
  priceCents: Cents;
}

export interface Formula {
  id: number;
  code: string;
  name: string;
  description: string;
  vatRateBp: number;
  quarterlyFlatCents: Cents | null;
  isSocial: boolean;
  /** For a social (Découverte) variant: the formula it is the social price of. */
  baseFormulaId: number | null;
  availableFromMonth: number | null;
  availableToMonth: number | null;
  frequencies: Frequency[];
  archivedAt: string | null;
  /** Price in force today (null when its first price starts later). */
  currentPriceCents: Cents | null;
  /** Every dated price, oldest first. */
  prices: FormulaPrice[];
}

const month = z.number().int().min(1, 'Mois entre 1 et 12.').max(12, 'Mois entre 1 et 12.').nullable();

const formulaFields = z.object({
  code: requiredText(20, 'Indiquez un code court (exemple : PETIT).'),
  name: requiredText(100, 'Indiquez le nom de la formule.'),
  description: trimmed(500),
  vatRateBp: z
    .number()
    .refine((v) => (VAT_RATES_BP as readonly number[]).includes(v), 'Taux de TVA non prévu (0 %, 5,5 %, 10 % ou 20 %).'),
  quarterlyFlatCents: centsField('Le forfait trimestriel est un montant positif.').nullable(),
  isSocial: z.boolean(),
  baseFormulaId: idField.nullable(),
  availableFromMonth: month,
  availableToMonth: month,
  frequencies: z.array(z.enum(FREQUENCIES)).min(1, 'Proposez au moins une fréquence.'),
});

function checkConsistency(value: z.output<typeof formulaFields>, ctx: z.RefinementCtx): void {
  if ((value.availableFromMonth === null) !== (value.availableToMonth === null)) {
    ctx.addIssue({ code: 'custom', path: ['availableToMonth'], message: 'Indiquez le premier et le dernier mois de disponibilité, ou aucun.' });
  }
  if (value.isSocial && value.baseFormulaId === null) {
    ctx.addIssue({ code: 'custom', path: ['baseFormulaId'], message: 'Indiquez la formule dont ce tarif social est la variante.' });
  }
  if (!value.isSocial && value.baseFormulaId !== null) {
    ctx.addIssue({ code: 'custom', path: ['baseFormulaId'], message: 'Seul un tarif social a une formule de référence.' });
  }
}

export const formulaInput = formulaFields.superRefine(checkConsistency);

export const formulaCreateInput = formulaFields
  .extend({
    priceCents: centsField('Le prix par livraison est un montant positif.'),
    priceFrom: isoDateField(),
  })
  .superRefine(checkConsistency);

export const formulaUpdateInput = formulaFields.extend({ id: idField }).superRefine(checkConsistency);

export const formulaPriceInput = z.object({
  formulaId: idField,
  validFrom: isoDateField(),
  priceCents: centsField('Le prix par livraison est un montant positif.'),
});

export const FORMULA_LABELS = {
  code: 'Code',
  name: 'Nom de la formule',
  description: 'Description',
  vatRateBp: 'Taux de TVA',
  quarterlyFlatCents: 'Forfait trimestriel (chèques)',
  isSocial: 'Tarif social',
  baseFormulaId: 'Formule de référence',
  availableFromMonth: 'Disponible à partir du mois',
  availableToMonth: 'Disponible jusqu’au mois',
  frequencies: 'Fréquences proposées',
  priceCents: 'Prix par livraison',
  priceFrom: 'Prix applicable à partir du',
  validFrom: 'Applicable à partir du',
};

/** Whether a formula is delivered in a month (ranges may wrap the year: November–February). */
export function isAvailableInMonth(formula: Pick<Formula, 'availableFromMonth' | 'availableToMonth'>, monthNumber: number): boolean {
  const { availableFromMonth: from, availableToMonth: to } = formula;
  if (from === null || to === null) return true;
  return from <= to ? monthNumber >= from && monthNumber <= to : monthNumber >= from || monthNumber <= to;
}
