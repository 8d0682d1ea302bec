import { z } from 'zod';
import { bicProblem, ibanProblem, normalizeBic, normalizeIban } from '../validation/bank';
import { idField, isoDateField, optionalEmail, optionalPhone, postcodeField, trimmed } from '../validation/fields';

export const PAYMENT_METHODS = ['sepa', 'cheque', 'transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  sepa: 'Prélèvement SEPA',
  cheque: 'Chèques (prépaiement)',
  transfer: 'Virement',
  other: 'Autre',
};

export const SUBSCRIBER_STATUSES = ['active', 'paused', 'upcoming', 'ended', 'supporter', 'none'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const SUBSCRIBER_STATUS_LABELS: Record<SubscriberStatus, string> = {
  active: 'Actif',
  paused: 'En pause (absent)',
  upcoming: 'À venir',
  ended: 'Terminé',
  supporter: 'Soutien',
  none: 'Sans abonnement',
};

/** SEPA mandate reference: at most 35 characters of the SEPA Latin set, no leading slash. */
const RUM_PATTERN = /^[A-Za-z0-9+?/:().,' -]{1,35}$/;

export const subscriberInput = z
  .object({
    kind: z.enum(['person', 'organisation']),
    civility: z.enum(['', 'Mme', 'M.']),
    firstName: trimmed(100),
    lastName: z.string().trim().min(1, 'Indiquez le nom.').max(200),
    addressLine1: trimmed(200),
    addressLine2: trimmed(200),
    postcode: postcodeField,
    city: trimmed(100),
    phone: optionalPhone,
    phone2: optionalPhone,
    phone3: optionalPhone,
    email: optionalEmail,
    birthDate: isoDateField('Date de naissance invalide.').nullable(),
    notes: trimmed(5000),
    isEmployee: z.boolean(),
    isSupporter: z.boolean(),
    membershipExempt: z.boolean(),
    membershipTypeId: idField.nullable(),
    paymentMethod: z.enum(PAYMENT_METHODS, 'Choisissez un mode de règlement.'),
    iban: trimmed(50),
    bic: trimmed(20),
    /** Empty: Paniers generates a unique reference when the method is SEPA. */
    mandateRum: trimmed(35),
    mandateSignedOn: isoDateField('Date de signature invalide.').nullable(),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (value.kind === 'person' && value.firstName === '') issue('firstName', 'Indiquez le prénom.');
    if (value.paymentMethod === 'sepa') {
      const ibanMessage = ibanProblem(value.iban);
      if (ibanMessage) issue('iban', ibanMessage);
      if (value.mandateSignedOn === null) issue('mandateSignedOn', 'Indiquez la date de signature du mandat SEPA.');
    }
    if (value.bic !== '') {
      const bicMessage = bicProblem(value.bic);
      if (bicMessage) issue('bic', bicMessage);
    }
    if (value.mandateRum !== '' && (!RUM_PATTERN.test(value.mandateRum) || value.mandateRum.startsWith('/'))) {
      issue('mandateRum', 'Référence de mandat (RUM) invalide : 35 caractères au plus, lettres, chiffres et + ? / - : ( ) . , \' uniquement.');
    }
  })
  .transform((value) => ({
    ...value,
    iban: value.iban === '' ? '' : normalizeIban(value.iban),
    bic: value.bic === '' ? '' : normalizeBic(value.bic),
  }));

export type SubscriberInput = z.input<typeof subscriberInput>;
export type SubscriberFields = z.output<typeof subscriberInput>;

export interface Subscriber extends SubscriberFields {
  id: number;
  status: SubscriberStatus;
  createdAt: string;
  archivedAt: string | null;
}

export const SUBSCRIBER_LABELS: Record<keyof SubscriberInput, string> = {
  kind: 'Type',
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  addressLine1: 'Adresse',
  addressLine2: 'Complément d’adresse',
  postcode: 'Code postal',
  city: 'Ville',
  phone: 'Téléphone',
  phone2: 'Téléphone 2',
  phone3: 'Téléphone 3',
  email: 'E-mail',
  birthDate: 'Date de naissance',
  notes: 'Notes',
  isEmployee: 'Salarié de l’association',
  isSupporter: 'Soutien (adhérent sans panier)',
  membershipExempt: 'Exonéré de cotisation',
  membershipTypeId: 'Type de cotisation',
  paymentMethod: 'Mode de règlement',
  iban: 'IBAN',
  bic: 'BIC',
  mandateRum: 'Référence du mandat (RUM)',
  mandateSignedOn: 'Date de signature du mandat',
};

/** `Mme Anne Le Goff`, or the organisation's name. */
export function displayName(s: Pick<Subscriber, 'kind' | 'civility' | 'firstName' | 'lastName'>): string {
  if (s.kind === 'organisation') return s.lastName;
  return [s.firstName, s.lastName].filter(Boolean).join(' ');
}
