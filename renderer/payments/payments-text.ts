import { addDays, addMonths, type IsoDate } from '../../core/dates/dates';
import type { ChequeStatus } from '../../core/payments/cheque-rows';

export const CHEQUE_STATUS_LABELS: Record<ChequeStatus, string> = { received: 'En main', deposited: 'Remis en banque', returned: 'Impayé' };
export const CHEQUE_STATUS_COLOURS: Record<ChequeStatus, string> = { received: 'blue', deposited: 'gray', returned: 'red' };

/** « 3 chèques », « 1 chèque ». */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;
}

/** The debt's age bucket (finance-rules §5: 0–30, 31–60, over 60 days), with its calm colour. */
export function ageColour(days: number): string {
  return days <= 30 ? 'gray' : days <= 60 ? 'orange' : 'red';
}

/** The planned dates of a series of postdated cheques: the first one, then every month or quarter. */
export function repeatDates(first: IsoDate, count: number, months: 1 | 3): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i * months));
}

export interface Period {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month: number) => `${year}-${pad(month)}-01` as IsoDate;

/** The accountant's usual periods, relative to today: last month, last quarter, last calendar year. */
export function quickPeriods(today: IsoDate): Period[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const thisMonth = firstOfMonth(year, month);
  const lastMonth = addMonths(thisMonth, -1);
  const quarterStart = firstOfMonth(year, Math.floor((month - 1) / 3) * 3 + 1);
  const lastQuarter = addMonths(quarterStart, -3);
  return [
    { label: 'Mois dernier', from: lastMonth, to: addDays(thisMonth, -1) },
    { label: 'Trimestre dernier', from: lastQuarter, to: addDays(quarterStart, -1) },
    { label: 'Année civile précédente', from: `${year - 1}-01-01` as IsoDate, to: `${year - 1}-12-31` as IsoDate },
  ];
}
