import { z } from 'zod';

/**
 * The exchange format with the subscribers' portal, version 1: the files Paniers writes. These
 * zod schemas are the source; `npm run portal-schemas` turns them into the JSON Schemas of
 * `docs/portal/` that the portal's developers read. The French descriptions are theirs.
 * Objects are closed (no other property): the schemas also prove nothing private leaks.
 */

export const PORTAL_FORMAT = 'paniers-portail';
export const PORTAL_VERSION = 1;

const isoDate = z.iso.date().describe('Date au format AAAA-MM-JJ.');
const isoInstant = z.iso.datetime().describe('Instant ISO 8601 en UTC (AAAA-MM-JJTHH:MM:SS.sssZ).');
const cents = (what: string) => z.number().int().describe(`${what}, en centimes d’euro (entier).`);
const id = (what: string) => z.number().int().positive().describe(what);
export const portalIdSchema = z
  .string()
  .regex(/^P[0-9a-f]{16}$/)
  .describe('Identifiant de l’adhérent pour le portail : « P » suivi de 16 caractères hexadécimaux, stable et non devinable.');

const address = z
  .object({
    line1: z.string().describe('Adresse, ligne 1.'),
    line2: z.string().describe('Adresse, ligne 2 (vide si aucune).'),
    postcode: z.string().describe('Code postal.'),
    city: z.string().describe('Commune.'),
  })
  .describe('Adresse postale.');

export const organisationFileSchema = z
  .object({
    name: z.string().describe('Nom de l’association.'),
    address,
    phone: z.string().describe('Téléphone du bureau (vide si non renseigné).'),
    email: z.string().describe('Courriel du bureau (vide si non renseigné).'),
    website: z.string().describe('Site web (vide si non renseigné).'),
  })
  .describe('organisation.json : les coordonnées publiques de l’association.');

const closure = z
  .object({
    from: isoDate.describe('Premier jour de fermeture.'),
    to: isoDate.describe('Dernier jour de fermeture (inclus).'),
    label: z.string().describe('Motif affichable (« Fermeture d’été »…).'),
  })
  .describe('Une fermeture à venir qui concerne ce dépôt (association, jardin ou dépôt).');

export const depotSchema = z
  .object({
    id: id('Identifiant du dépôt, à reprendre dans les demandes de changement de dépôt.'),
    name: z.string().describe('Nom du dépôt.'),
    address: address.omit({ line2: true }).describe('Adresse du dépôt.'),
    weekday: z.number().int().min(1).max(7).describe('Jour de livraison : 1 = lundi … 7 = dimanche.'),
    weekdayLabel: z.string().describe('Jour de livraison en toutes lettres (« mardi »).'),
    pickupHours: z.string().describe('Heures de retrait, texte libre (« 17 h – 19 h »).'),
    upcomingClosures: z.array(closure).describe('Fermetures dont la fin n’est pas passée, par date.'),
  })
  .describe('Un dépôt (point de retrait) en service.');

export const depotsFileSchema = z
  .object({ depots: z.array(depotSchema).describe('Les dépôts en service, par nom.') })
  .describe('depots.json : les dépôts, leurs heures de retrait et leurs fermetures à venir.');

const frequency = z.enum(['weekly', 'biweekly_even', 'biweekly_odd', 'monthly']).describe(
  'Fréquence : weekly = chaque semaine, biweekly_even / biweekly_odd = semaines ISO paires / impaires, monthly = première livraison du mois.',
);

export const formulaSchema = z
  .object({
    id: id('Identifiant de la formule, à reprendre dans les demandes de changement de formule.'),
    code: z.string().describe('Code court de la formule.'),
    name: z.string().describe('Nom de la formule.'),
    description: z.string().describe('Description publique (vide si aucune).'),
    prices: z
      .array(z.object({ validFrom: isoDate.describe('Premier jour où ce prix s’applique.'), priceCents: cents('Prix d’un panier, TTC') }))
      .describe('Prix datés, du plus ancien au plus récent : le prix d’un jour est le dernier dont validFrom ≤ ce jour.'),
    frequencies: z.array(frequency).describe('Fréquences proposées pour cette formule.'),
    availableFromMonth: z.number().int().min(1).max(12).nullable().describe('Premier mois de disponibilité (1–12), null si toute l’année.'),
    availableToMonth: z.number().int().min(1).max(12).nullable().describe('Dernier mois de disponibilité (1–12), null si toute l’année.'),
  })
  .describe('Une formule (type de panier) proposée.');

export const formulasFileSchema = z
  .object({ formulas: z.array(formulaSchema).describe('Les formules proposées, par code.') })
  .describe('formulas.json : les formules et leurs prix publics datés.');

const named = (what: string) =>
  z.object({ id: id(`Identifiant ${what}.`), name: z.string().describe(`Nom ${what}.`) }).describe(`${what[0]!.toUpperCase()}${what.slice(1)} (identifiant et nom).`);

