import { NotFoundError, ValidationError } from '../api/errors';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import type { Frequency } from '../formulas/formulas';
import { displayName } from '../subscribers/subscribers';
import type { DiscoveryRenewal, Subscription, SubscriptionVersion, TemporaryChange } from './subscriptions';

interface VersionRow {
  id: number;
  chain_id: number;
  subscriber_id: number;
  start_date: string;
  end_date: string | null;
  formula_id: number;
  formula_name: string;
  depot_id: number;
  depot_name: string;
  frequency: Frequency;
  quantity: number;
  change_reason: string;
  end_reason: string;
  is_discovery: number;
  discovery_months: 3 | 6 | null;
  capacity_override_reason: string;
  created_at: string;
}

const VERSION_SELECT = `SELECT v.*, f.name AS formula_name, d.name AS depot_name FROM subscriptions v
  JOIN formulas f ON f.id = v.formula_id JOIN depots d ON d.id = v.depot_id`;

function versionFromDb(row: VersionRow): SubscriptionVersion {
  return {
    id: row.id,
    startDate: row.start_date,
    endDate: row.end_date,
    formulaId: row.formula_id,
    formulaName: row.formula_name,
    depotId: row.depot_id,
    depotName: row.depot_name,
    frequency: row.frequency,
    quantity: row.quantity,
    changeReason: row.change_reason,
    createdAt: row.created_at,
  };
}

export function versionRows(db: Db, chainId: number): VersionRow[] {
  return db.all<VersionRow>(`${VERSION_SELECT} WHERE v.chain_id = ? ORDER BY v.start_date`, [chainId]);
}

function pickCurrent(versions: SubscriptionVersion[], today: IsoDate): SubscriptionVersion {
  const running = versions.find((v) => v.startDate <= today && (v.endDate === null || v.endDate >= today));
  return running ?? versions.find((v) => v.startDate > today) ?? versions[versions.length - 1]!;
}

const chainNotFound = (chainId: number) => new NotFoundError(`Abonnement introuvable (n° ${chainId}).`);

/** loadSubscription's refusal of an unknown chain, for callers that need nothing else of it (one indexed lookup). */
export function assertChainExists(db: Db, chainId: number): void {
  if (!db.get('SELECT 1 FROM subscriptions WHERE chain_id = ? LIMIT 1', [chainId])) throw chainNotFound(chainId);
}

export function loadSubscription(db: Db, chainId: number, today: IsoDate): Subscription {
  const rows = versionRows(db, chainId);
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) throw chainNotFound(chainId);
  const versions = rows.map(versionFromDb);
  const subscriber = db.get<{ kind: 'person' | 'organisation'; civility: '' | 'Mme' | 'M.'; first_name: string; last_name: string }>(
    'SELECT kind, civility, first_name, last_name FROM subscribers WHERE id = ?',
    [first.subscriber_id],
  );
  const temporaryChanges = db
    .all<{ id: number; from_date: string; to_date: string; depot_id: number | null; depot_name: string | null; formula_id: number | null; formula_name: string | null; reason: string; created_at: string }>(
      `SELECT o.*, d.name AS depot_name, f.name AS formula_name FROM subscription_overrides o
       LEFT JOIN depots d ON d.id = o.depot_id LEFT JOIN formulas f ON f.id = o.formula_id
       WHERE o.chain_id = ? ORDER BY o.from_date`,
      [chainId],
    )
    .map(
      (o): TemporaryChange => ({
        id: o.id,
        fromDate: o.from_date,
        toDate: o.to_date,
        depotId: o.depot_id,
        depotName: o.depot_name,
        formulaId: o.formula_id,
        formulaName: o.formula_name,
        reason: o.reason,
        createdAt: o.created_at,
      }),
    );
  const renewals = db
    .all<{ id: number; previous_end_date: string; new_end_date: string; ccas_reference: string; ccas_agreed_on: string; agreed_by: string; created_at: string }>(
      'SELECT * FROM discovery_renewals WHERE chain_id = ? ORDER BY created_at',
      [chainId],
    )
    .map(
      (r): DiscoveryRenewal => ({
        id: r.id,
        previousEndDate: r.previous_end_date,
        newEndDate: r.new_end_date,
        ccasReference: r.ccas_reference,
        ccasAgreedOn: r.ccas_agreed_on,
        agreedBy: r.agreed_by,
        createdAt: r.created_at,
      }),
    );
  const status = first.start_date > today ? 'upcoming' : last.end_date !== null && last.end_date < today ? 'ended' : 'active';
  return {
    chainId,
    subscriberId: first.subscriber_id,
    subscriberName: subscriber ? displayName({ kind: subscriber.kind, civility: subscriber.civility, firstName: subscriber.first_name, lastName: subscriber.last_name }) : '',
    startDate: first.start_date,
    endDate: last.end_date,
    endReason: last.end_reason,
    isDiscovery: first.is_discovery === 1,
    discoveryMonths: first.discovery_months,
    capacityOverrideReason: first.capacity_override_reason,
    status,
    current: pickCurrent(versions, today),
    versions,
    temporaryChanges,
    renewals,
  };
}

