import type { Db } from '../db/database';
import { readOrganisation } from '../organisation/organisation-handlers';
import type { Organisation, VatStatus } from '../organisation/organisation';
import { sha256Hex } from '../text/hash';
import { maskIban } from '../validation/bank';

/**
 * What an issued invoice shows about the parties, frozen when it is issued so that a later
 * change of address, IBAN or settings never alters it (finance-rules §1.4). The logo is kept
 * once in `document_assets` and the snapshot names it by hash, so a new logo changes nothing.
 */
export interface InvoiceSnapshot {
  organisation: Pick<
    Organisation,
    'legalName' | 'addressLine1' | 'addressLine2' | 'postcode' | 'city' | 'siret' | 'phone' | 'email' | 'website' | 'vatNumber' | 'invoiceHeader' | 'invoiceFooter' | 'sepaCreditorId'
  > & {
    vatStatus: VatStatus;
    /** The logo the document was issued with, in `document_assets`; null without a logo. */
    logoSha256?: string | null;
  };
  subscriber: {
    id: number;
    kind: 'person' | 'organisation';
    civility: string;
    firstName: string;
    lastName: string;
    addressLine1: string;
    addressLine2: string;
    postcode: string;
    city: string;
    email: string;
  };
  paymentTerms: string;
  payment: {
    method: 'sepa' | 'cheque' | 'transfer' | 'other';
    ibanMasked: string | null;
    mandateRum: string | null;
    mandateSignedOn: string | null;
    /** The debit day the invoice announces (the pre-notification), fixed at issue; absent on older invoices. */
    collectionDate?: string | null;
  };
}

export type OrganisationBlock = InvoiceSnapshot['organisation'];

/** Stores the logo once by its hash (issuing only: this writes) and returns the hash. */
function logoAsset(db: Db, dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  const hash = sha256Hex(dataUrl);
  db.run('INSERT OR IGNORE INTO document_assets (sha256, data_url) VALUES (?, ?)', [hash, dataUrl]);
  return hash;
}

/** The logo a snapshot names; null for documents issued without one (or before logos were kept). */
export function snapshotLogo(db: Db, block: OrganisationBlock): string | null {
  if (!block.logoSha256) return null;
  return db.get<{ data_url: string }>('SELECT data_url FROM document_assets WHERE sha256 = ?', [block.logoSha256])?.data_url ?? null;
}

export function organisationBlock(db: Db): { block: OrganisationBlock; paymentTerms: string } {
  const o = readOrganisation(db);
  return {
    block: {
      legalName: o.legalName,
      addressLine1: o.addressLine1,
      addressLine2: o.addressLine2,
      postcode: o.postcode,
      city: o.city,
      siret: o.siret,
      phone: o.phone,
      email: o.email,
      website: o.website,
      vatNumber: o.vatNumber,
      vatStatus: o.vatStatus,
      invoiceHeader: o.invoiceHeader,
      invoiceFooter: o.invoiceFooter,
      sepaCreditorId: o.sepaCreditorId,
      logoSha256: logoAsset(db, o.logoDataUrl),
    },
    paymentTerms: o.paymentTerms,
  };
}

export interface SubscriberSnapRow {
  id: number;
  kind: 'person' | 'organisation';
  civility: string;
  first_name: string;
  last_name: string;
  address_line1: string;
  address_line2: string;
  postcode: string;
  city: string;
  email: string;
  payment_method: InvoiceSnapshot['payment']['method'];
  iban: string;
  mandate_rum: string;
  mandate_signed_on: string | null;
  membership_exempt: number;
  membership_type_id: number | null;
}

/** Subscribers' rows in one query (a run of thousands must not ask one by one). */
export function loadSubscriberRows(db: Db, ids: readonly number[]): Map<number, SubscriberSnapRow> {
  const wanted = new Set(ids);
  return new Map(db.all<SubscriberSnapRow>('SELECT * FROM subscribers').filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
}

export function buildSnapshot(db: Db, subscriberId: number, org: { block: OrganisationBlock; paymentTerms: string }): InvoiceSnapshot {
  return snapshotFromRow(db.get<SubscriberSnapRow>('SELECT * FROM subscribers WHERE id = ?', [subscriberId])!, org);
}

export function snapshotFromRow(s: SubscriberSnapRow, org: { block: OrganisationBlock; paymentTerms: string }): InvoiceSnapshot {
  const sepa = s.payment_method === 'sepa';
  return {
    organisation: org.block,
    subscriber: {
      id: s.id,
      kind: s.kind,
      civility: s.civility,
      firstName: s.first_name,
      lastName: s.last_name,
      addressLine1: s.address_line1,
      addressLine2: s.address_line2,
      postcode: s.postcode,
      city: s.city,
      email: s.email,
    },
    paymentTerms: org.paymentTerms,
    payment: {
      method: s.payment_method,
      // The full IBAN never leaves the subscriber's record (GDPR art. 32, finance-rules §6).
      ibanMasked: sepa && s.iban ? maskIban(s.iban) : null,
      mandateRum: sepa && s.mandate_rum ? s.mandate_rum : null,
      mandateSignedOn: sepa ? s.mandate_signed_on : null,
    },
  };
}
