import { formatDateFr, type IsoDate } from '../../../core/dates/dates';
import { FREQUENCY_LABELS } from '../../../core/formulas/formulas';
import type { Subscription, SubscriptionVersion } from '../../../core/subscriptions/subscriptions';

export type HistoryKind = 'start' | 'change' | 'temporary' | 'renewal' | 'end';

export interface HistoryEvent {
  kind: HistoryKind;
  /** The day the event takes effect (sorts the timeline). */
  date: string;
  title: string;
  detail: string;
  /** For a temporary change: its id, so it can be withdrawn. */
  temporaryChangeId?: number;
}

function day(date: string): string {
  return formatDateFr(date as IsoDate, 'd MMMM yyyy');
}

export function baskets(quantity: number): string {
  return quantity > 1 ? `${quantity} paniers` : '1 panier';
}

/** « Petit panier, Ploemeur, chaque semaine, 1 panier ». */
export function termsText(v: Pick<SubscriptionVersion, 'formulaName' | 'depotName' | 'frequency' | 'quantity'>): string {
  return `${v.formulaName}, ${v.depotName}, ${FREQUENCY_LABELS[v.frequency].toLowerCase()}, ${baskets(v.quantity)}`;
}

/** What changed between two versions, in the office's words: « Dépôt : Ploemeur → Guidel ». */
function differences(before: SubscriptionVersion, after: SubscriptionVersion): string {
  const parts: string[] = [];
  if (before.formulaId !== after.formulaId) parts.push(`Formule : ${before.formulaName} → ${after.formulaName}`);
  if (before.depotId !== after.depotId) parts.push(`Dépôt : ${before.depotName} → ${after.depotName}`);
  if (before.frequency !== after.frequency) parts.push(`Fréquence : ${FREQUENCY_LABELS[before.frequency].toLowerCase()} → ${FREQUENCY_LABELS[after.frequency].toLowerCase()}`);
  if (before.quantity !== after.quantity) parts.push(`Quantité : ${baskets(before.quantity)} → ${baskets(after.quantity)}`);
  return parts.join(' · ');
}

function withReason(text: string, reason: string): string {
  return reason ? `${text} — motif : ${reason}` : text;
}

/**
 * The subscription's story, oldest first: start, permanent changes, temporary changes,
 * Découverte renewals, end. Built from the backend's versions; nothing is inferred.
 */
export function subscriptionHistory(sub: Subscription, today: string): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const [first, ...rest] = sub.versions;
  if (first) {
    const discovery = sub.isDiscovery ? ` · offre Découverte${sub.discoveryMonths ? ` de ${sub.discoveryMonths} mois` : ''}` : '';
    const forced = sub.capacityOverrideReason ? ` · dépôt complet, accepté : ${sub.capacityOverrideReason}` : '';
    events.push({ kind: 'start', date: first.startDate, title: `Début le ${day(first.startDate)}`, detail: `${termsText(first)}${discovery}${forced}` });
  }
  let previous = first;
  for (const version of rest) {
    if (previous) {
      events.push({
        kind: 'change',
        date: version.startDate,
        title: `Changement définitif à partir du ${day(version.startDate)}`,
        detail: withReason(differences(previous, version), version.changeReason),
      });
    }
    previous = version;
  }
  for (const t of sub.temporaryChanges) {
    const what = [t.depotName && `dépôt ${t.depotName}`, t.formulaName && `formule ${t.formulaName}`].filter(Boolean).join(' et ');
    events.push({
      kind: 'temporary',
      date: t.fromDate,
      title: `Changement temporaire du ${day(t.fromDate)} au ${day(t.toDate)}`,
      detail: withReason(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)} pendant la période`, t.reason),
      temporaryChangeId: t.id,
    });
  }
  for (const r of sub.renewals) {
    events.push({
      kind: 'renewal',
      date: r.previousEndDate,
      title: `Offre Découverte renouvelée jusqu’au ${day(r.newEndDate)}`,
      detail: `Accord du CCAS n° ${r.ccasReference} du ${day(r.ccasAgreedOn)}, donné par ${r.agreedBy} (fin précédente : ${day(r.previousEndDate)})`,
    });
  }
  if (sub.endDate) {
    const past = sub.endDate < today;
    events.push({
      kind: 'end',
      date: sub.endDate,
      title: past ? `Terminé le ${day(sub.endDate)}` : `Fin prévue le ${day(sub.endDate)}`,
      detail: sub.endReason ? `Motif : ${sub.endReason}` : sub.isDiscovery && sub.renewals.length === 0 ? 'Fin de l’offre Découverte' : '',
    });
  }
  const order: Record<HistoryKind, number> = { start: 0, change: 1, temporary: 2, renewal: 3, end: 4 };
  return events.sort((a, b) => (a.date === b.date ? order[a.kind] - order[b.kind] : a.date < b.date ? -1 : 1));
}
