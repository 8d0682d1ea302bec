import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import type { Frequency } from '../formulas/formulas';

/** Everything the planner reads, loaded once per call with a few range queries. */

export interface VersionData {
  id: number;
  chain_id: number;
  subscriber_id: number;
  formula_id: number;
  depot_id: number;
  frequency: Frequency;
  quantity: number;
  start_date: string;
  end_date: string | null;
  is_discovery: number;
  first_name: string;
  last_name: string;
  kind: 'person' | 'organisation';
  phone: string;
  email: string;
}

export interface DepotData {
  id: number;
  name: string;
  weekday: number;
  garden_id: number;
  garden_name: string;
}

export interface FormulaData {
  id: number;
  name: string;
  vat_rate_bp: number;
  available_from_month: number | null;
  available_to_month: number | null;
  /** Dated prices, oldest first. */
  prices: { valid_from: string; price_cents: number }[];
}

export interface OverrideData {
  id: number;
  chain_id: number;
  from_date: string;
  to_date: string;
  depot_id: number | null;
  formula_id: number | null;
}

export interface CancellationData {
  id: number;
  chain_id: number;
  from_date: string;
  to_date: string;
  reason: string;
}

export interface ClosureData {
  id: number;
  scope: 'organisation' | 'garden' | 'depot';
  garden_id: number | null;
  depot_id: number | null;
  from_date: string;
  to_date: string;
  label: string;
}

export interface RoundSlot {
  id: number;
  code: string;
  name: string;
  colour: string;
  weekday: number;
  position: number;
}

export interface HolidayDecision {
  action: 'deliver' | 'shift' | 'skip';
  shift_to_date: string | null;
}

