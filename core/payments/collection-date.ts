import { addDays, addMonths, type IsoDate } from '../dates/dates';
import { nextTargetDay } from './sepa/target-calendar';

/**
 * The day a SEPA payer's invoice announces its debit: the office's monthly collection day
 * (the letter: « le 10, date des prélèvements mensuels ») that leaves at least the
 * pre-notification delay after the invoice (§2.5), moved to the next TARGET day. The invoice
 * is the pre-notification, so the collection batch suggests this very day.
 */
export function announcedCollectionDate(issueDate: IsoDate, settings: { prenotificationDays: number; collectionDay: number }): IsoDate {
  const notified = addDays(issueDate, settings.prenotificationDays);
  const day = String(settings.collectionDay).padStart(2, '0');
  const sameMonth = `${notified.slice(0, 8)}${day}` as IsoDate;
  const candidate = sameMonth >= notified ? sameMonth : (`${addMonths(`${notified.slice(0, 8)}01` as IsoDate, 1).slice(0, 8)}${day}` as IsoDate);
  return nextTargetDay(candidate);
}
