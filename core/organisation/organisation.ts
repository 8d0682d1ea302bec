import { z } from 'zod';
import { bicProblem, creditorIdProblem, ibanProblem, normalizeBic, normalizeCreditorId, normalizeIban } from '../validation/bank';
import { postcodeField } from '../validation/fields';
import { normalizeSiret, siretProblem } from '../validation/siret';

export const VAT_STATUSES = ['not_liable', 'exempt', 'franchise', 'liable'] as const;
export type VatStatus = (typeof VAT_STATUSES)[number];

/** What each VAT status is called on screen; `franchise` is the wording the CGI imposes on invoices. */
export const VAT_STATUS_LABELS: Record<VatStatus, string> = {
  not_liable: 'Non assujettie à la TVA',
  exempt: 'Exonérée de TVA',
  franchise: 'Franchise en base : TVA non applicable, art. 293 B du CGI',
  liable: 'Assujettie à la TVA',
};

const MAX_LOGO_DATA_URL = 700_000; // ≈ 500 kB image, enough for a crisp letterhead logo

/** An optional text checked by `problem` when filled in, normalised by `normalize`. */
function optionalChecked(problem: (v: string) => string | null, normalize: (v: string) => string) {
  return z
    .string()
    .max(100)
    .transform((value, ctx) => {
      if (value.trim() === '') return '';
      const message = problem(value);
      if (message) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return normalize(value);
    });
}

const text = (max: number) => z.string().trim().max(max);

export const organisationInput = z.object({
  legalName: z.string().trim().min(1, 'Indiquez le nom de l’association.').max(200),
  addressLine1: text(200),
  addressLine2: text(200),
  postcode: postcodeField,
  city: text(100),
  siret: optionalChecked(siretProblem, normalizeSiret),
  phone: text(30),
  email: text(200).refine((v) => v === '' || z.email().safeParse(v).success, 'Adresse e-mail invalide (exemple : contact@jardin.fr).'),
  website: text(200),
  logoDataUrl: z
    .string()
    .max(MAX_LOGO_DATA_URL, 'Le logo est trop lourd (500 Ko au plus).')
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'Le logo doit être une image PNG ou JPEG.')
    .nullable(),
  iban: optionalChecked(ibanProblem, normalizeIban),
  bic: optionalChecked(bicProblem, normalizeBic),
  sepaCreditorId: optionalChecked(creditorIdProblem, normalizeCreditorId),
  vatStatus: z.enum(VAT_STATUSES, 'Choisissez un régime de TVA.'),
  vatNumber: text(20),
  invoiceHeader: text(1000),
  invoiceFooter: text(1000),
  paymentTerms: text(500),
});

export type OrganisationInput = z.input<typeof organisationInput>;
export type Organisation = z.output<typeof organisationInput> & { updatedAt: string | null };

/** French labels of the fields, for messages and forms. */
export const ORGANISATION_LABELS: Record<keyof OrganisationInput, string> = {
  legalName: 'Nom de l’association',
  addressLine1: 'Adresse',
  addressLine2: 'Complément d’adresse',
  postcode: 'Code postal',
  city: 'Ville',
  siret: 'SIRET',
  phone: 'Téléphone',
  email: 'E-mail',
  website: 'Site web',
  logoDataUrl: 'Logo',
  iban: 'IBAN',
  bic: 'BIC',
  sepaCreditorId: 'Identifiant créancier SEPA (ICS)',
  vatStatus: 'Régime de TVA',
  vatNumber: 'N° de TVA intracommunautaire',
  invoiceHeader: 'Mention en tête de facture',
  invoiceFooter: 'Mention en pied de facture',
  paymentTerms: 'Conditions de paiement',
};