/** Last day already recorded as delivered (or not) for the chain: history before it is fixed. */
export function lastRecordedDay(db: Db, chainId: number): string | null {
  return (
    db.get<{ last: string | null }>(
      'SELECT max(delivery_date) AS last FROM deliveries WHERE subscription_id IN (SELECT id FROM subscriptions WHERE chain_id = ?)',
      [chainId],
    )?.last ?? null
  );
}

/** Last validated delivery day of the whole organisation: days up to it are frozen (week closing). */
export function frozenUntil(db: Db): string | null {
  return db.get<{ last: string | null }>('SELECT max(delivery_date) AS last FROM delivery_days')?.last ?? null;
}

/** Refuses a change dated on or before a validated day (or a recorded delivery of the chain). */
export function assertAfterRecorded(db: Db, chainId: number | null, day: string, field: string): void {
  const chainLast = chainId === null ? null : lastRecordedDay(db, chainId);
  const frozen = frozenUntil(db);
  const last = [chainLast, frozen].filter((d): d is string => d !== null).sort().pop() ?? null;
  if (last !== null && day <= last) {
    throw ValidationError.field(field, `Les livraisons sont déjà enregistrées jusqu’au ${formatDateShortFr(last as IsoDate)} : choisissez une date postérieure.`);
  }
}

/** Formula and depot usable for a subscription: both active, frequency offered. */
export function assertTerms(db: Db, terms: { formulaId: number; depotId: number; frequency: Frequency }): void {
  const formula = db.get<{ name: string; archived_at: string | null; frequencies: string }>('SELECT name, archived_at, frequencies FROM formulas WHERE id = ?', [terms.formulaId]);
  if (!formula) throw ValidationError.field('formulaId', 'Choisissez une formule.');
  if (formula.archived_at) throw ValidationError.field('formulaId', `La formule ${formula.name} est archivée.`);
  if (!formula.frequencies.split(',').includes(terms.frequency)) {
    throw ValidationError.field('frequency', `La formule ${formula.name} n’est pas proposée à cette fréquence.`);
  }
  const depot = db.get<{ name: string; archived_at: string | null }>('SELECT name, archived_at FROM depots WHERE id = ?', [terms.depotId]);
  if (!depot) throw ValidationError.field('depotId', 'Choisissez un dépôt.');
  if (depot.archived_at) throw ValidationError.field('depotId', `Le dépôt ${depot.name} est archivé.`);
}

/**
 * Capacity is a number of basket subscriptions. The peak over [from, to] is reached on the
 * first day or on a day another subscription starts there, so those days are enough to check.
 */
export function assertCapacity(
  db: Db,
  depotId: number,
  from: string,
  to: string | null,
  exceptChainId: number | null,
  overrideReason: string,
): void {
  const depot = db.get<{ name: string; capacity: number | null }>('SELECT name, capacity FROM depots WHERE id = ?', [depotId]);
  if (!depot || depot.capacity === null || overrideReason !== '') return;
  const end = to ?? '9999-12-31';
  const days = [
    from,
    ...db
      .all<{ start_date: string }>('SELECT DISTINCT start_date FROM subscriptions WHERE depot_id = ? AND start_date > ? AND start_date <= ?', [depotId, from, end])
      .map((r) => r.start_date),
  ];
  for (const day of days) {
    const count =
      db.get<{ n: number }>(
        `SELECT count(DISTINCT chain_id) AS n FROM subscriptions WHERE depot_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) AND chain_id IS NOT ?`,
        [depotId, day, day, exceptChainId],
      )?.n ?? 0;
    if (count + 1 > depot.capacity) {
      throw ValidationError.field(
        'capacityOverrideReason',
        `Le dépôt ${depot.name} est complet le ${formatDateShortFr(day as IsoDate)} (${count} abonnements pour ${depot.capacity} places). Pour l’accepter quand même, indiquez la raison.`,
      );
    }
  }
}
