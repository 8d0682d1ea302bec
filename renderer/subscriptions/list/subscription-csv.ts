import { toCsv, type CsvColumn } from '../../../core/export/csv';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { FREQUENCY_LABELS } from '../../../core/formulas/formulas';
import type { InputOf } from '../../../core/handlers';
import type { SubscriptionListRow } from '../../../core/subscriptions/subscription-list';
import { SUBSCRIPTION_STATUS_LABELS } from '../../../core/subscriptions/subscriptions';
import type { ApiClient } from '../../api/client';

const day = (value: string | null) => (value ? formatDateShortFr(value as IsoDate) : '');

const COLUMNS: readonly CsvColumn<SubscriptionListRow>[] = [
  { header: 'Adhérent', value: (r) => r.subscriberName },
  { header: 'Formule', value: (r) => r.formulaName },
  { header: 'Dépôt', value: (r) => r.depotName },
  { header: 'Fréquence', value: (r) => FREQUENCY_LABELS[r.frequency] },
  { header: 'Quantité', value: (r) => r.quantity },
  { header: 'Début', value: (r) => day(r.startDate) },
  { header: 'Fin', value: (r) => day(r.endDate) },
  { header: 'Découverte', value: (r) => (r.isDiscovery ? 'oui' : '') },
  { header: 'Statut', value: (r) => SUBSCRIPTION_STATUS_LABELS[r.status] },
];

const PAGE = 20_000;

/** The whole filtered list of subscriptions (every page), for the office's spreadsheet. */
export async function subscriptionsCsv(api: ApiClient, filters: InputOf<'subscription-list'>): Promise<{ csv: string; count: number }> {
  const rows: SubscriptionListRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.call('subscription-list', { ...filters, limit: PAGE, offset });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  return { csv: toCsv(COLUMNS, rows), count: rows.length };
}
