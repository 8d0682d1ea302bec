import { z } from 'zod';
import { ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import { addDays } from '../dates/dates';
import { idField, isoDateField } from '../validation/fields';
import { readOrganisation } from '../organisation/organisation-handlers';
import { buildCrateLabels } from './crate-labels';
import { buildDeliverySheets } from './delivery-sheet';
import { buildPackingSummary } from './packing-summary';
import { renderCrateLabels } from './pdf/crate-labels-pdf';
import { renderDeliverySheets } from './pdf/delivery-sheet-pdf';
import { renderPackingSummary } from './pdf/packing-summary-pdf';
import { toDataUri } from './pdf/pdf-kit';

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
