import { addMonths, isIsoDate } from '../../../core/dates/dates';

/** One line of « Enregistrer des chèques », as typed. */
export interface ChequeRow {
  number: string;
  bank: string;
  drawer: string;
  amount: string;
  receivedOn: string;
  plannedDepositOn: string;
}

/** The backend takes up to 24; a subscriber hands in a year of monthly cheques at most. */
export const MAX_ROWS = 12;

export function firstRow(drawer: string, today: string): ChequeRow {
  return { number: '', bank: '', drawer, amount: '', receivedOn: today, plannedDepositOn: today };
}

/**
 * A new line copies the previous one: postdated cheques come from one chequebook (same bank,
 * drawer and amount, the next number); only the planned date is left for the office.
 */
export function nextRow(previous: ChequeRow): ChequeRow {
  // Up to 15 digits stay exact as a number (a French cheque number has 7).
  const digits = /^(.*?)(\d{1,15})$/.exec(previous.number.trim());
  const number = digits ? `${digits[1]}${String(Number(digits[2]) + 1).padStart(digits[2]!.length, '0')}` : '';
  return { ...previous, number, plannedDepositOn: previous.plannedDepositOn };
}

/** Planned deposit dates every `months` months from the first line's (monthly: 1, quarterly: 3). */
export function spreadPlannedDates(rows: readonly ChequeRow[], months: number): ChequeRow[] {
  const first = rows[0]?.plannedDepositOn ?? '';
  if (!isIsoDate(first)) return [...rows];
  return rows.map((row, i) => ({ ...row, plannedDepositOn: addMonths(first, i * months) }));
}
