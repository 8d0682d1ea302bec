import { z } from 'zod';
import { PORTAL_ID_PATTERN } from './portal-ids';

/**
 * The requests file the portal writes (`demandes/*.json`, format version 1). This schema is
 * the source of `docs/portal/demandes.schema.json`. It checks the structure only: whether a
 * request can be applied (deadline, closed week, capacity, a valid e-mail…) is decided by the
 * office's own handlers when it is imported, so a refused request waits instead of
 * blocking the whole file.
 */

export const REQUESTS_FORMAT = 'paniers-portail-demandes';
export const REQUESTS_VERSION = 1;

const day = (what: string) =>
  z.iso.date({ message: 'Date invalide : attendu AAAA-MM-JJ (exemple : 2026-12-15).' }).describe(what);

const subscriptionId = z
  .number()
  .int()
  .positive()
  .optional()
  .describe(
    'Abonnement visé (son identifiant dans subscriptions[].id de l’export). Facultatif quand l’adhérent n’a qu’un abonnement en cours sur la période.',
  );

const common = {
  requestId: z
    .string()
    .min(1, 'Identifiant de demande manquant.')
    .max(64, 'Identifiant de demande trop long : 64 caractères au plus.')
    .describe('Identifiant unique de la demande, choisi par le portail (64 caractères au plus). Une demande déjà reçue n’est jamais appliquée deux fois.'),
  portalId: z
    .string()
    .regex(PORTAL_ID_PATTERN, 'Identifiant d’adhérent invalide : attendu « P » suivi de 16 caractères hexadécimaux, tel qu’exporté.')
    .describe('Identifiant portail de l’adhérent, tel qu’exporté dans subscribers/<portalId>.json.'),
  requestedAt: z
    .iso.datetime({ offset: true, message: 'Horodatage invalide : attendu un instant ISO 8601 (exemple : 2026-12-04T09:30:00Z).' })
    .describe('Instant où l’adhérent a fait la demande (ISO 8601).'),
};

const cancelDeliveries = z
  .strictObject({
    ...common,
    type: z.literal('cancel_deliveries').describe('Annuler un ou plusieurs paniers.'),
    subscriptionId,
    dates: z
      .array(day('Date de livraison à annuler (AAAA-MM-JJ), telle qu’exportée dans upcomingDeliveries[].date.'))
      .min(1, 'Indiquez au moins une date à annuler.')
      .max(60, 'Au plus 60 dates par demande.')
      .describe('Dates des paniers à annuler.'),
  })
  .describe('Annulation de paniers : chaque date doit être une livraison prévue, annulable avant le délai.');

const temporaryChange = z
  .strictObject({
    ...common,
    type: z.literal('temporary_change').describe('Changement temporaire de dépôt ou de formule.'),
    subscriptionId,
    from: day('Premier jour de la période (AAAA-MM-JJ).'),
    to: day('Dernier jour de la période (AAAA-MM-JJ).'),
    depotId: z.number().int().positive().optional().describe('Dépôt pendant la période (identifiant de depots.json).'),
    formulaId: z.number().int().positive().optional().describe('Formule pendant la période (identifiant de formulas.json).'),
  })
  .describe('Changement temporaire : l’abonnement reprend ses conditions après la période. Au moins un dépôt ou une formule.');

const permanentChange = z
  .strictObject({
    ...common,
    type: z.literal('permanent_change').describe('Changement définitif de dépôt ou de formule.'),
    subscriptionId,
    from: day('Date d’effet du changement (AAAA-MM-JJ).'),
    depotId: z.number().int().positive().optional().describe('Nouveau dépôt (identifiant de depots.json).'),
    formulaId: z.number().int().positive().optional().describe('Nouvelle formule (identifiant de formulas.json).'),
  })
  .describe('Changement définitif à partir d’une date. Au moins un dépôt ou une formule.');

const contactText = (max: number, what: string) => z.string().max(max, `Au plus ${max} caractères.`).optional().describe(what);

const contactUpdate = z
  .strictObject({
    ...common,
    type: z.literal('contact_update').describe('Mise à jour des coordonnées.'),
    email: contactText(200, 'Nouvelle adresse e-mail ; absente : inchangée.'),
    phone: contactText(30, 'Nouveau téléphone ; absent : inchangé ; vide : effacé.'),
    phone2: contactText(30, 'Nouveau second téléphone ; absent : inchangé ; vide : effacé.'),
    addressLine1: contactText(200, 'Adresse (numéro et rue).'),
    addressLine2: contactText(200, 'Complément d’adresse.'),
    postcode: contactText(10, 'Code postal (5 chiffres).'),
    city: contactText(100, 'Ville.'),
  })
  .describe('Mise à jour des coordonnées : seuls les champs présents changent.');

export const REQUEST_TYPES = ['cancel_deliveries', 'temporary_change', 'permanent_change', 'contact_update'] as const;
export type PortalRequestType = (typeof REQUEST_TYPES)[number];

export const portalRequestSchema = z.discriminatedUnion('type', [cancelDeliveries, temporaryChange, permanentChange, contactUpdate], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `Type de demande inconnu : attendu ${REQUEST_TYPES.join(', ')}.` : undefined,
});

/** The whole `demandes/*.json` file. Exported for the JSON Schema script (docs/portal/demandes.schema.json). */
export const portalRequestsFileSchema = z
  .strictObject({
    format: z.literal(REQUESTS_FORMAT, `Ce n’est pas un fichier de demandes du portail : « format » doit valoir « ${REQUESTS_FORMAT} ».`).describe('Toujours « paniers-portail-demandes ».'),
    version: z
      .literal(REQUESTS_VERSION, `Version non prise en charge : cette version de Paniers lit la version ${REQUESTS_VERSION} des demandes.`)
      .describe('Version du format (1).'),
    requests: z.array(portalRequestSchema).max(50_000, 'Au plus 50 000 demandes par fichier.').describe('Les demandes, dans l’ordre où elles ont été faites.'),
  })
  .describe('Demandes des adhérents envoyées par le portail à Paniers (format de demandes, version 1).');

export type PortalRequest = z.output<typeof portalRequestSchema>;
export type PortalRequestsFile = z.output<typeof portalRequestsFileSchema>;
