import type { Subscriber, SubscriberInput } from '../../../core/subscribers/subscribers';
import { formatIban } from '../../../core/validation/bank';

/** The form's values: the handler's input, with dates as the date field's text ('' = none). */
export type SubscriberFormValues = Omit<SubscriberInput, 'birthDate' | 'mandateSignedOn'> & { birthDate: string; mandateSignedOn: string };

export const EMPTY_SUBSCRIBER: SubscriberFormValues = {
  kind: 'person',
  civility: '',
  firstName: '',
  lastName: '',
  addressLine1: '',
  addressLine2: '',
  postcode: '',
  city: '',
  phone: '',
  phone2: '',
  phone3: '',
  email: '',
  birthDate: '',
  notes: '',
  isEmployee: false,
  isSupporter: false,
  membershipExempt: false,
  membershipTypeId: null,
  paymentMethod: 'sepa',
  iban: '',
  bic: '',
  mandateRum: '',
  mandateSignedOn: '',
};

export function toFormValues(s: Subscriber): SubscriberFormValues {
  return {
    kind: s.kind,
    civility: s.civility,
    firstName: s.firstName,
    lastName: s.lastName,
    addressLine1: s.addressLine1,
    addressLine2: s.addressLine2,
    postcode: s.postcode,
    city: s.city,
    phone: s.phone,
    phone2: s.phone2,
    phone3: s.phone3,
    email: s.email,
    birthDate: s.birthDate ?? '',
    notes: s.notes,
    isEmployee: s.isEmployee,
    isSupporter: s.isSupporter,
    membershipExempt: s.membershipExempt,
    membershipTypeId: s.membershipTypeId,
    paymentMethod: s.paymentMethod,
    // Grouped by four as on a RIB; the backend stores it without spaces.
    iban: s.iban ? formatIban(s.iban) : '',
    bic: s.bic,
    mandateRum: s.mandateRum,
    mandateSignedOn: s.mandateSignedOn ?? '',
  };
}

export function toSubscriberInput(values: SubscriberFormValues): SubscriberInput {
  return {
    ...values,
    // An organisation has no first name nor civility: do not keep stale ones from a person.
    firstName: values.kind === 'organisation' ? '' : values.firstName,
    civility: values.kind === 'organisation' ? '' : values.civility,
    birthDate: values.birthDate === '' ? null : values.birthDate,
    mandateSignedOn: values.mandateSignedOn === '' ? null : values.mandateSignedOn,
  };
}
