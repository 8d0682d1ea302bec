import type { FieldErrors } from '../../../core/api/errors';
import type { Formula, Frequency } from '../../../core/formulas/formulas';
import { formatEuros, MoneyError, parseEuros, type Cents } from '../../../core/money/money';
import { readTypedDate, toTypedDate } from '../../settings/form/date-text';

/** The formula form as typed. Amounts are text in euros until sent (then integer cents). */
export interface FormulaFormValues {
  code: string;
  name: string;
  description: string;
  vatRateBp: string;
  quarterlyFlat: string;
  isSocial: boolean;
  baseFormulaId: string;
  yearRound: boolean;
  availableFromMonth: string;
  availableToMonth: string;
  frequencies: Frequency[];
  /** Only when creating: the first price and its start (jj/mm/aaaa). */
  price: string;
  priceFrom: string;
}

export function emptyFormulaValues(today: string): FormulaFormValues {
  return {
    code: '',
    name: '',
    description: '',
    vatRateBp: '550',
    quarterlyFlat: '',
    isSocial: false,
    baseFormulaId: '',
    yearRound: true,
    availableFromMonth: '',
    availableToMonth: '',
    frequencies: ['weekly'],
    price: '',
    priceFrom: toTypedDate(today),
  };
}

export function formulaValues(formula: Formula): FormulaFormValues {
  return {
    code: formula.code,
    name: formula.name,
    description: formula.description,
    vatRateBp: String(formula.vatRateBp),
    quarterlyFlat: formula.quarterlyFlatCents === null ? '' : formatEuros(formula.quarterlyFlatCents, { symbol: false }),
    isSocial: formula.isSocial,
    baseFormulaId: formula.baseFormulaId === null ? '' : String(formula.baseFormulaId),
    yearRound: formula.availableFromMonth === null,
    availableFromMonth: formula.availableFromMonth === null ? '' : String(formula.availableFromMonth),
    availableToMonth: formula.availableToMonth === null ? '' : String(formula.availableToMonth),
    frequencies: formula.frequencies,
    price: '',
    priceFrom: '',
  };
}

/** Euros as typed → cents; '' → null; a typing mistake goes to `errors[key]`. */
export function centsOf(text: string, key: string, errors: FieldErrors, required: string | null): Cents | null {
  if (text.trim() === '') {
    if (required) errors[key] = required;
    return null;
  }
  try {
    const value = parseEuros(text);
    if (value < 0) errors[key] = 'Le montant ne peut pas être négatif.';
    return value;
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    errors[key] = error.message;
    return null;
  }
}

/** The handler's input and the conversion errors, keyed as the handler's fields. */
export function formulaInputOf(values: FormulaFormValues, creating: boolean): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = {
    code: values.code,
    name: values.name,
    description: values.description,
    vatRateBp: Number(values.vatRateBp),
    quarterlyFlatCents: centsOf(values.quarterlyFlat, 'quarterlyFlatCents', errors, null),
    isSocial: values.isSocial,
    baseFormulaId: values.isSocial && values.baseFormulaId !== '' ? Number(values.baseFormulaId) : null,
    availableFromMonth: values.yearRound || values.availableFromMonth === '' ? null : Number(values.availableFromMonth),
    availableToMonth: values.yearRound || values.availableToMonth === '' ? null : Number(values.availableToMonth),
    frequencies: values.frequencies,
  };
  if (!values.yearRound && (values.availableFromMonth === '' || values.availableToMonth === '')) {
    errors[values.availableFromMonth === '' ? 'availableFromMonth' : 'availableToMonth'] = 'Choisissez le premier et le dernier mois, ou cochez « Toute l’année ».';
  }
  if (creating) {
    input.priceCents = centsOf(values.price, 'priceCents', errors, 'Indiquez le prix par livraison (exemple : 12,50).');
    const { day, error } = readTypedDate(values.priceFrom);
    input.priceFrom = day ?? '';
    if (error) errors.priceFrom = error;
    else if (!day) errors.priceFrom = 'Indiquez la date à partir de laquelle ce prix s’applique (exemple : 01/01/2027).';
  }
  return { input, errors };
}
