import { z } from 'zod';
import { colourField, idField, optionalEmail, optionalPhone, postcodeField, requiredText, trimmed, weekdayField } from '../validation/fields';

export interface Garden {
  id: number;
  name: string;
  address: string;
  archivedAt: string | null;
}

export interface Depot {
  id: number;
  name: string;
  gardenId: number;
  gardenName: string;
  addressLine1: string;
  postcode: string;
  city: string;
  weekday: number;
  pickupHours: string;
  deliverySlot: string;
  /** Number of basket subscriptions the depot can take; null = no limit. */
  capacity: number | null;
  referentName: string;
  referentPhone: string;
  referentEmail: string;
  notes: string;
  archivedAt: string | null;
}

export interface Round {
  id: number;
  code: string;
  name: string;
  weekday: number;
  colour: string;
  archivedAt: string | null;
  /** Depots in delivery order. */
  depots: { id: number; name: string; position: number }[];
}

export const gardenInput = z.object({
  name: requiredText(100, 'Indiquez le nom du jardin.'),
  address: trimmed(300),
});

export const GARDEN_LABELS = { name: 'Nom du jardin', address: 'Adresse' };

export const depotInput = z.object({
  name: requiredText(100, 'Indiquez le nom du dépôt.'),
  gardenId: idField,
  addressLine1: trimmed(200),
  postcode: postcodeField,
  city: trimmed(100),
  weekday: weekdayField,
  pickupHours: trimmed(200),
  deliverySlot: trimmed(100),
  capacity: z.number().int('La capacité est un nombre entier de paniers.').min(0, 'La capacité ne peut pas être négative.').nullable(),
  referentName: trimmed(100),
  referentPhone: optionalPhone,
  referentEmail: optionalEmail,
  notes: trimmed(2000),
});

export const DEPOT_LABELS: Record<keyof z.input<typeof depotInput>, string> = {
  name: 'Nom du dépôt',
  gardenId: 'Jardin',
  addressLine1: 'Adresse',
  postcode: 'Code postal',
  city: 'Ville',
  weekday: 'Jour de livraison',
  pickupHours: 'Horaires de retrait',
  deliverySlot: 'Créneau de livraison',
  capacity: 'Capacité',
  referentName: 'Référent',
  referentPhone: 'Téléphone du référent',
  referentEmail: 'E-mail du référent',
  notes: 'Notes',
};

export const roundInput = z.object({
  code: requiredText(20, 'Indiquez un identifiant court (exemple : MAR-1).'),
  name: requiredText(100, 'Indiquez le nom de la tournée.'),
  weekday: weekdayField,
  colour: colourField,
});

export const ROUND_LABELS = { code: 'Identifiant', name: 'Nom de la tournée', weekday: 'Jour', colour: 'Couleur' };
