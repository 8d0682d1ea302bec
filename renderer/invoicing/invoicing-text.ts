import { formatDateFr, type IsoDate } from '../../core/dates/dates';

/** `avril 2026` for `2026-04`: how the office names a run. */
export function monthLabel(month: string): string {
  return formatDateFr(`${month}-01` as IsoDate, 'MMMM yyyy');
}

/** The month before `today`'s, the one the office invoices at the start of a month. */
export function previousMonth(today: Date): string {
  const year = today.getMonth() === 0 ? today.getFullYear() - 1 : today.getFullYear();
  const month = today.getMonth() === 0 ? 12 : today.getMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}

export const RUN_STATUS_LABELS: Record<'draft' | 'issued', string> = { draft: 'Brouillon', issued: 'Émise' };

export const INVOICE_STATUS_LABELS: Record<'draft' | 'issued' | 'excluded', string> = {
  draft: 'Brouillon',
  issued: 'Émise',
  excluded: 'Exclue',
};
