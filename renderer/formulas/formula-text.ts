import type { Formula, Frequency } from '../../core/formulas/formulas';
import { MONTH_NAMES } from '../settings/form/labels';

/** The offered frequencies in a few words for a table cell: « hebdo, 1 sem. sur 2, mensuel ». */
export function frequenciesText(frequencies: readonly Frequency[]): string {
  const even = frequencies.includes('biweekly_even');
  const odd = frequencies.includes('biweekly_odd');
  const parts: string[] = [];
  if (frequencies.includes('weekly')) parts.push('hebdo');
  if (even && odd) parts.push('1\u00a0sem. sur\u00a02');
  else if (even) parts.push('1\u00a0sem. sur\u00a02 (paires)');
  else if (odd) parts.push('1\u00a0sem. sur\u00a02 (impaires)');
  if (frequencies.includes('monthly')) parts.push('mensuel');
  return parts.join(', ');
}

/** « toute l’année », « mai à octobre ». */
export function availabilityText(formula: Pick<Formula, 'availableFromMonth' | 'availableToMonth'>): string {
  const { availableFromMonth: from, availableToMonth: to } = formula;
  if (from === null || to === null) return 'toute l’année';
  const start = MONTH_NAMES[from - 1]!;
  return `${start} à ${MONTH_NAMES[to - 1]!}`;
}

/** The next dated price after today's, if one is planned. */
export function upcomingPrice(formula: Formula, today: string) {
  return formula.prices.find((price) => price.validFrom > today) ?? null;
}
