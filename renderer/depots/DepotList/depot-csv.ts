import type { Depot } from '../../../core/depots/depots';
import { toCsv, type CsvColumn } from '../../../core/export/csv';
import { WEEKDAY_LABELS } from '../../../core/validation/fields';

const COLUMNS: readonly CsvColumn<Depot>[] = [
  { header: 'Dépôt', value: (d) => d.name },
  { header: 'Jardin', value: (d) => d.gardenName },
  { header: 'Jour', value: (d) => WEEKDAY_LABELS[d.weekday] },
  { header: 'Horaires de retrait', value: (d) => d.pickupHours },
  { header: 'Créneau de livraison', value: (d) => d.deliverySlot },
  { header: 'Adresse', value: (d) => d.addressLine1 },
  { header: 'Code postal', value: (d) => d.postcode },
  { header: 'Ville', value: (d) => d.city },
  { header: 'Capacité', value: (d) => d.capacity },
  { header: 'Référent', value: (d) => d.referentName },
  { header: 'Téléphone du référent', value: (d) => d.referentPhone },
  { header: 'E-mail du référent', value: (d) => d.referentEmail },
  { header: 'Archivé', value: (d) => (d.archivedAt ? 'oui' : '') },
];

/** The depots on screen, for the office's spreadsheet. */
export const depotsCsv = (depots: readonly Depot[]): string => toCsv(COLUMNS, depots);
