import { z } from 'zod';
import { ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import { idField, isoDateField } from '../validation/fields';
import { buildDeliverySheets } from './delivery-sheet';
import { renderDeliverySheets } from './pdf/delivery-sheet-pdf';
import { toDataUri } from './pdf/pdf-kit';

/** A printable document as it travels to the UI: a file name and the PDF as a data URI. */
export interface PdfDocument {
  fileName: string;
  dataUri: string;
  pages: number;
}

/** Depot delivery sheets for a day, a week, a depot or a round, in one PDF. */
export const documentDeliverySheets = defineHandler({
  name: 'document-delivery-sheets',
  input: z.object({ from: isoDateField(), to: isoDateField(), depotId: idField.optional(), roundId: idField.optional() }),
  labels: { from: 'Du', to: 'Au', depotId: 'Dépôt', roundId: 'Tournée' },
  mutates: false,
  run: ({ db }, input): PdfDocument => {
    if (input.to < input.from) throw ValidationError.field('to', 'La fin précède le début.');
    const sheets = buildDeliverySheets(db, input);
    if (sheets.length === 0) throw new ValidationError('Aucun panier à livrer sur cette période : il n’y a pas de feuille à imprimer.');
    const doc = renderDeliverySheets(sheets);
    const span = input.from === input.to ? input.from : `${input.from}_${input.to}`;
    return { fileName: `feuilles-de-livraison_${span}.pdf`, dataUri: toDataUri(doc), pages: doc.getNumberOfPages() };
  },
});
