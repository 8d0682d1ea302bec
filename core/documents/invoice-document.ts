import { ConflictError, NotFoundError } from '../api/errors';
import type { Db } from '../db/database';
import { addMonths, formatDateShortFr, type IsoDate } from '../dates/dates';
import { formatEuros, type Cents } from '../money/money';
import type { RateTotal } from '../invoicing/calculator';
import { lineAmounts } from '../invoicing/calculator';
import { readCreditNote } from '../invoicing/credit-notes';
import { readInvoice, type Invoice } from '../invoicing/invoice-read';
import { snapshotLogo, type InvoiceSnapshot } from '../invoicing/snapshot';
import type { VatStatus } from '../organisation/organisation';
import { readOrganisation } from '../organisation/organisation-handlers';
import { formatSiret } from '../validation/siret';

/**
 * The printed invoice and credit note (issue 6 item 5), built only from what was frozen when
 * they were issued (snapshot, lines, totals): reprinting gives the same document whatever
 * changed since, the logo included: the snapshot names it by hash in `document_assets`.
 */

/** What a status prints instead of VAT amounts (finance-rules §1.6); `liable` prints VAT per rate. */
export const VAT_MENTIONS: Record<VatStatus, string | null> = {
  // Case A has no official wording (§1.6 ⚠): say plainly why there is no VAT.
  not_liable: 'TVA non applicable : association non assujettie à la TVA.',
  exempt: 'Exonération de TVA – art. 261-7-1°-b du CGI',
  franchise: 'TVA non applicable, art. 293 B du CGI',
  liable: null,
};

/** Business buyers (the CCAS) must read the late-payment terms (§1.2, L441-9 C. com.). */
export const LATE_PAYMENT_TERMS =
  'Pas d’escompte pour paiement anticipé. En cas de retard de paiement : pénalités au taux de trois fois le taux d’intérêt légal et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 du Code de commerce).';

export interface OrganisationView {
  name: string;
  addressLines: string[];
  /** « SIRET … », « N° TVA … » (liable only), contact details. */
  legalLines: string[];
  contactLine: string;
  header: string;
  logoDataUrl: string | null;
}

export interface PartyView {
  name: string;
  addressLines: string[];
}

export interface DocumentLine {
  date: IsoDate | null;
  label: string;
  quantity: number;
  /** VAT-inclusive unit price, as the office knows it. */
  unitPriceCents: Cents;
  /** Unit price excl. VAT by the one VAT rule (a mandatory mention, §1.2). */
  unitNetCents: Cents;
  vatRateBp: number;
  netCents: Cents;
  vatCents: Cents;
  grossCents: Cents;
}

interface DocumentCommon {
  organisation: OrganisationView;
  subscriber: PartyView;
  /** VAT columns and the per-rate table are printed only when the organisation is liable. */
  vatLiable: boolean;
  vatMention: string | null;
  lines: DocumentLine[];
  vatByRate: RateTotal[];
  totals: { netCents: Cents; vatCents: Cents; grossCents: Cents };
  lateTerms: string | null;
  footer: string;
}

export interface InvoiceDocument extends DocumentCommon {
  kind: 'invoice';
  /** A draft has no number: it prints « Brouillon » and never records a hash. */
  draft: boolean;
  number: string | null;
  issueDate: IsoDate | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  balanceForwardCents: Cents;
  creditAppliedCents: Cents;
  amountDueCents: Cents;
  creditRemainingCents: Cents;
  paymentLine: string;
  paymentTerms: string;
}

export interface CreditNoteDocument extends DocumentCommon {
  kind: 'credit-note';
  number: string;
  issueDate: IsoDate;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  reason: string;
}

const join = (parts: readonly (string | null | undefined)[], separator = ' ') => parts.filter((p) => p && p.trim() !== '').join(separator);

function organisationView(o: InvoiceSnapshot['organisation'], logoDataUrl: string | null): OrganisationView {
  return {
    name: o.legalName,
    addressLines: [o.addressLine1, o.addressLine2, join([o.postcode, o.city])].filter((l) => l !== ''),
    legalLines: [o.siret ? `SIRET ${formatSiret(o.siret)}` : '', o.vatStatus === 'liable' && o.vatNumber ? `N° TVA intracommunautaire ${o.vatNumber}` : ''].filter((l) => l !== ''),
    contactLine: join([o.phone, o.email, o.website], ' · '),
    header: o.invoiceHeader,
    logoDataUrl,
  };
}

function subscriberView(s: InvoiceSnapshot['subscriber']): PartyView {
  return {
    name: s.kind === 'organisation' ? s.lastName : join([s.civility, s.firstName, s.lastName]),
    addressLines: [s.addressLine1, s.addressLine2, join([s.postcode, s.city])].filter((l) => l !== ''),
  };
}

function common(snapshot: InvoiceSnapshot, logoDataUrl: string | null): Omit<DocumentCommon, 'lines' | 'vatByRate' | 'totals'> {
  const status = snapshot.organisation.vatStatus;
  return {
    organisation: organisationView(snapshot.organisation, logoDataUrl),
    subscriber: subscriberView(snapshot.subscriber),
    vatLiable: status === 'liable',
    vatMention: VAT_MENTIONS[status],
    lateTerms: snapshot.subscriber.kind === 'organisation' ? LATE_PAYMENT_TERMS : null,
    footer: snapshot.organisation.invoiceFooter,
  };
}

