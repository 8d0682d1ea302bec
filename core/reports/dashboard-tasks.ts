import type { Db } from '../db/database';
import { addDays, formatDateFr, isoWeekday, monthOf, type IsoDate } from '../dates/dates';
import { mondayOf, type PlannedBasket } from '../deliveries/plan';
import { billableRange } from '../invoicing/blockers';
import type { Cents } from '../money/money';
import type { PaymentAlert } from '../payments/payment-alerts';
import type { Subscription } from '../subscriptions/subscriptions';

/** The screens a task leads to (the renderer's screen ids). */
export type DashboardScreen = 'week' | 'invoicing' | 'sepa' | 'payments' | 'subscriptions' | 'depots' | 'settings';

/** One thing to do, in French, with the screen (and the day, month, subscriber or depot) where it is done. */
export interface DashboardTask {
  kind:
    | 'week_not_closed'
    | 'month_not_invoiced'
    | PaymentAlert['kind']
    | 'discovery_ending'
    | 'depot_capacity'
    | 'setup_organisation'
    | 'setup_depots'
    | 'setup_formulas'
    | 'setup_import';
  label: string;
  count: number;
  screen: DashboardScreen;
  target?: { day?: string; month?: string; subscriberId?: number; depotId?: number; settingsTab?: 'organisation' | 'formulas' | 'import' };
  /** Money tasks only: the amount at stake. */
  amountCents?: Cents;
}

/** How far back the dashboard looks for days not validated: as `delivery-open-days` and the week screen. */
export const OPEN_WEEKS = 8;
/** A depot is « near capacity » from 90 % of its places on its next delivery day. */
export const NEAR_CAPACITY = 0.9;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const dayLabel = (day: string) => formatDateFr(day as IsoDate, 'EEEE d MMMM');

/**
 * The first day the planner must cover to find the days not validated: the Monday of the oldest
 * week with a past day that is not closed and on which a depot with subscriptions (or a holiday
 * shift) delivers. Usually this week, so the dashboard plans about two weeks, not eight.
 */
export function openDaysPlanStart(db: Db, today: IsoDate, closed: ReadonlySet<string>): IsoDate {
  const from = addDays(mondayOf(today), -7 * (OPEN_WEEKS - 1));
  const weekdays = new Set(
    db
      .all<{ weekday: number }>(
        `SELECT DISTINCT d.weekday FROM depots d
         WHERE EXISTS (SELECT 1 FROM subscriptions v WHERE v.depot_id = d.id AND v.start_date <= :to AND (v.end_date IS NULL OR v.end_date >= :from))`,
        { ':from': from, ':to': today },
      )
      .map((r) => r.weekday),
  );
  const shifted = new Set(
    db.all<{ d: string }>("SELECT shift_to_date AS d FROM holiday_decisions WHERE action = 'shift' AND shift_to_date BETWEEN ? AND ?", [from, today]).map((r) => r.d),
  );
  for (let day = from; day <= today; day = addDays(day, 1)) {
    if (!closed.has(day) && (weekdays.has(isoWeekday(day)) || shifted.has(day))) return mondayOf(day);
  }
  return mondayOf(today);
}

/** Past days with planned baskets that are not validated, one task per week, oldest first (as `delivery-open-days` counts them). */
export function openWeekTasks(baskets: readonly PlannedBasket[], today: IsoDate, closed: ReadonlySet<string>): DashboardTask[] {
  const from = addDays(mondayOf(today), -7 * (OPEN_WEEKS - 1));
  const weeks = new Map<string, { days: Map<string, number>; baskets: number }>();
  for (const b of baskets) {
    if (b.date < from || b.date > today || closed.has(b.date)) continue;
    const monday = mondayOf(b.date);
    const week = weeks.get(monday) ?? { days: new Map<string, number>(), baskets: 0 };
    week.days.set(b.date, (week.days.get(b.date) ?? 0) + b.quantity);
    week.baskets += b.quantity;
    weeks.set(monday, week);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([monday, week]) => {
      const first = [...week.days.keys()].sort()[0]!;
      return {
        kind: 'week_not_closed' as const,
        label: `Semaine du ${formatDateFr(monday as IsoDate, 'd MMMM')} : ${plural(week.days.size, 'jour de livraison', 'jours de livraison')} à valider (${plural(week.baskets, 'panier', 'paniers')}), à partir du ${dayLabel(first)}`,
        count: week.baskets,
        screen: 'week' as const,
        target: { day: first },
      };
    });
}

