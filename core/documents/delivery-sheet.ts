import type { Db } from '../db/database';
import { addDays, formatDateFr, type IsoDate } from '../dates/dates';
import { planDeliveries, type PlannedBasket } from '../deliveries/plan';
import { readOrganisation } from '../organisation/organisation-handlers';
import { compareFr } from '../text/collate';

/** What changed for a subscriber since the previous delivery (issue 5: the sheet's marker). */
export type SheetMarker = 'new' | 'back' | 'temporary' | 'last-discovery';

export const SHEET_MARKER_LABELS: Record<SheetMarker, string> = {
  new: 'Nouveau',
  back: 'Retour d’absence',
  temporary: 'Changement temporaire',
  'last-discovery': 'Dernier panier Découverte',
};

export interface SheetRow {
  name: string;
  formula: string;
  quantity: number;
  phone: string;
  markers: SheetMarker[];
}

/** The depot delivery sheet (feuille d’émargement) of one depot on one day. */
export interface DeliverySheet {
  organisation: { name: string; phone: string; email: string };
  depot: { id: number; name: string; address: string; pickupHours: string; referent: string; gardenName: string };
  date: IsoDate;
  dateLabel: string;
  roundName: string | null;
  /** Sorted by name. */
  rows: SheetRow[];
  totals: { formula: string; quantity: number }[];
  totalBaskets: number;
}

export interface SheetScope {
  from: IsoDate;
  to: IsoDate;
  depotId?: number;
  roundId?: number;
}

/** How far to look around a day for the previous and next basket of each subscription. */
const LOOK_AROUND_DAYS = 42;

function markersFor(basket: PlannedBasket, all: Map<number, PlannedBasket[]>, chainStart: Map<number, string>, chainEnd: Map<number, string | null>): SheetMarker[] {
  const markers: SheetMarker[] = [];
  const own = all.get(basket.chainId) ?? [];
  const before = own.filter((b) => b.scheduledDate < basket.scheduledDate);
  const previous = before[before.length - 1];
  const start = chainStart.get(basket.chainId) ?? basket.date;
  if (!previous && start > addDays(basket.date, -LOOK_AROUND_DAYS)) markers.push('new');
  if (previous && previous.status === 'cancelled') markers.push('back');
  if (basket.temporary) markers.push('temporary');
  const end = chainEnd.get(basket.chainId) ?? null;
  if (basket.isDiscovery && end !== null && !own.some((b) => b.scheduledDate > basket.scheduledDate)) markers.push('last-discovery');
  return markers;
}

/**
 * One sheet per depot and delivery day in the scope, rows sorted by name, with the change
 * markers computed against the previous and next baskets of each subscription.
 */
export function buildDeliverySheets(db: Db, scope: SheetScope): DeliverySheet[] {
  const due = planDeliveries(db, { from: scope.from, to: scope.to }).filter(
    (b) => b.status === 'expected' && (scope.depotId === undefined || b.depotId === scope.depotId) && (scope.roundId === undefined || b.round?.id === scope.roundId),
  );
  if (due.length === 0) return [];
  const chainIds = [...new Set(due.map((b) => b.chainId))];
  const around = planDeliveries(db, { from: addDays(scope.from, -LOOK_AROUND_DAYS), to: addDays(scope.to, LOOK_AROUND_DAYS), chainIds });
  const byChain = new Map<number, PlannedBasket[]>();
  for (const b of around) byChain.set(b.chainId, [...(byChain.get(b.chainId) ?? []), b]);
  const chainRows = db.all<{ chain_id: number; start: string; end: string | null }>(
    `SELECT chain_id, min(start_date) AS start, CASE WHEN count(*) = count(end_date) THEN max(end_date) END AS end
     FROM subscriptions WHERE chain_id IN (${chainIds.join(',')}) GROUP BY chain_id`,
  );
  const chainStart = new Map(chainRows.map((r) => [r.chain_id, r.start]));
  const chainEnd = new Map(chainRows.map((r) => [r.chain_id, r.end]));
  const org = readOrganisation(db);
  const depotInfo = new Map(
    db
      .all<{ id: number; name: string; address_line1: string; postcode: string; city: string; pickup_hours: string; referent_name: string; referent_phone: string; garden: string }>(
        'SELECT d.*, g.name AS garden FROM depots d JOIN gardens g ON g.id = d.garden_id',
      )
      .map((d) => [d.id, d]),
  );
  const sheets = new Map<string, { first: PlannedBasket; baskets: PlannedBasket[] }>();
  for (const b of due) {
    const key = `${b.date}|${b.depotId}`;
    const sheet = sheets.get(key);
    if (sheet) sheet.baskets.push(b);
    else sheets.set(key, { first: b, baskets: [b] });
  }
  return [...sheets.values()].map(({ first, baskets }) => {
    const depot = depotInfo.get(first.depotId)!;
    const totals = new Map<string, number>();
    for (const b of baskets) totals.set(b.formulaName, (totals.get(b.formulaName) ?? 0) + b.quantity);
    return {
      organisation: { name: org.legalName, phone: org.phone, email: org.email },
      depot: {
        id: depot.id,
        name: depot.name,
        address: [depot.address_line1, [depot.postcode, depot.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        pickupHours: depot.pickup_hours,
        referent: [depot.referent_name, depot.referent_phone].filter(Boolean).join(' – '),
        gardenName: depot.garden,
      },
      date: first.date,
      dateLabel: formatDateFr(first.date),
      roundName: first.round?.name ?? null,
      rows: baskets
        .map((b) => ({ name: b.subscriberName, sortKey: `${b.lastName} ${b.subscriberName}`, formula: b.formulaName, quantity: b.quantity, phone: b.phone, markers: markersFor(b, byChain, chainStart, chainEnd) }))
        .sort((a, b) => compareFr(a.sortKey, b.sortKey))
        .map(({ sortKey: _sortKey, ...row }) => row),
      totals: [...totals.entries()].sort((a, b) => compareFr(a[0], b[0])).map(([formula, quantity]) => ({ formula, quantity })),
      totalBaskets: baskets.reduce((n, b) => n + b.quantity, 0),
    };
  });
}
