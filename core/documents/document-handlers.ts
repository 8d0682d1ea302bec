import { z } from 'zod';
import { IntegrityError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import { addDays } from '../dates/dates';
import { idField, isoDateField } from '../validation/fields';
import { readOrganisation } from '../organisation/organisation-handlers';
import { buildCrateLabels } from './crate-labels';
import { buildDeliverySheets } from './delivery-sheet';
import { buildCreditNoteDocument, buildInvoiceDocument } from './invoice-document';
import { readInvoice } from '../invoicing/invoice-read';
import { buildPackingSummary } from './packing-summary';
import { buildStatementDocument } from './statement';
import { renderStatement } from './pdf/statement-pdf';
import { renderCrateLabels } from './pdf/crate-labels-pdf';
import { renderDeliverySheets } from './pdf/delivery-sheet-pdf';
import { pdfDataUri, pdfSha256, renderCreditNote, renderInvoice, renderInvoiceRun } from './pdf/invoice-pdf';
import { renderPackingSummary } from './pdf/packing-summary-pdf';
import { toBytes, toDataUri } from './pdf/pdf-kit';

/** A printable document as it travels to the UI: a file name and the PDF as a data URI. */
export interface PdfDocument {
  fileName: string;
  dataUri: string;
  pages: number;
}

const scopeInput = z.object({ from: isoDateField(), to: isoDateField(), depotId: idField.optional(), roundId: idField.optional() });
const SCOPE_LABELS = { from: 'Du', to: 'Au', depotId: 'Dépôt', roundId: 'Tournée' };
const NOTHING = 'Aucun panier à livrer sur cette période : il n’y a rien à imprimer.';

function checkedScope(input: z.output<typeof scopeInput>): z.output<typeof scopeInput> {
  if (input.to < input.from) throw ValidationError.field('to', 'La fin précède le début.');
  if (input.to > addDays(input.from, 31)) throw ValidationError.field('to', 'Imprimez au plus un mois à la fois.');
  return input;
}

function fileName(prefix: string, input: { from: string; to: string }): string {
  return `${prefix}_${input.from === input.to ? input.from : `${input.from}_${input.to}`}.pdf`;
}

/** Depot delivery sheets for a day, a week, a depot or a round, in one PDF. */
export const documentDeliverySheets = defineHandler({
  name: 'document-delivery-sheets',
  input: scopeInput,
  labels: SCOPE_LABELS,
  mutates: false,
  run: ({ db }, raw): PdfDocument => {
    const input = checkedScope(raw);
    const sheets = buildDeliverySheets(db, input);
    if (sheets.length === 0) throw new ValidationError(NOTHING);
    const doc = renderDeliverySheets(sheets);
    return { fileName: fileName('feuilles-de-livraison', input), dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/** The packing summary (bon de préparation) of each delivery day in the range. */
export const documentPackingSummary = defineHandler({
  name: 'document-packing-summary',
  input: scopeInput.pick({ from: true, to: true }),
  labels: SCOPE_LABELS,
  mutates: false,
  run: ({ db }, raw): PdfDocument => {
    const input = checkedScope(raw);
    const days = buildPackingSummary(db, input.from, input.to);
    if (days.length === 0) throw new ValidationError(NOTHING);
    const doc = renderPackingSummary(days, readOrganisation(db).legalName);
    return { fileName: fileName('bon-de-preparation', input), dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/** Crate labels, one per basket, on A4 sheets of 3 × 8. */
export const documentCrateLabels = defineHandler({
  name: 'document-crate-labels',
  input: scopeInput,
  labels: SCOPE_LABELS,
  mutates: false,
  run: ({ db }, raw): PdfDocument => {
    const input = checkedScope(raw);
    const labels = buildCrateLabels(db, input);
    if (labels.length === 0) throw new ValidationError(NOTHING);
    const doc = renderCrateLabels(labels);
    return { fileName: fileName('etiquettes', input), dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/**
 * One invoice as a PDF. Mutating because the first print of an issued invoice records the
 * SHA-256 of its bytes in `invoices.pdf_sha256` (the one change the triggers allow); every
 * later print must give the same bytes, or it is refused. Recording at print time rather
 * than at issue keeps a 2,000-invoice issue within its one durable save budget. A draft
 * prints as « brouillon » for review and records nothing.
 */
export const documentInvoice = defineHandler({
  name: 'document-invoice',
  input: z.object({ invoiceId: idField }),
  labels: { invoiceId: 'Facture' },
  mutates: true,
  run: ({ db }, { invoiceId }): PdfDocument => {
    const invoice = readInvoice(db, invoiceId);
    const doc = renderInvoice(buildInvoiceDocument(db, invoice.id));
    const bytes = toBytes(doc);
    if (invoice.status === 'issued') {
      const hash = pdfSha256(bytes);
      if (invoice.pdfSha256 === null) db.run('UPDATE invoices SET pdf_sha256 = ? WHERE id = ?', [hash, invoice.id]);
      else if (invoice.pdfSha256 !== hash) {
        throw new IntegrityError(
          `La facture ${invoice.number} ne se réimprime pas à l’identique : son PDF diffère de celui imprimé la première fois. Restaurez une sauvegarde et contactez le support.`,
        );
      }
    }
    const name = invoice.number ?? `brouillon-${invoice.month}-${invoice.id}`;
    return { fileName: `facture_${name}.pdf`, dataUri: pdfDataUri(bytes), pages: doc.getNumberOfPages() };
  },
});

/** All the issued invoices of a run in one PDF, by number, each starting on a new page. */
export const documentInvoiceRun = defineHandler({
  name: 'document-invoice-run',
  input: z.object({ runId: idField }),
  labels: { runId: 'Facturation' },
  mutates: false,
  run: ({ db }, { runId }): PdfDocument => {
    const run = db.get<{ month: string }>('SELECT month FROM invoice_runs WHERE id = ?', [runId]);
    if (!run) throw new NotFoundError(`Facturation introuvable (n° ${runId}).`);
    const ids = db.all<{ id: number }>("SELECT id FROM invoices WHERE run_id = ? AND status = 'issued' ORDER BY number", [runId]).map((r) => r.id);
    if (ids.length === 0) throw new ValidationError(`Aucune facture émise pour ${run.month} : émettez la facturation avant d’imprimer les factures.`);
    const doc = renderInvoiceRun(ids.map((id) => buildInvoiceDocument(db, id)), run.month);
    return { fileName: `factures_${run.month}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/** A credit note (avoir) as a PDF. */
export const documentCreditNote = defineHandler({
  name: 'document-credit-note',
  input: z.object({ creditNoteId: idField }),
  labels: { creditNoteId: 'Avoir' },
  mutates: false,
  run: ({ db }, { creditNoteId }): PdfDocument => {
    const note = buildCreditNoteDocument(db, creditNoteId);
    const doc = renderCreditNote(note);
    return { fileName: `avoir_${note.number}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});

/** A subscriber's account statement (relevé de compte), for a period or everything so far. */
export const documentLedgerStatement = defineHandler({
  name: 'document-ledger-statement',
  input: z.object({ subscriberId: idField, from: isoDateField().optional(), to: isoDateField().optional() }),
  labels: { subscriberId: 'Adhérent', from: 'Du', to: 'Au' },
  mutates: false,
  run: ({ db, clock }, { subscriberId, from, to }): PdfDocument => {
    if (from && to && to < from) throw ValidationError.field('to', 'La fin précède le début.');
    const statement = buildStatementDocument(db, subscriberId, clock.today(), from, to);
    const doc = renderStatement(statement);
    const slug = statement.subscriber.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
    return { fileName: `releve-${slug || subscriberId}_${clock.today()}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});
