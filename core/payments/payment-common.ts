import { z } from 'zod';
import { NotFoundError } from '../api/errors';
import type { Db } from '../db/database';
import { addDays, toLocalNoon, type IsoDate } from '../dates/dates';
import { differenceInCalendarDays } from 'date-fns';

/** Shared by the cheque, deposit-slip, other-payment and balance handlers. */

export interface SubscriberBrief {
  id: number;
  name: string;
  email: string;
  paymentMethod: 'sepa' | 'cheque' | 'transfer' | 'other';
}

interface SubscriberBriefRow {
  id: number;
  kind: 'person' | 'organisation';
  first_name: string;
  last_name: string;
  email: string;
  payment_method: SubscriberBrief['paymentMethod'];
}

/** « Marie Le Goff », or the organisation's name: the same display name as the week planner. */
export function displayName(r: { kind: string; first_name: string; last_name: string }): string {
  return r.kind === 'organisation' ? r.last_name : [r.first_name, r.last_name].filter(Boolean).join(' ');
}

/** SQL expression of the same display name, for joins (`s` is the subscribers alias). */
export const SUBSCRIBER_NAME_SQL = "CASE s.kind WHEN 'organisation' THEN s.last_name ELSE trim(s.first_name || ' ' || s.last_name) END";

export function readSubscriberBrief(db: Db, id: number): SubscriberBrief {
  const r = db.get<SubscriberBriefRow>('SELECT id, kind, first_name, last_name, email, payment_method FROM subscribers WHERE id = ?', [id]);
  if (!r) throw new NotFoundError(`Adhérent introuvable (n° ${id}).`);
  return { id: r.id, name: displayName(r), email: r.email, paymentMethod: r.payment_method };
}

/** Amount in integer cents, strictly positive, with a message naming the field. */
export const positiveCentsField = (label: string) =>
  z
    .number({ message: `${label} : indiquez un montant en centimes.` })
    .int(`${label} : un nombre entier de centimes.`)
    .positive(`${label} : le montant doit être supérieur à 0 €.`)
    .max(100_000_000, `${label} : montant trop élevé.`);

/** Days from `from` to `to` (calendar days, noon-based like every date in the app). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalNoon(to), toLocalNoon(from));
}

/** The last day of the month containing `day`. */
export function endOfMonth(day: IsoDate): IsoDate {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` as IsoDate;
}

export const tomorrow = (today: IsoDate): IsoDate => addDays(today, 1);
