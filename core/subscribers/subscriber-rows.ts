import { foldText } from '../text/fold';
import type { Subscriber, SubscriberFields, SubscriberStatus } from './subscribers';

export interface SubscriberRow {
  id: number;
  kind: 'person' | 'organisation';
  civility: '' | 'Mme' | 'M.';
  first_name: string;
  last_name: string;
  address_line1: string;
  address_line2: string;
  postcode: string;
  city: string;
  phone: string;
  phone2: string;
  phone3: string;
  email: string;
  birth_date: string | null;
  notes: string;
  is_employee: number;
  is_supporter: number;
  membership_exempt: number;
  membership_type_id: number | null;
  payment_method: Subscriber['paymentMethod'];
  iban: string;
  bic: string;
  mandate_rum: string;
  mandate_signed_on: string | null;
  created_at: string;
  archived_at: string | null;
  status: SubscriberStatus;
}

/**
 * SQL giving each subscriber's status on :today, from the versions of its subscriptions:
 * running today → active, or paused when every running one is inside an absence today;
 * only later ones → upcoming; only past ones → ended; supporters and people without any.
 */
export const SUBSCRIBER_STATUS_SQL = `CASE
  WHEN EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id AND x.start_date <= :today AND (x.end_date IS NULL OR x.end_date >= :today))
   AND NOT EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id AND x.start_date <= :today AND (x.end_date IS NULL OR x.end_date >= :today)
     AND NOT EXISTS (SELECT 1 FROM cancellations c WHERE c.chain_id = x.chain_id AND c.from_date <= :today AND c.to_date >= :today)) THEN 'paused'
  WHEN EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id AND x.start_date <= :today AND (x.end_date IS NULL OR x.end_date >= :today)) THEN 'active'
  WHEN EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id AND x.start_date > :today) THEN 'upcoming'
  WHEN s.is_supporter = 1 THEN 'supporter'
  WHEN EXISTS (SELECT 1 FROM subscriptions x WHERE x.subscriber_id = s.id) THEN 'ended'
  ELSE 'none' END`;

export function subscriberFromDb(row: SubscriberRow): Subscriber {
  return {
    id: row.id,
    kind: row.kind,
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    phone2: row.phone2,
    phone3: row.phone3,
    email: row.email,
    birthDate: row.birth_date as Subscriber['birthDate'],
    notes: row.notes,
    isEmployee: row.is_employee === 1,
    isSupporter: row.is_supporter === 1,
    membershipExempt: row.membership_exempt === 1,
    membershipTypeId: row.membership_type_id,
    paymentMethod: row.payment_method,
    iban: row.iban,
    bic: row.bic,
    mandateRum: row.mandate_rum,
    mandateSignedOn: row.mandate_signed_on as Subscriber['mandateSignedOn'],
    createdAt: row.created_at,
    archivedAt: row.archived_at,
    status: row.status,
  };
}

/** What instant search looks into: name, email, phones (digits only too), town, RUM. */
export function subscriberSearchText(s: Pick<SubscriberFields, 'firstName' | 'lastName' | 'email' | 'phone' | 'phone2' | 'phone3' | 'city' | 'postcode' | 'mandateRum'>): string {
  const phones = [s.phone, s.phone2, s.phone3].filter(Boolean);
  return foldText(
    [s.lastName, s.firstName, s.email, ...phones, ...phones.map((p) => p.replace(/[\s.]/g, '')), s.city, s.postcode, s.mandateRum].join(' '),
  );
}

export function subscriberToDb(s: SubscriberFields): Record<string, string | number | null> {
  return {
    ':kind': s.kind,
    ':civility': s.civility,
    ':first_name': s.firstName,
    ':last_name': s.lastName,
    ':address_line1': s.addressLine1,
    ':address_line2': s.addressLine2,
    ':postcode': s.postcode,
    ':city': s.city,
    ':phone': s.phone,
    ':phone2': s.phone2,
    ':phone3': s.phone3,
    ':email': s.email,
    ':birth_date': s.birthDate,
    ':notes': s.notes,
    ':is_employee': s.isEmployee ? 1 : 0,
    ':is_supporter': s.isSupporter ? 1 : 0,
    ':membership_exempt': s.membershipExempt ? 1 : 0,
    ':membership_type_id': s.membershipTypeId,
    ':payment_method': s.paymentMethod,
    ':iban': s.iban,
    ':bic': s.bic,
    ':mandate_rum': s.mandateRum,
    ':mandate_signed_on': s.mandateSignedOn,
    ':search_text': subscriberSearchText(s),
  };
}
