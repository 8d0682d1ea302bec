import type { PortalRequestsRead } from '../../core/bridge';
import { plural } from '../settings/import/import-text';

export { formatInstantFr, plural } from '../settings/import/import-text';

/** « 3 appliquées, 1 en attente, 0 rejetée, 2 déjà reçues »: the summary of one reading. */
export function readSummary(read: PortalRequestsRead): string {
  if (read.read === 0) return 'Aucun fichier de demandes dans le dossier « demandes ».';
  const parts = [
    plural(read.applied, 'appliquée', 'appliquées'),
    `${read.waiting} en attente`,
    plural(read.rejected, 'rejetée', 'rejetées'),
    plural(read.duplicates, 'déjà reçue', 'déjà reçues'),
  ];
  return `${plural(read.read, 'fichier lu', 'fichiers lus')} : ${parts.join(', ')}.`;
}

export const KIND_LABELS = { full: 'complet', incremental: 'des changements' } as const;
