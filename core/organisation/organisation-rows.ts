import type { Organisation } from './organisation';

/** The `organisation` table as SQLite returns it. */
export interface OrganisationRow {
  legal_name: string;
  address_line1: string;
  address_line2: string;
  postcode: string;
  city: string;
  siret: string;
  phone: string;
  email: string;
  website: string;
  logo_data_url: string | null;
  iban: string;
  bic: string;
  sepa_creditor_id: string;
  vat_status: Organisation['vatStatus'];
  vat_number: string;
  invoice_header: string;
  invoice_footer: string;
  payment_terms: string;
  updated_at: string | null;
}

export function organisationFromDb(row: OrganisationRow): Organisation {
  return {
    legalName: row.legal_name,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postcode: row.postcode,
    city: row.city,
    siret: row.siret,
    phone: row.phone,
    email: row.email,
    website: row.website,
    logoDataUrl: row.logo_data_url,
    iban: row.iban,
    bic: row.bic,
    sepaCreditorId: row.sepa_creditor_id,
    vatStatus: row.vat_status,
    vatNumber: row.vat_number,
    invoiceHeader: row.invoice_header,
    invoiceFooter: row.invoice_footer,
    paymentTerms: row.payment_terms,
    updatedAt: row.updated_at,
  };
}

export function organisationToDb(org: Organisation): OrganisationRow {
  return {
    legal_name: org.legalName,
    address_line1: org.addressLine1,
    address_line2: org.addressLine2,
    postcode: org.postcode,
    city: org.city,
    siret: org.siret,
    phone: org.phone,
    email: org.email,
    website: org.website,
    logo_data_url: org.logoDataUrl,
    iban: org.iban,
    bic: org.bic,
    sepa_creditor_id: org.sepaCreditorId,
    vat_status: org.vatStatus,
    vat_number: org.vatNumber,
    invoice_header: org.invoiceHeader,
    invoice_footer: org.invoiceFooter,
    payment_terms: org.paymentTerms,
    updated_at: org.updatedAt,
  };
}