function documentLine(l: { date: string | null; label: string; quantity: number; unitPriceCents: Cents; vatRateBp: number; netCents: Cents; vatCents: Cents; grossCents: Cents }): DocumentLine {
  return {
    date: l.date as IsoDate | null,
    label: l.label,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    unitNetCents: lineAmounts(l.unitPriceCents, 1, l.vatRateBp).netCents,
    vatRateBp: l.vatRateBp,
    netCents: l.netCents,
    vatCents: l.vatCents,
    grossCents: l.grossCents,
  };
}

/** Invoices issued before the debit day was frozen in the snapshot announced the 10th of the next month. */
export function collectionDate(issueDate: IsoDate): IsoDate {
  return `${addMonths(issueDate, 1).slice(0, 7)}-10` as IsoDate;
}

/** The pre-notification for SEPA payers (§2.5), the remaining prepaid balance for cheque payers. */
export function paymentLine(invoice: Pick<Invoice, 'issueDate' | 'amountDueCents' | 'creditRemainingCents' | 'snapshot'>): string {
  const { method, ibanMasked, mandateRum } = invoice.snapshot.payment;
  const due = formatEuros(invoice.amountDueCents as Cents);
  const remaining = formatEuros(invoice.creditRemainingCents as Cents);
  if (method === 'sepa') {
    if (invoice.amountDueCents === 0) return 'Aucun prélèvement pour cette facture : le montant dû est nul.';
    const announced = invoice.snapshot.payment.collectionDate ?? (invoice.issueDate ? collectionDate(invoice.issueDate as IsoDate) : null);
    const account = ibanMasked ? ` sur le compte ${ibanMasked}` : '';
    const mandate = mandateRum ? ` (mandat RUM ${mandateRum})` : '';
    // A draft has no debit day yet: it is fixed when the invoice is issued.
    if (!announced) return `Montant qui sera prélevé (date fixée à l’émission)${account}${mandate} : ${due}`;
    return `Montant prélevé le ${formatDateShortFr(announced as IsoDate)}${account}${mandate} : ${due}`;
  }
  if (method === 'cheque') {
    return invoice.amountDueCents > 0 ? `Reste à régler par chèque : ${due}. Solde prépayé restant : ${remaining}.` : `Solde prépayé restant après cette facture : ${remaining}.`;
  }
  if (method === 'transfer') return invoice.amountDueCents > 0 ? `Montant à régler par virement : ${due}.` : 'Rien à régler pour cette facture.';
  return invoice.amountDueCents > 0 ? `Montant à régler : ${due}.` : 'Rien à régler pour cette facture.';
}

/** The printable model of one invoice (issued, or a draft for review). */
export function invoiceDocumentFrom(invoice: Invoice, logoDataUrl: string | null): InvoiceDocument {
  if (invoice.status === 'excluded') throw new ConflictError('Cette facture est exclue de la facturation : remettez-la dans la tournée de facturation pour l’imprimer.');
  const billed = invoice.lines.filter((l) => l.kind === 'basket' || l.kind === 'membership');
  return {
    kind: 'invoice',
    ...common(invoice.snapshot, logoDataUrl),
    draft: invoice.status === 'draft',
    number: invoice.number,
    issueDate: invoice.issueDate as IsoDate | null,
    periodStart: invoice.periodStart as IsoDate,
    periodEnd: invoice.periodEnd as IsoDate,
    lines: billed.map(documentLine),
    vatByRate: invoice.vatByRate,
    totals: { netCents: invoice.netCents, vatCents: invoice.vatCents, grossCents: invoice.grossCents },
    balanceForwardCents: invoice.balanceForwardCents,
    creditAppliedCents: invoice.creditAppliedCents,
    amountDueCents: invoice.amountDueCents,
    creditRemainingCents: invoice.creditRemainingCents,
    paymentLine: paymentLine(invoice),
    paymentTerms: invoice.snapshot.paymentTerms,
  };
}

export function buildInvoiceDocument(db: Db, invoiceId: number): InvoiceDocument {
  const invoice = readInvoice(db, invoiceId);
  // An issued invoice prints the logo it was issued with; a draft shows today's.
  const logo = invoice.status === 'issued' ? snapshotLogo(db, invoice.snapshot.organisation) : readOrganisation(db).logoDataUrl;
  return invoiceDocumentFrom(invoice, logo);
}

/** A credit note from its own snapshot (taken when it was issued). */
export function buildCreditNoteDocument(db: Db, creditNoteId: number): CreditNoteDocument {
  const note = readCreditNote(db, creditNoteId);
  const row = db.get<{ snapshot: string }>('SELECT snapshot FROM credit_notes WHERE id = ?', [creditNoteId]);
  if (!row) throw new NotFoundError(`Avoir introuvable (n° ${creditNoteId}).`);
  const snapshot = JSON.parse(row.snapshot) as InvoiceSnapshot;
  return {
    kind: 'credit-note',
    ...common(snapshot, snapshotLogo(db, snapshot.organisation)),
    number: note.number,
    issueDate: note.issueDate as IsoDate,
    invoiceNumber: note.invoiceNumber,
    invoiceDate: note.invoiceDate as IsoDate,
    reason: note.reason,
    // The label already carries the basket's date (« Petit panier du 14/04/2026 »).
    lines: note.lines.map((l) => documentLine({ ...l, date: null })),
    vatByRate: note.vatByRate,
    totals: { netCents: note.netCents, vatCents: note.vatCents, grossCents: note.grossCents },
  };
}