const temporaryChange = z
  .object({
    from: isoDate.describe('Premier jour du changement.'),
    to: isoDate.describe('Dernier jour du changement (inclus).'),
    depot: named('du dépôt de remplacement').nullable().describe('Dépôt pendant le changement, null si inchangé.'),
    formula: named('de la formule de remplacement').nullable().describe('Formule pendant le changement, null si inchangée.'),
  })
  .describe('Un changement temporaire en cours ou à venir.');

export const subscriptionSchema = z
  .object({
    id: id('Identifiant de l’abonnement (stable malgré les changements définitifs).'),
    status: z.enum(['active', 'upcoming']).describe('active = en cours, upcoming = commence plus tard.'),
    startDate: isoDate.describe('Début de l’abonnement.'),
    endDate: isoDate.nullable().describe('Fin prévue, null si sans fin.'),
    discovery: z.boolean().describe('Abonnement Découverte (durée limitée, changements soumis à conditions).'),
    formula: named('de la formule'),
    depot: named('du dépôt'),
    frequency,
    quantity: z.number().int().positive().describe('Nombre de paniers à chaque livraison.'),
    temporaryChanges: z.array(temporaryChange).describe('Changements temporaires dont la fin n’est pas passée.'),
  })
  .describe('Un abonnement en cours ou à venir, dans ses conditions du jour (ou de son début s’il est à venir).');

export const upcomingDeliverySchema = z
  .object({
    date: isoDate.describe('Jour de livraison (après un éventuel report de jour férié).'),
    subscriptionId: id('Abonnement concerné.'),
    depot: named('du dépôt'),
    formula: named('de la formule'),
    quantity: z.number().int().positive().describe('Nombre de paniers.'),
    status: z
      .enum(['expected', 'cancelled', 'closure', 'holiday_skipped'])
      .describe('expected = prévu, cancelled = annulé (absence), closure = fermeture, holiday_skipped = pas de livraison (jour férié).'),
    reason: z.string().describe('Libellé de la fermeture ou du jour férié ; vide sinon (le motif d’une absence n’est pas publié).'),
    cancellationDeadline: isoInstant.describe('Dernier instant pour annuler ce panier (règle de l’association).'),
    cancellable: z.boolean().describe('Le panier peut encore être annulé depuis le portail : prévu, délai non dépassé, semaine non validée.'),
  })
  .describe('Un panier des N prochaines semaines (N = réglage « semaines à venir »).');

export const invoiceSchema = z
  .object({
    number: z.string().describe('Numéro de la facture (FA-AAAA-NNNNN).'),
    date: isoDate.describe('Date d’émission.'),
    amountCents: cents('Montant TTC de la facture'),
    status: z.enum(['paid', 'partially_paid', 'unpaid']).describe('paid = réglée, partially_paid = en partie réglée, unpaid = non réglée (règlements imputés aux plus anciennes dettes d’abord).'),
    remainingCents: cents('Reste à payer (0 si réglée)'),
    pdf: z.string().nullable().describe('Chemin du PDF dans l’export (factures/<numéro>.pdf) quand les PDF sont publiés ; null sinon.'),
  })
  .describe('Une facture émise.');

export const paymentSchema = z
  .object({
    date: isoDate.describe('Date du mouvement.'),
    kind: z.enum(['payment', 'reversal', 'refund']).describe('payment = règlement reçu, reversal = règlement annulé (chèque impayé, prélèvement rejeté), refund = remboursement.'),
    amountCents: cents('Montant : positif pour un règlement reçu, négatif pour une annulation ou un remboursement'),
    method: z.string().describe('Moyen de paiement en toutes lettres (« Prélèvement », « Chèque »…) ; vide s’il n’est pas connu.'),
  })
  .describe('Un règlement, une annulation de règlement ou un remboursement.');

export const subscriberFileSchema = z
  .object({
    portalId: portalIdSchema,
    name: z.string().describe('Nom affiché (« Prénom Nom », ou le nom de la structure).'),
    email: z.string().describe('Courriel (vide si non renseigné).'),
    depot: named('du dépôt habituel').nullable().describe('Dépôt du premier abonnement en cours, null sans abonnement.'),
    subscriptions: z.array(subscriptionSchema).describe('Abonnements en cours ou à venir.'),
    upcomingDeliveries: z.array(upcomingDeliverySchema).describe('Paniers des prochaines semaines, par date.'),
    invoices: z.array(invoiceSchema).describe('Factures émises, de la plus récente à la plus ancienne.'),
    payments: z.array(paymentSchema).describe('Règlements, annulations et remboursements, du plus récent au plus ancien.'),
    balanceCents: cents('Solde du compte : négatif = doit, positif = avance'),
    paymentMethod: z
      .object({
        kind: z.enum(['sepa', 'cheque', 'transfer', 'other']).describe('Mode de règlement.'),
        label: z.string().describe('Mode de règlement en toutes lettres.'),
        ibanMasked: z.string().nullable().describe('IBAN masqué (« FR76 •••• 1234 ») pour le prélèvement, null sinon. L’IBAN complet n’est jamais exporté.'),
      })
      .describe('Mode de règlement.'),
  })
  .describe('subscribers/<portalId>.json : ce que l’adhérent voit dans son espace, et rien d’autre.');

