/**
 * Money is integer euro cents everywhere (a branded number). Conversion to and from text
 * happens only at the UI edge and in documents, through the two functions below.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export class MoneyError extends Error {}

/** Brands an integer number of cents; refuses fractions and unsafe integers. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`Montant invalide : ${value} n'est pas un nombre entier de centimes.`);
  }
  return value as Cents;
}

export const ZERO = 0 as Cents;

export function addCents(...values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) total += value;
  return cents(total);
}

export function subtractCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function multiplyCents(unit: Cents, quantity: number): Cents {
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`Quantité invalide : ${quantity}.`);
  return cents(unit * quantity);
}

/**
 * Half-up rounding of a ratio of integers (away from zero on .5), the one VAT rounding rule
 * of the project (ARCHITECTURE.md: per line, half-up). `numerator / denominator` in cents.
 */
export function roundHalfUp(numerator: number, denominator: number): Cents {
  if (denominator <= 0 || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new MoneyError('Division de montant invalide.');
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  // `-1 * 0` is -0, which Object.is and test equality tell apart from 0: return a plain 0.
  return cents(rounded === 0 ? 0 : sign * rounded);
}

// No-break space: amounts never wrap inside a table cell, and the character exists in the
// WinAnsi encoding of the standard PDF fonts (U+202F, which Intl uses, does not).
const NBSP = '\u00a0';

/** `123456` → `1 234,56 €` (French grouping with no-break spaces). */
export function formatEuros(amount: Cents, options: { symbol?: boolean } = {}): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const text = `${negative ? '-' : ''}${grouped},${String(rest).padStart(2, '0')}`;
  return options.symbol === false ? text : `${text}${NBSP}€`;
}

/**
 * Parses what a person types or a French spreadsheet holds: `1 234,56 €`, `12,5`, `12.50`,
 * `-3`, `1.234,56`. At most two decimals; anything else is refused with a French message.
 */
export function parseEuros(input: string): Cents {
  const compact = input.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '').replace(/^€/, '');
  const match = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) {
    throw new MoneyError(`« ${input} » n'est pas un montant en euros (exemple : 12,50).`);
  }
  const [, sign, intPart = '', decimals = ''] = match;
  const euros = Number(intPart.replace(/\./g, ''));
  const value = euros * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) throw new MoneyError(`Montant trop grand : « ${input} ».`);
  return cents(sign === '-' ? -value : value);
}

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
