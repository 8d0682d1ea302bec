import { z } from 'zod';
import { ConflictError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import { readOrganisation } from '../organisation/organisation-handlers';
import { readPaymentSettings } from '../payments/payment-settings';
import { isoDateField } from '../validation/fields';
import { accountingCsv, accountingCsvFileName } from './accounting-csv';
import { JOURNAL_LABELS, type JournalKind } from './entries';
import { fecContent, fecFileName } from './fec';
import { buildJournal } from './journal';

const JOURNAL_ORDER: readonly JournalKind[] = ['opening', 'sales', 'bank'];

/**
 * « Export comptable »: the sales, bank and opening-balance journals of a period (both days
 * included), as a FEC for the accountant's software or a CSV for a spreadsheet. A read: the
 * file is built from the database each time, so exporting twice gives the same lines.
 */
export const accountingExport = defineHandler({
  name: 'accounting-export',
  input: z.object({
    from: isoDateField('Date de début invalide (attendu AAAA-MM-JJ).'),
    to: isoDateField('Date de fin invalide (attendu AAAA-MM-JJ).'),
    format: z.enum(['fec', 'csv'], 'Choisissez le format : FEC ou CSV.'),
  }),
  labels: { from: 'Du', to: 'Au', format: 'Format' },
  mutates: false,
  run: ({ db, clock }, { from, to, format }) => {
    if (to < from) throw ValidationError.field('to', 'La date de fin précède la date de début : choisissez une date de fin au plus tôt le jour du début.');
    let fileName: string;
    if (format === 'fec') {
      const { siret } = readOrganisation(db);
      // The FEC is named after the SIREN (A47 A-1 LPF), the first 9 digits of the SIRET.
      if (!siret) throw new ConflictError('Le FEC porte le SIREN de l’association : renseignez son SIRET dans Paramètres → Organisation, ou choisissez l’export CSV.');
      fileName = fecFileName(siret, to);
    } else {
      fileName = accountingCsvFileName(from, to);
    }
    const { entries, skippedLegacyEntries } = buildJournal(db, from, to);
    const content = format === 'fec' ? fecContent(entries, clock.today()) : accountingCsv(entries);
    const settings = readPaymentSettings(db);
    const lines = entries.flatMap((e) => e.lines);
    const byJournal = JOURNAL_ORDER.map((kind) => {
      const ofKind = entries.filter((e) => e.kind === kind);
      return {
        code: settings.journals[kind],
        kind,
        label: JOURNAL_LABELS[kind],
        entries: ofKind.length,
        debitCents: ofKind.reduce((sum, e) => sum + e.lines.reduce((s, l) => s + l.debitCents, 0), 0),
      };
    });
    return {
      fileName,
      content,
      entries: entries.length,
      lines: lines.length,
      totals: { debitCents: lines.reduce((sum, l) => sum + l.debitCents, 0), creditCents: lines.reduce((sum, l) => sum + l.creditCents, 0) },
      byJournal,
      skippedLegacyEntries,
    };
  },
});
