import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../dates/dates';

/** Field builders shared by the input schemas, each with its French message. */

export const trimmed = (max: number) => z.string().trim().max(max);

export const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max);

export const isoDateField = (message = 'Date invalide (attendu AAAA-MM-JJ).') =>
  z.string().refine(isIsoDate, message).transform((value) => value as IsoDate);

export const idField = z.number().int().positive();

/** 1 = lundi … 7 = dimanche (ISO). */
export const weekdayField = z.number({ message: 'Choisissez un jour de la semaine.' }).int().min(1).max(7);

export const WEEKDAY_LABELS: Record<number, string> = {
  1: 'lundi',
  2: 'mardi',
  3: 'mercredi',
  4: 'jeudi',
  5: 'vendredi',
  6: 'samedi',
  7: 'dimanche',
};

// Built once: building a zod schema per call made the check cost ~80 µs (10,000-line imports).
const emailSchema = z.email();

export const optionalEmail = trimmed(200).refine(
  (value) => value === '' || emailSchema.safeParse(value).success,
  'Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).',
);

/** A French or international phone number as people type it; stored as typed, checked loosely. */
export const optionalPhone = trimmed(30).refine(
  (value) => value === '' || /^\+?[\d\s.()-]{6,}$/.test(value),
  'Numéro de téléphone invalide (exemple : 06 12 34 56 78).',
);

export const postcodeField = trimmed(10).refine((value) => value === '' || /^\d{5}$/.test(value), 'Le code postal compte 5 chiffres.');

/** Euro cents as an integer, never negative. */
export const centsField = (message = 'Montant invalide.') => z.number({ message }).int(message).min(0, message);

/** `#2f9e44`. */
export const colourField = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Couleur invalide (format #RRVVBB).');
