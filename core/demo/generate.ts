import type { SqlJsStatic } from 'sql.js';
import type { Clock } from '../dates/clock';
import { addDays, addMonths, type IsoDate } from '../dates/dates';
import type { Db, PreparedStatement } from '../db/database';
import { withLedgerWriter } from '../ledger/chain';
import { createDatabase } from '../db/open';
import { subscriberSearchText } from '../subscribers/subscriber-rows';
import { demoClosures, demoHolidayDecisions, depotOccurrences, type DemoClosure, type HolidayDecision, type Occurrence } from './calendar';
import { insertCatalogue, MEMBERSHIP_TYPES } from './catalogue';
import { advanceChequesOf, deliveriesOf, ledgerOf, type CancellationRow, type DeliveryRow } from './history';
import { planSubscriber, type PlannedSubscriber, type Window } from './plan';
import { Random } from './random';

export interface DemoOptions {
  /** How many members (subscribers and supporters), including those who left. */
  subscribers: number;
  /** Years of delivery and ledger history before today. */
  years: number;
  /** Same seed, same clock → the same database, row for row. */
  seed: number;
  clock: Clock;
}

export interface DemoSummary {
  from: IsoDate;
  to: IsoDate;
  gardens: number;
  depots: number;
  rounds: number;
  formulas: number;
  subscribers: number;
  subscriptions: number;
  deliveries: number;
  ledgerEntries: number;
}

/** Bumped whenever the generator's output changes, so cached bench databases are rebuilt. */
export const DEMO_GENERATOR_VERSION = 8; // 8: advance cheques since the cut-over

/** The first 1 January after `from`: the demo's one price change sits inside the history. */
function priceChangeDay(from: IsoDate): IsoDate {
  return `${Number(from.slice(0, 4)) + 1}-01-01` as IsoDate;
}