/** The month before this one, when it is billed in Paniers (after the cut-over), had subscriptions and its run is not issued. */
export function monthTask(db: Db, today: IsoDate): DashboardTask | null {
  const month = monthOf(addDays(`${monthOf(today)}-01` as IsoDate, -1));
  const run = db.get<{ status: string }>('SELECT status FROM invoice_runs WHERE month = ?', [month]);
  if (run?.status === 'issued') return null;
  const { from, to } = billableRange(db, month);
  if (from > to) return null;
  const billed =
    db.get('SELECT 1 FROM subscriptions WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?) LIMIT 1', [to, from]) ??
    db.get('SELECT 1 FROM subscribers WHERE is_supporter = 1 AND archived_at IS NULL LIMIT 1');
  if (!billed) return null;
  const name = formatDateFr(from, 'MMMM yyyy');
  return {
    kind: 'month_not_invoiced',
    label: run ? `La facturation de ${name} est préparée : vérifiez-la, puis émettez les factures` : `${name.charAt(0).toUpperCase()}${name.slice(1)} n’est pas encore facturé : préparez la facturation`,
    count: 1,
    screen: 'invoicing',
    target: { month },
  };
}

export function paymentTasks(alerts: readonly PaymentAlert[]): DashboardTask[] {
  return alerts.map((a) => ({ kind: a.kind, label: a.message, count: a.count, screen: a.screen, amountCents: a.amountCents }));
}

/**
 * Découverte offers ending within 4 weeks: the CCAS must agree to a renewal (DOMAIN « Panier Découverte »).
 * `one` is the offer itself when it is the only one (the task then names the subscriber).
 */
export function discoveryTask(count: number, one: Subscription | null): DashboardTask | null {
  if (count === 0) return null;
  return {
    kind: 'discovery_ending',
    label: one
      ? `L’offre Découverte de ${one.subscriberName} se termine le ${dayLabel(one.endDate ?? '')} : renouvellement CCAS à demander`
      : `${count} offres Découverte se terminent d’ici 4 semaines : renouvellement CCAS à demander`,
    count,
    screen: 'subscriptions',
    ...(one ? { target: { subscriberId: one.subscriberId, ...(one.endDate ? { day: one.endDate } : {}) } } : {}),
  };
}

/** Depots whose next delivery day (today or later, not yet validated) fills 90 % of their places or more. */
export function capacityTasks(db: Db, baskets: readonly PlannedBasket[], today: IsoDate, closed: ReadonlySet<string>): DashboardTask[] {
  const depots = db.all<{ id: number; name: string; capacity: number }>('SELECT id, name, capacity FROM depots WHERE archived_at IS NULL AND capacity > 0 ORDER BY name');
  if (depots.length === 0) return [];
  const next = new Map<number, { day: string; count: number }>();
  for (const b of baskets) {
    if (b.status !== 'expected' || b.date < today || closed.has(b.date)) continue;
    const seen = next.get(b.depotId);
    if (!seen || b.date < seen.day) next.set(b.depotId, { day: b.date, count: b.quantity });
    else if (b.date === seen.day) seen.count += b.quantity;
  }
  const tasks: DashboardTask[] = [];
  for (const depot of depots) {
    const day = next.get(depot.id);
    if (!day || day.count < NEAR_CAPACITY * depot.capacity) continue;
    const state = day.count > depot.capacity ? 'dépasse sa capacité' : day.count === depot.capacity ? 'est complet' : 'est presque complet';
    tasks.push({
      kind: 'depot_capacity',
      label: `Le dépôt ${depot.name} ${state} : ${plural(day.count, 'panier', 'paniers')} pour ${plural(depot.capacity, 'place', 'places')} le ${dayLabel(day.day)}`,
      count: day.count,
      screen: 'depots',
      target: { day: day.day, depotId: depot.id },
    });
  }
  return tasks;
}

/** An empty database: only the first steps, in the order that works. */
export function firstRunTasks(db: Db): DashboardTask[] {
  const org = db.get<{ legal_name: string; siret: string; address_line1: string }>('SELECT legal_name, siret, address_line1 FROM organisation WHERE id = 1');
  const tasks: DashboardTask[] = [];
  if (!org || org.legal_name.trim() === '' || org.siret.trim() === '' || org.address_line1.trim() === '') {
    tasks.push({ kind: 'setup_organisation', label: 'Renseignez l’association : nom, adresse et SIRET figurent sur chaque facture', count: 1, screen: 'settings', target: { settingsTab: 'organisation' } });
  }
  if (!db.get('SELECT 1 FROM depots LIMIT 1')) {
    tasks.push({ kind: 'setup_depots', label: 'Créez les jardins, les dépôts et les tournées où les paniers sont livrés', count: 1, screen: 'depots' });
  }
  if (!db.get('SELECT 1 FROM formulas LIMIT 1')) {
    tasks.push({ kind: 'setup_formulas', label: 'Créez les formules de paniers et leurs prix', count: 1, screen: 'settings', target: { settingsTab: 'formulas' } });
  }
  tasks.push({ kind: 'setup_import', label: 'Vous teniez un tableur ? Importez l’ancien fichier des adhérents, de leurs soldes et de leurs chèques', count: 1, screen: 'settings', target: { settingsTab: 'import' } });
  return tasks;
}
