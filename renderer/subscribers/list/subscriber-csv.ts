import type { SubscriberListRow } from '../../../core/subscribers/subscriber-handlers';
import { PAYMENT_METHOD_LABELS, SUBSCRIBER_STATUS_LABELS } from '../../../core/subscribers/subscribers';
import { toCsv, type CsvColumn } from '../../../core/export/csv';
import type { ApiClient } from '../../api/client';
import type { InputOf } from '../../../core/handlers';

const COLUMNS: readonly CsvColumn<SubscriberListRow>[] = [
  { header: 'N°', value: (r) => r.id },
  { header: 'Nom', value: (r) => r.lastName },
  { header: 'Prénom', value: (r) => r.firstName },
  { header: 'E-mail', value: (r) => r.email },
  { header: 'Téléphone', value: (r) => r.phone },
  { header: 'Ville', value: (r) => r.city },
  { header: 'Dépôts', value: (r) => r.depots },
  { header: 'Formules', value: (r) => r.formulas },
  { header: 'Mode de règlement', value: (r) => PAYMENT_METHOD_LABELS[r.paymentMethod] },
  { header: 'RUM', value: (r) => r.mandateRum },
  { header: 'Statut', value: (r) => (r.archived ? 'Archivé' : SUBSCRIBER_STATUS_LABELS[r.status]) },
];

const PAGE = 20_000;

/** The whole filtered list (every page), as the office's spreadsheet opens it. */
export async function subscribersCsv(api: ApiClient, filters: InputOf<'subscriber-list'>): Promise<{ csv: string; count: number }> {
  const rows: SubscriberListRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.call('subscriber-list', { ...filters, limit: PAGE, offset });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  return { csv: toCsv(COLUMNS, rows), count: rows.length };
}
