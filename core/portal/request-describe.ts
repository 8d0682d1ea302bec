import type { Db } from '../db/database';
import { formatDateFr, formatDateShortFr, type IsoDate } from '../dates/dates';
import type { PortalRequest, PortalRequestType } from './request-schema';

export const REQUEST_TYPE_LABELS: Record<PortalRequestType, string> = {
  cancel_deliveries: 'Annulation de paniers',
  temporary_change: 'Changement temporaire',
  permanent_change: 'Changement définitif',
  contact_update: 'Mise à jour des coordonnées',
};

const CONTACT_LABELS = {
  email: 'e-mail',
  phone: 'téléphone',
  phone2: 'téléphone 2',
  addressLine1: 'adresse',
  addressLine2: 'complément d’adresse',
  postcode: 'code postal',
  city: 'ville',
} as const;

/** Names of depots and formulas, read once per list. */
export interface CatalogueNames {
  depots: Map<number, string>;
  formulas: Map<number, string>;
}

export function catalogueNames(db: Db): CatalogueNames {
  const names = (table: 'depots' | 'formulas') => new Map(db.all<{ id: number; name: string }>(`SELECT id, name FROM ${table}`).map((r) => [r.id, r.name]));
  return { depots: names('depots'), formulas: names('formulas') };
}

const short = (day: string) => formatDateShortFr(day as IsoDate);

function terms(request: { depotId?: number; formulaId?: number; subscriptionId?: number }, names: CatalogueNames): string {
  const parts = [
    request.depotId !== undefined ? `dépôt ${names.depots.get(request.depotId) ?? `n° ${request.depotId} (inconnu)`}` : '',
    request.formulaId !== undefined ? `formule ${names.formulas.get(request.formulaId) ?? `n° ${request.formulaId} (inconnue)`}` : '',
  ].filter(Boolean);
  const which = request.subscriptionId !== undefined ? ` (abonnement n° ${request.subscriptionId})` : '';
  return `${parts.join(', ') || 'rien d’indiqué'}${which}`;
}

/** What the subscriber asked, in French, as the office reads it in the list. */
export function describeRequest(request: PortalRequest, names: CatalogueNames): string {
  switch (request.type) {
    case 'cancel_deliveries': {
      const days = [...request.dates].sort().map((d) => formatDateFr(d as IsoDate));
      return `Annuler ${days.length > 1 ? 'les paniers' : 'le panier'} du ${days.join(', du ')}`;
    }
    case 'temporary_change':
      return `Du ${short(request.from)} au ${short(request.to)} : ${terms(request, names)}`;
    case 'permanent_change':
      return `À partir du ${short(request.from)} : ${terms(request, names)}`;
    case 'contact_update': {
      const changes = (Object.keys(CONTACT_LABELS) as (keyof typeof CONTACT_LABELS)[])
        .filter((key) => request[key] !== undefined)
        .map((key) => `${CONTACT_LABELS[key]} : ${request[key] === '' ? '(effacé)' : request[key]}`);
      return `Nouvelles coordonnées — ${changes.join(' ; ') || 'aucune'}`;
    }
  }
}
