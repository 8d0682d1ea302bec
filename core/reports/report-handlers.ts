import { z } from 'zod';
import { ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, formatDateShortFr, type IsoDate } from '../dates/dates';
import { toCsv, type CsvColumn } from '../export/csv';
import { isoDateField } from '../validation/fields';
import { basketsPerWeek, cancellationsPerWeek, depotUse, type DepotUse, type WeekCancellations, type WeekFormulaCount } from './report-deliveries';
import { revenuePerMonth, type Revenue, type RevenueLine } from './report-revenue';
import { subscriberReport, type SubscriberMonth, type SubscriberReport } from './report-subscribers';
import { byName } from './week-counts';

export interface Report {
  from: string;
  to: string;
  /** Formulas with delivered baskets in the period, French order: the series of the baskets chart. */
  formulas: { formulaId: number; name: string }[];
  basketsPerWeek: WeekFormulaCount[];
  revenue: Revenue;
  subscribers: SubscriberReport;
  cancellationsPerWeek: WeekCancellations[];
  depots: DepotUse[];
}

const periodInput = z.object({ from: isoDateField('Date de début invalide.'), to: isoDateField('Date de fin invalide.') });
const PERIOD_LABELS = { from: 'Du', to: 'Au', table: 'Tableau' };

function checkedPeriod(input: { from: IsoDate; to: IsoDate }): { from: IsoDate; to: IsoDate } {
  if (input.to < input.from) throw ValidationError.field('to', 'La fin de la période précède son début : choisissez une date de fin plus tardive.');
  if (input.to > addDays(input.from, 3 * 366)) throw ValidationError.field('to', 'Choisissez une période de trois ans au plus.');
  return input;
}

export function buildReport(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): Report {
  const baskets = basketsPerWeek(db, from, to);
  const formulas = new Map(baskets.map((b) => [b.formulaId, { id: b.formulaId, name: b.formula, count: 0 }]));
  return {
    from,
    to,
    formulas: [...formulas.values()].sort(byName).map((f) => ({ formulaId: f.id, name: f.name })),
    basketsPerWeek: baskets,
    revenue: revenuePerMonth(db, from, to),
    subscribers: subscriberReport(db, from, to, today),
    cancellationsPerWeek: cancellationsPerWeek(db, from, to, today),
    depots: depotUse(db, from, to),
  };
}

/**
 * The reports (issue 10) over a chosen period: baskets delivered, revenue invoiced, subscribers,
 * cancellations and depots, each from the records invoicing uses.
 */
export const reportGet = defineHandler({
  name: 'report-get',
  input: periodInput,
  labels: PERIOD_LABELS,
  mutates: false,
  run: ({ db, clock }, input): Report => {
    const { from, to } = checkedPeriod(input);
    return buildReport(db, from, to, clock.today());
  },
});

/** `1234,50`: a French decimal a spreadsheet sums. */
const euros = (c: number) => (c / 100).toFixed(2).replace('.', ',');
const revenueColumns = <T extends RevenueLine>(first: CsvColumn<T>[]): CsvColumn<T>[] => [
  { header: 'Mois', value: (r) => r.month },
  ...first,
  { header: 'Facturé TTC (€)', value: (r) => euros(r.invoicedCents) },
  { header: 'Avoirs TTC (€)', value: (r) => euros(r.creditedCents) },
  { header: 'Chiffre d’affaires TTC (€)', value: (r) => euros(r.revenueCents) },
];

export const REPORT_TABLES = ['baskets', 'revenue', 'revenue-formulas', 'revenue-methods', 'subscribers', 'cancellations', 'depots'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

function tableCsv(db: Db, table: ReportTable, from: IsoDate, to: IsoDate, today: IsoDate): string {
  switch (table) {
    case 'baskets':
      return toCsv<WeekFormulaCount>(
        [
          { header: 'Semaine', value: (r) => r.week },
          { header: 'Lundi', value: (r) => formatDateShortFr(r.monday as IsoDate) },
          { header: 'Formule', value: (r) => r.formula },
          { header: 'Paniers livrés', value: (r) => r.count },
        ],
        basketsPerWeek(db, from, to),
      );
    case 'revenue':
      return toCsv(revenueColumns([]), revenuePerMonth(db, from, to).months);
    case 'revenue-formulas':
      return toCsv(revenueColumns([{ header: 'Formule', value: (r: Revenue['byFormula'][number]) => r.label }]), revenuePerMonth(db, from, to).byFormula);
    case 'revenue-methods':
      return toCsv(revenueColumns([{ header: 'Mode de paiement', value: (r: Revenue['byPaymentMethod'][number]) => r.label }]), revenuePerMonth(db, from, to).byPaymentMethod);
    case 'subscribers':
      return toCsv<SubscriberMonth>(
        [
          { header: 'Mois', value: (r) => r.month },
          { header: 'Abonnés actifs en fin de mois', value: (r) => r.activeAtMonthEnd },
          { header: 'Arrivées', value: (r) => r.arrivals },
          { header: 'Départs', value: (r) => r.departures },
        ],
        subscriberReport(db, from, to, today).months,
      );
    case 'cancellations':
      return toCsv<WeekCancellations>(
        [
          { header: 'Semaine', value: (r) => r.week },
          { header: 'Lundi', value: (r) => formatDateShortFr(r.monday as IsoDate) },
          { header: 'Paniers annulés (livraisons validées)', value: (r) => r.recorded },
          { header: 'Annulations prévues', value: (r) => r.planned },
          { header: 'Total', value: (r) => r.count },
        ],
        cancellationsPerWeek(db, from, to, today),
      );
    case 'depots':
      return toCsv<DepotUse>(
        [
          { header: 'Jardin', value: (r) => r.garden },
          { header: 'Dépôt', value: (r) => r.depot },
          { header: 'Abonnés', value: (r) => r.subscribers },
          { header: 'Paniers livrés', value: (r) => r.baskets },
          { header: 'Jours de livraison', value: (r) => r.deliveryDays },
          { header: 'Paniers par jour (moyenne)', value: (r) => (r.averagePerDay === null ? '' : String(r.averagePerDay).replace('.', ',')) },
          { header: 'Capacité', value: (r) => r.capacity ?? '' },
          { header: 'Remplissage (%)', value: (r) => (r.capacityUsePercent === null ? '' : String(r.capacityUsePercent).replace('.', ',')) },
        ],
        depotUse(db, from, to),
      );
  }
}

const FILE_NAMES: Record<ReportTable, string> = {
  baskets: 'paniers-par-semaine',
  revenue: 'chiffre-affaires-par-mois',
  'revenue-formulas': 'chiffre-affaires-par-formule',
  'revenue-methods': 'chiffre-affaires-par-mode-de-paiement',
  subscribers: 'abonnes-par-mois',
  cancellations: 'annulations-par-semaine',
  depots: 'depots',
};

/** One table of the reports as a spreadsheet (`;`, UTF-8 with BOM, French decimals). */
export const reportCsv = defineHandler({
  name: 'report-csv',
  input: periodInput.extend({ table: z.enum(REPORT_TABLES, 'Choisissez le tableau à exporter.') }),
  labels: PERIOD_LABELS,
  mutates: false,
  run: ({ db, clock }, input): { fileName: string; content: string } => {
    const { from, to } = checkedPeriod(input);
    return { fileName: `${FILE_NAMES[input.table]}_${from}_${to}.csv`, content: tableCsv(db, input.table, from, to, clock.today()) };
  },
});
