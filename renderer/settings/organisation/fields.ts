import type { OrganisationInput } from '../../../core/organisation/organisation';

export type TextFieldKey = Exclude<keyof OrganisationInput, 'logoDataUrl' | 'vatStatus'>;

export interface FieldSpec {
  key: TextFieldKey;
  kind?: 'text' | 'long';
  description?: string;
  placeholder?: string;
  required?: boolean;
  /** Spans both columns of the section's grid. */
  wide?: boolean;
}

/** The organisation form, in the order the office reads an invoice's letterhead. */
export const SECTIONS: readonly { title: string; intro: string; fields: readonly FieldSpec[] }[] = [
  {
    title: 'Identité',
    intro: 'Le nom et le numéro qui identifient l’association sur les factures.',
    fields: [
      { key: 'legalName', required: true, description: 'Tel qu’il figure dans les statuts.', placeholder: 'ex. Jardin de Cocagne du Pays de Lorient' },
      { key: 'siret', description: '14 chiffres, sur l’avis de situation INSEE.', placeholder: 'ex. 732 829 320 00074' },
    ],
  },
  {
    title: 'Coordonnées',
    intro: 'L’adresse et les contacts imprimés en tête des factures et des courriers.',
    fields: [
      { key: 'addressLine1', wide: true },
      { key: 'addressLine2', wide: true },
      { key: 'postcode', placeholder: 'ex. 56650' },
      { key: 'city' },
      { key: 'phone', placeholder: 'ex. 02 97 00 00 00' },
      { key: 'email', placeholder: 'ex. contact@jardin.fr' },
      { key: 'website', placeholder: 'ex. www.jardin.fr', wide: true },
    ],
  },
  {
    title: 'Banque et prélèvements',
    intro: 'Le compte qui reçoit les prélèvements et les virements des adhérents.',
    fields: [
      { key: 'iban', wide: true, placeholder: 'ex. FR76 3000 6000 0112 3456 7890 189', description: 'Tel qu’il figure sur le RIB de l’association.' },
      { key: 'bic', placeholder: 'ex. AGRIFRPP882', description: '8 ou 11 caractères, sous l’IBAN sur le RIB.' },
      { key: 'sepaCreditorId', placeholder: 'ex. FR72ZZZ123456', description: 'Fourni par votre banque pour faire des prélèvements.' },
    ],
  },
  {
    title: 'TVA et factures',
    intro: 'Le régime de TVA et les mentions imprimées sur chaque facture.',
    fields: [
      { key: 'vatNumber', placeholder: 'ex. FR 12 345678901', description: 'Seulement si l’association est assujettie à la TVA.' },
      { key: 'paymentTerms', kind: 'long', wide: true, placeholder: 'ex. Paiement à réception, par prélèvement le 10 du mois.' },
      { key: 'invoiceHeader', kind: 'long', wide: true },
      { key: 'invoiceFooter', kind: 'long', wide: true, placeholder: 'ex. Association loi 1901 – …' },
    ],
  },
];

export function fieldId(key: keyof OrganisationInput): string {
  return `organisation-${key}`;
}
