import { formatDateShortFr, type IsoDate } from '../../core/dates/dates';
import { formatEuros, type Cents } from '../../core/money/money';

/** An amount as a French spreadsheet reads it: « 1 234,56 », no symbol (the header says €). */
export const csvEuros = (amount: number): string => formatEuros(amount as Cents, { symbol: false });

/** A day as jj/mm/aaaa, empty when there is none. */
export const csvDate = (day: string | null | undefined): string => (day ? formatDateShortFr(day as IsoDate) : '');