const SUBSCRIBER_INSERT = `INSERT INTO subscribers (id, kind, civility, last_name, first_name, email, phone, phone2, address_line1,
   address_line2, postcode, city, payment_method, iban, bic, mandate_rum, mandate_signed_on, is_employee, is_supporter,
   membership_exempt, membership_type_id, notes, created_at, archived_at, search_text)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const SUBSCRIPTION_INSERT = `INSERT INTO subscriptions (id, chain_id, subscriber_id, formula_id, depot_id, frequency, quantity,
   start_date, end_date, is_discovery, discovery_months, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const RENEWAL_INSERT = `INSERT INTO discovery_renewals (chain_id, previous_end_date, new_end_date, ccas_reference, ccas_agreed_on,
   agreed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`;

const DELIVERY_INSERT = `INSERT INTO deliveries (delivery_date, scheduled_date, subscription_id, subscriber_id, depot_id, formula_id,
   quantity, unit_price_cents, vat_rate_bp, status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const CANCELLATION_INSERT = `INSERT INTO cancellations (chain_id, from_date, to_date, reason, source, created_at) VALUES (?, ?, ?, ?, ?, ?)`;

/** The garden closures and holiday decisions the week planner reads (core/deliveries). */
function insertCalendar(db: Db, closures: readonly DemoClosure[], decisions: readonly HolidayDecision[]): void {
  for (const c of closures) {
    db.run("INSERT INTO closures (scope, garden_id, from_date, to_date, label, created_at) VALUES ('garden', ?, ?, ?, ?, ?)", [
      c.garden === 'pont-scorff' ? 1 : 2, c.from, c.to, c.label, `${addDays(c.from, -60)}T10:00:00.000Z`,
    ]);
  }
  for (const d of decisions) {
    db.run('INSERT INTO holiday_decisions (holiday_date, round_id, action, shift_to_date, decided_at) VALUES (?, ?, ?, ?, ?)', [
      d.holiday, d.roundId, d.action, d.shiftTo, `${addDays(d.holiday, -30)}T10:00:00.000Z`,
    ]);
  }
}

/** Several prepared statements at once, all freed at the end (Db.withStatement nested). */
function withStatements(db: Db, sqls: readonly string[], use: (stmts: PreparedStatement[]) => void, prepared: PreparedStatement[] = []): void {
  if (prepared.length === sqls.length) return use(prepared);
  db.withStatement(sqls[prepared.length]!, (stmt) => withStatements(db, sqls, use, [...prepared, stmt]));
}

function insertSubscriber(stmt: PreparedStatement, s: PlannedSubscriber): void {
  const p = s.person;
  const membershipTypeId = MEMBERSHIP_TYPES.findIndex((type) => type.kind === s.membership) + 1 || null;
  // search_text is what instant search reads: written the way subscriber handlers write it.
  const searchText = subscriberSearchText({ ...p, phone3: '', city: s.city, postcode: s.postcode, mandateRum: s.rum });
  stmt.run([
    s.id, p.kind, p.civility, p.lastName, p.firstName, p.email, p.phone, p.phone2, p.addressLine1, p.addressLine2, s.postcode, s.city,
    s.paymentMethod, s.iban, s.bic, s.rum, s.mandateSignedOn, s.isEmployee ? 1 : 0, s.isSupporter ? 1 : 0,
    s.membershipExempt ? 1 : 0, membershipTypeId, s.notes, `${s.createdOn}T09:00:00.000Z`, s.archivedOn ? `${s.archivedOn}T16:00:00.000Z` : null, searchText,
  ]);
}

function insertSubscriptions(stmt: PreparedStatement, renewalStmt: PreparedStatement, s: PlannedSubscriber): void {
  for (const sub of s.subscriptions) {
    // chain_id = id: each demo subscription is a chain of one version.
    stmt.run([sub.id, sub.id, s.id, sub.formula.id, sub.depot.id, sub.frequency, sub.quantity, sub.start, sub.end, sub.isDiscovery ? 1 : 0, sub.discoveryMonths, `${sub.start}T10:00:00.000Z`]);
    for (const r of sub.renewals) {
      renewalStmt.run([sub.id, r.previousEnd, r.newEnd, r.reference, r.agreedOn, r.agreedBy, `${r.agreedOn}T11:00:00.000Z`]);
    }
  }
}

/**
 * Fills a freshly created database with the association of the letter and `years` of history.
 * Pure: the PRNG is seeded and the clock injected; everything runs in one transaction with
 * prepared statements (a 10,000-member history is a few million bound values).
 */
export function generateDemo(db: Db, options: DemoOptions): DemoSummary {
  if (!Number.isInteger(options.subscribers) || options.subscribers < 1) throw new RangeError('subscribers must be a positive integer');
  if (!(options.years > 0 && options.years <= 10)) throw new RangeError('years must be in (0, 10]');
  if ((db.get<{ n: number }>('SELECT count(*) AS n FROM subscribers')?.n ?? 0) > 0) {
    throw new Error('generateDemo() needs an empty database: this one already has subscribers.');
  }
  const random = new Random(options.seed);
  const chequeRandom = new Random(options.seed + 1_000_003);
  const to = options.clock.today();
  // The office moved to Paniers on the 1st of last month: last month is theirs to invoice.
  const lastMonth = addMonths(`${to.slice(0, 7)}-01` as IsoDate, -1);
  const window: Window = { from: addDays(to, -Math.round(365.25 * options.years)), to, cutover: lastMonth };
  const summary: DemoSummary = { from: window.from, to, gardens: 2, depots: 0, rounds: 0, formulas: 0, subscribers: 0, subscriptions: 0, deliveries: 0, ledgerEntries: 0 };

  db.transaction(() => {
    const catalogue = insertCatalogue(db, random, options.subscribers, priceChangeDay(window.from));
    const closures = demoClosures(window.from, window.to);
    const decisions = demoHolidayDecisions(catalogue.rounds, window.from, window.to);
    insertCalendar(db, closures, decisions);
    // Today's baskets are not delivered yet: the records stop yesterday, today stays to validate.
    const lastDay = addDays(window.to, -1);
    const occurrences = new Map<number, Occurrence[]>(catalogue.depots.map((d) => [d.id, depotOccurrences(d, window.from, lastDay, closures, decisions)]));
    summary.depots = catalogue.depots.length;
    summary.formulas = Object.keys(catalogue.formulas).length;
    summary.rounds = db.get<{ n: number }>('SELECT count(*) AS n FROM rounds')?.n ?? 0;

    const recordsPerDay = new Map<IsoDate, number>();
    const statements = [SUBSCRIBER_INSERT, SUBSCRIPTION_INSERT, RENEWAL_INSERT, CANCELLATION_INSERT, DELIVERY_INSERT];
    withStatements(db, statements, ([subscribers, subscriptions, renewals, cancellations, deliveries]) => withLedgerWriter(db, options.clock.now().toISOString(), (ledger) => {
      const sink = {
        delivery: (row: DeliveryRow) => {
          deliveries!.run(row);
          summary.deliveries++;
          recordsPerDay.set(row[0], (recordsPerDay.get(row[0]) ?? 0) + 1);
        },
        cancellation: (row: CancellationRow) => cancellations!.run(row),
      };
      let nextSubscriptionId = 1;
      for (let id = 1; id <= options.subscribers; id++) {
        const subscriber = planSubscriber(random, id, nextSubscriptionId, catalogue, window);
        nextSubscriptionId += subscriber.subscriptions.length;
        insertSubscriber(subscribers!, subscriber);
        insertSubscriptions(subscriptions!, renewals!, subscriber);
        const billed = deliveriesOf(subscriber, occurrences, window, catalogue.priceChange, random, sink);
        for (const entry of ledgerOf(subscriber, billed, window, random)) {
          ledger.append({ subscriberId: id, date: entry.date, kind: entry.kind, amountCents: entry.amount, method: entry.method, reference: entry.reference, label: entry.label });
          summary.ledgerEntries++;
        }
        // Their own generator: the rest of the history stays the same for a given seed.
        for (const c of advanceChequesOf(subscriber, window, chequeRandom)) {
          const chequeId = db.run(
            "INSERT INTO cheques (subscriber_id, number, bank, drawer, amount_cents, received_on, planned_deposit_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?)",
            [id, c.number, c.bank, c.drawer, c.amount, c.receivedOn, c.plannedOn, `${c.receivedOn}T10:00:00.000Z`],
          ).lastInsertRowid;
          ledger.append({ subscriberId: id, date: c.receivedOn, kind: 'payment', amountCents: c.amount, method: 'cheque', reference: c.number, label: `Chèque ${c.bank} n° ${c.number}`, sourceType: 'cheque', sourceId: chequeId });
          summary.ledgerEntries++;
        }
        summary.subscribers++;
        summary.subscriptions += subscriber.subscriptions.length;
      }
    }));
    db.run('UPDATE cutover SET cutover_date = ?, updated_at = ? WHERE id = 1', [lastMonth, options.clock.now().toISOString()]);
    // Every past day was validated by the office that evening (the week closing of core/deliveries).
    db.withStatement('INSERT INTO delivery_days (delivery_date, closed_at, baskets) VALUES (?, ?, ?)', (stmt) => {
      for (const [day, baskets] of [...recordsPerDay].sort(([a], [b]) => (a < b ? -1 : 1))) stmt.run([day, `${day}T18:30:00.000Z`, baskets]);
    });
  });
  return summary;
}

/** A new in-memory database with every migration, filled with the demo (web harness, command, bench). */
export function createDemoDatabase(sqlite: SqlJsStatic, options: DemoOptions): Db {
  const db = createDatabase(sqlite, options.clock);
  try {
    generateDemo(db, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
