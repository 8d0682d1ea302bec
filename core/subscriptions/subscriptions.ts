import { z } from 'zod';
import { FREQUENCIES, type Frequency } from '../formulas/formulas';
import { idField, isoDateField, requiredText, trimmed } from '../validation/fields';

export interface SubscriptionVersion {
  id: number;
  startDate: string;
  endDate: string | null;
  formulaId: number;
  formulaName: string;
  depotId: number;
  depotName: string;
  frequency: Frequency;
  quantity: number;
  changeReason: string;
  createdAt: string;
}

export interface TemporaryChange {
  id: number;
  fromDate: string;
  toDate: string;
  depotId: number | null;
  depotName: string | null;
  formulaId: number | null;
  formulaName: string | null;
  reason: string;
  createdAt: string;
}

export interface DiscoveryRenewal {
  id: number;
  previousEndDate: string;
  newEndDate: string;
  ccasReference: string;
  ccasAgreedOn: string;
  agreedBy: string;
  createdAt: string;
}

export type SubscriptionStatus = 'active' | 'upcoming' | 'ended';

export const SUBSCRIPTION_STATUS_LABELS: Record<SubscriptionStatus, string> = {
  active: 'En cours',
  upcoming: 'À venir',
  ended: 'Terminé',
};

/** A subscription: the chain of its dated versions, temporary changes and renewals. */
export interface Subscription {
  chainId: number;
  subscriberId: number;
  subscriberName: string;
  startDate: string;
  endDate: string | null;
  endReason: string;
  isDiscovery: boolean;
  discoveryMonths: 3 | 6 | null;
  capacityOverrideReason: string;
  status: SubscriptionStatus;
  /** The version in force today, else the next one, else the last one. */
  current: SubscriptionVersion;
  versions: SubscriptionVersion[];
  temporaryChanges: TemporaryChange[];
  renewals: DiscoveryRenewal[];
}

const terms = {
  formulaId: idField,
  depotId: idField,
  frequency: z.enum(FREQUENCIES, 'Choisissez une fréquence.'),
  quantity: z.number().int('La quantité est un nombre entier.').min(1, 'Au moins 1 panier.').max(20, 'Au plus 20 paniers.'),
};

export const subscriptionCreateInput = z.object({
  subscriberId: idField,
  ...terms,
  startDate: isoDateField('Date de début invalide.'),
  /** Open-ended when null, except for a Découverte offer (computed from its term). */
  endDate: isoDateField('Date de fin invalide.').nullable(),
  isDiscovery: z.boolean(),
  discoveryMonths: z.union([z.literal(3), z.literal(6)]).nullable(),
  /** Given only to go past a full depot's capacity. */
  capacityOverrideReason: trimmed(300),
});

export const subscriptionChangeInput = z.object({
  chainId: idField,
  fromDate: isoDateField('Date d’effet invalide.'),
  ...terms,
  reason: trimmed(300),
  capacityOverrideReason: trimmed(300),
});

export const temporaryChangeInput = z.object({
  chainId: idField,
  fromDate: isoDateField('Date de début invalide.'),
  toDate: isoDateField('Date de fin invalide.'),
  depotId: idField.nullable(),
  formulaId: idField.nullable(),
  reason: trimmed(300),
});

export const subscriptionEndInput = z.object({
  chainId: idField,
  endDate: isoDateField('Date de fin invalide.'),
  reason: trimmed(300),
});

export const discoveryRenewInput = z.object({
  chainId: idField,
  months: z.union([z.literal(3), z.literal(6)], { message: 'Renouvellement de 3 ou 6 mois.' }),
  ccasReference: requiredText(100, 'Indiquez la référence de l’accord du CCAS.'),
  ccasAgreedOn: isoDateField('Date de l’accord invalide.'),
  agreedBy: requiredText(100, 'Indiquez qui a donné l’accord au CCAS.'),
});

export const SUBSCRIPTION_LABELS = {
  subscriberId: 'Adhérent',
  formulaId: 'Formule',
  depotId: 'Dépôt',
  frequency: 'Fréquence',
  quantity: 'Quantité',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  isDiscovery: 'Offre Découverte',
  discoveryMonths: 'Durée de l’offre Découverte',
  capacityOverrideReason: 'Raison du dépassement de capacité',
  fromDate: 'À partir du',
  toDate: 'Jusqu’au',
  reason: 'Motif',
  chainId: 'Abonnement',
  months: 'Durée du renouvellement',
  ccasReference: 'Référence de l’accord CCAS',
  ccasAgreedOn: 'Date de l’accord CCAS',
  agreedBy: 'Accord donné par',
};