export interface PlanData {
  versions: VersionData[];
  depots: Map<number, DepotData>;
  formulas: Map<number, FormulaData>;
  overrides: Map<number, OverrideData[]>;
  cancellations: Map<number, CancellationData[]>;
  closures: ClosureData[];
  /** depot id → the rounds it sits in (one per weekday at most). */
  rounds: Map<number, RoundSlot[]>;
  /** `date|roundId` → decision. */
  decisions: Map<string, HolidayDecision>;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export interface PlanScope {
  subscriberId?: number;
  chainIds?: readonly number[];
  /** Totals only (dashboard, forecast): skip the subscribers' names and contacts (left empty). */
  withoutContact?: boolean;
}

/**
 * The part of the plan data that only the office's settings screens change (depots, formulas
 * and prices, rounds, closures, holiday decisions). A bulk caller whose steps never touch them
 * (the portal import) loads it once with `loadStaticPlanData(db)` and passes it to every plan,
 * instead of six queries per plan.
 */
export type StaticPlanData = Pick<PlanData, 'depots' | 'formulas' | 'closures' | 'rounds' | 'decisions'>;

/** Without a range: every closure and holiday decision (each plan keeps those of its range). */
export function loadStaticPlanData(db: Db, from?: IsoDate, to?: IsoDate): StaticPlanData {
  const range = { ':from': from ?? '0000-01-01', ':to': to ?? '9999-12-31' };
  const depots = new Map(
    db
      .all<DepotData>('SELECT d.id, d.name, d.weekday, d.garden_id, g.name AS garden_name FROM depots d JOIN gardens g ON g.id = d.garden_id')
      .map((d) => [d.id, d]),
  );
  const prices = groupBy(
    db.all<{ formula_id: number; valid_from: string; price_cents: number }>('SELECT * FROM formula_prices ORDER BY valid_from'),
    (p) => p.formula_id,
  );
  const formulas = new Map(
    db
      .all<Omit<FormulaData, 'prices'>>('SELECT id, name, vat_rate_bp, available_from_month, available_to_month FROM formulas')
      .map((f) => [f.id, { ...f, prices: prices.get(f.id) ?? [] }]),
  );
  const closures = db.all<ClosureData>('SELECT * FROM closures WHERE from_date <= :to AND to_date >= :from ORDER BY id', range);
  const rounds = groupBy(
    db.all<RoundSlot & { depot_id: number }>(
      `SELECT r.id, r.code, r.name, r.colour, r.weekday, rd.position, rd.depot_id FROM round_depots rd JOIN rounds r ON r.id = rd.round_id
       WHERE r.archived_at IS NULL`,
    ),
    (r) => r.depot_id,
  );
  const decisions = new Map(
    db
      .all<HolidayDecision & { holiday_date: string; round_id: number }>('SELECT * FROM holiday_decisions WHERE holiday_date BETWEEN :from AND :to', range)
      .map((d) => [`${d.holiday_date}|${d.round_id}`, { action: d.action, shift_to_date: d.shift_to_date }]),
  );
  return { depots, formulas, closures, rounds, decisions };
}

/** The cached settings as `loadStaticPlanData(db, from, to)` would read them: closures and decisions of the range only. */
function fromCache(cached: StaticPlanData, from: IsoDate, to: IsoDate): StaticPlanData {
  const decisions = new Map([...cached.decisions].filter(([key]) => key.slice(0, 10) >= from && key.slice(0, 10) <= to));
  return { ...cached, closures: cached.closures.filter((c) => c.from_date <= to && c.to_date >= from), decisions };
}

/**
 * Loads what plans [from, to]. A holiday shift moves a delivery within its week, so callers
 * pass whole weeks; overrides and cancellations are matched in memory. `cached` (from
 * `loadStaticPlanData(db)`) stands in for the settings' six queries; without it they are read.
 */
export function loadPlanData(db: Db, from: IsoDate, to: IsoDate, scope: PlanScope = {}, cached?: StaticPlanData): PlanData {
  const params: Record<string, string | number> = { ':from': from, ':to': to };
  let filter = '';
  if (scope.subscriberId !== undefined) {
    filter += ' AND v.subscriber_id = :subscriber';
    params[':subscriber'] = scope.subscriberId;
  }
  if (scope.chainIds) filter += ` AND v.chain_id IN (${scope.chainIds.map(Number).join(',') || '0'})`;
  const contact = scope.withoutContact
    ? `'' AS first_name, '' AS last_name, 'person' AS kind, '' AS phone, '' AS email FROM subscriptions v`
    : 's.first_name, s.last_name, s.kind, s.phone, s.email FROM subscriptions v JOIN subscribers s ON s.id = v.subscriber_id';
  const versions = db.all<VersionData>(
    `SELECT v.id, v.chain_id, v.subscriber_id, v.formula_id, v.depot_id, v.frequency, v.quantity, v.start_date, v.end_date,
            v.is_discovery, ${contact}
     WHERE v.start_date <= :to AND (v.end_date IS NULL OR v.end_date >= :from)${filter}`,
    params,
  );
  // Scoped plans (a subscriber, a few chains) filter by chain; a whole week reads the range.
  const scoped = scope.subscriberId !== undefined || scope.chainIds !== undefined;
  const chainFilter = scoped ? `chain_id IN (${[...new Set(versions.map((v) => v.chain_id))].join(',') || '0'}) AND` : '';
  const overrides = groupBy(
    db.all<OverrideData>(`SELECT * FROM subscription_overrides WHERE ${chainFilter} from_date <= :to AND to_date >= :from`, {
      ':from': from,
      ':to': to,
    }),
    (o) => o.chain_id,
  );
  const cancellations = groupBy(
    db.all<CancellationData>(`SELECT id, chain_id, from_date, to_date, reason FROM cancellations WHERE ${chainFilter} from_date <= :to AND to_date >= :from`, {
      ':from': from,
      ':to': to,
    }),
    (c) => c.chain_id,
  );
  const fixed = cached ? fromCache(cached, from, to) : loadStaticPlanData(db, from, to);
  return { versions, overrides, cancellations, ...fixed };
}