export const removedFileSchema = z
  .object({ portalIds: z.array(portalIdSchema).describe('Adhérents à retirer du portail (fiche archivée…).') })
  .describe('removed.json : les adhérents qui ne sont plus exportés ; supprimez leurs données du portail.');

export const responseSchema = z
  .object({
    requestId: z.string().min(1).max(64).describe('Identifiant de la demande, tel que le portail l’a envoyé.'),
    status: z.enum(['applied', 'rejected']).describe('applied = appliquée, rejected = refusée par l’association.'),
    reason: z.string().describe('Motif en français, à montrer à l’adhérent (vide si appliquée sans remarque).'),
    decidedAt: isoInstant.describe('Instant de la décision.'),
  })
  .describe('L’issue d’une demande du portail.');

export const responsesFileSchema = z
  .object({ responses: z.array(responseSchema).describe('Demandes décidées depuis le dernier export écrit (celles en attente ne figurent pas).') })
  .describe('responses.json : l’issue des demandes envoyées par le portail.');

export const manifestFileSchema = z
  .object({
    format: z.literal(PORTAL_FORMAT).describe('Toujours « paniers-portail ».'),
    version: z.literal(PORTAL_VERSION).describe('Version du format : 1. Un ajout de champ garde la version ; un retrait ou un changement de sens l’augmente.'),
    sequence: z.number().int().positive().describe('Numéro de l’export, +1 à chaque export écrit.'),
    kind: z.enum(['full', 'incremental']).describe('full = tout est là (remplacez vos données) ; incremental = seulement ce qui a changé depuis l’export previousSequence.'),
    generatedAt: isoInstant.describe('Instant de préparation de l’export.'),
    previousSequence: z.number().int().positive().nullable().describe('Export précédent écrit ; null pour le tout premier.'),
    files: z
      .array(
        z.object({
          name: z.string().describe('Chemin relatif du fichier (« subscribers/P0123456789abcdef.json »).'),
          sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 du contenu exact du fichier, en hexadécimal.'),
          bytes: z.number().int().nonnegative().describe('Taille en octets.'),
          records: z.number().int().nonnegative().describe('Nombre d’enregistrements du fichier (1 pour un adhérent ou un PDF).'),
        }),
      )
      .describe('Tous les fichiers de cet export, sauf manifest.json lui-même.'),
    counts: z
      .object({
        subscribers: z.number().int().nonnegative().describe('Fichiers adhérent dans cet export.'),
        activeSubscribers: z.number().int().nonnegative().describe('Adhérents exportés au total (inchangés compris).'),
        removed: z.number().int().nonnegative().describe('Adhérents retirés (removed.json).'),
        depots: z.number().int().nonnegative().describe('Dépôts dans depots.json (0 si le fichier est absent).'),
        formulas: z.number().int().nonnegative().describe('Formules dans formulas.json (0 si le fichier est absent).'),
        responses: z.number().int().nonnegative().describe('Réponses dans responses.json.'),
        invoicePdfs: z.number().int().nonnegative().describe('PDF de factures joints.'),
      })
      .describe('Comptes de cet export.'),
  })
  .describe('manifest.json : écrit en dernier ; ne lisez un export qu’une fois son manifeste présent et les sommes SHA-256 vérifiées.');

export type OrganisationFile = z.output<typeof organisationFileSchema>;
export type DepotsFile = z.output<typeof depotsFileSchema>;
export type FormulasFile = z.output<typeof formulasFileSchema>;
export type SubscriberFile = z.output<typeof subscriberFileSchema>;
export type RemovedFile = z.output<typeof removedFileSchema>;
export type ResponsesFile = z.output<typeof responsesFileSchema>;
export type PortalManifest = z.output<typeof manifestFileSchema>;
export type PortalResponse = z.output<typeof responseSchema>;

/** File name in docs/portal/ → schema, for the schema script and its tests. */
export const EXPORT_SCHEMAS = {
  'manifest.schema.json': manifestFileSchema,
  'organisation.schema.json': organisationFileSchema,
  'depots.schema.json': depotsFileSchema,
  'formulas.schema.json': formulasFileSchema,
  'subscriber.schema.json': subscriberFileSchema,
  'removed.schema.json': removedFileSchema,
  'responses.schema.json': responsesFileSchema,
} as const;
