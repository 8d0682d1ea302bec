import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Backend, createDatabase, createRegistry, fixedClock, loadSqlite, type Db } from '../../../core';
import { planDeliveries } from '../../../core/deliveries/plan';
import { frenchIban, generateDemo, ribKey } from '../../../core/demo';
import { bicProblem, creditorIdProblem, ibanProblem } from '../../../core/validation/bank';
import { siretProblem } from '../../../core/validation/siret';
import { TEST_NOW } from '../../support/core';
import { createDemoTestDb } from '../../support/demo';

const PONT_SCORFF_DEPOTS = ['Guidel', 'Hennebont', 'Keryado (Lorient)', 'Lanester', 'Ploemeur', 'Pont-Scorff', 'Quéven'];

function statusCounts(db: Db, garden: string, from: string, to: string): Record<string, number> {
  const rows = db.all<{ status: string; n: number }>(
    `SELECT d.status, count(*) AS n FROM deliveries d JOIN depots p ON p.id = d.depot_id JOIN gardens g ON g.id = p.garden_id
     WHERE g.name = ? AND d.delivery_date BETWEEN ? AND ? GROUP BY d.status`,
    [garden, from, to],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('demo database', () => {
  it('is the same database for the same seed, and another one for another seed', async () => {
    const a = await createDemoTestDb({ seed: 42 });
    const b = await createDemoTestDb({ seed: 42 });
    const c = await createDemoTestDb({ seed: 43 });
    const first = (db: Db) => db.get('SELECT last_name, first_name, email, iban FROM subscribers ORDER BY id LIMIT 1');
    for (const table of ['subscribers', 'subscriptions', 'deliveries', 'ledger_entries']) {
      expect(a.count(table)).toBe(b.count(table));
    }
    expect(first(a.db)).toEqual(first(b.db));
    const digest = (db: Db) => createHash('sha256').update(db.export()).digest('hex');
    expect(digest(a.db)).toBe(digest(b.db));
    expect(first(c.db)).not.toEqual(first(a.db));
  });

  it('sets up the association of the letter with valid identifiers', async () => {
    const { db } = await createDemoTestDb();
    const org = db.get<{ legal_name: string; siret: string; iban: string; bic: string; sepa_creditor_id: string; vat_status: string }>('SELECT * FROM organisation')!;
    expect(org.legal_name).toBe('Optim’ism');
    expect(siretProblem(org.siret)).toBeNull();
    expect(ibanProblem(org.iban)).toBeNull();
    expect(bicProblem(org.bic)).toBeNull();
    expect(creditorIdProblem(org.sepa_creditor_id)).toBeNull();
    expect(org.vat_status).toBe('not_liable');
    const depots = db.all<{ name: string }>("SELECT p.name FROM depots p JOIN gardens g ON g.id = p.garden_id WHERE g.name = 'Pont-Scorff' ORDER BY p.name");
    expect(depots.map((d) => d.name)).toEqual(PONT_SCORFF_DEPOTS);
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM depots p JOIN gardens g ON g.id = p.garden_id WHERE g.name = 'Riantec'")!.n).toBeGreaterThanOrEqual(4);
    // Every depot belongs to exactly one round, of its own weekday.
    expect(db.all('SELECT p.id FROM depots p LEFT JOIN round_depots rd ON rd.depot_id = p.id LEFT JOIN rounds r ON r.id = rd.round_id WHERE r.weekday IS NOT p.weekday')).toEqual([]);
    // One price change in the history for each formula.
    expect(db.all('SELECT formula_id FROM formula_prices GROUP BY formula_id HAVING count(*) <> 2')).toEqual([]);
  });

  it('gives every subscriber a valid IBAN, and every SEPA payer a mandate', async () => {
    const { db } = await createDemoTestDb({ subscribers: 300 });
    const rows = db.all<{ iban: string; bic: string; payment_method: string; mandate_rum: string; mandate_signed_on: string | null }>('SELECT * FROM subscribers');
    const withIban = rows.filter((r) => r.iban !== '');
    expect(withIban.length).toBeGreaterThan(150);
    expect(withIban.map((r) => [r.iban, ibanProblem(r.iban)]).filter(([, problem]) => problem !== null)).toEqual([]);
    const sepa = rows.filter((r) => r.payment_method === 'sepa');
    const cheque = rows.filter((r) => r.payment_method === 'cheque');
    expect(sepa.length / rows.length).toBeGreaterThan(0.6);
    expect(cheque.length / rows.length).toBeGreaterThan(0.2);
    for (const r of sepa) {
      expect(r.iban).not.toBe('');
      expect(bicProblem(r.bic)).toBeNull();
      expect(r.mandate_rum).toMatch(/^OPTIM-\d{6}$/);
      expect(r.mandate_signed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('builds French IBANs with a correct RIB key and check digits', () => {
    // The RIB key of the well-known example 30006 00001 12345678901: 89.
    expect(ribKey('30006', '00001', '12345678901')).toBe('89');
    expect(frenchIban('30006', '00001', '12345678901')).toBe('FR7630006000011234567890189');
  });

  it('closes the Pont-Scorff depots on 11–24 April while the Riantec depots deliver', async () => {
    const { db } = await createDemoTestDb();
    const pontScorff = statusCounts(db, 'Pont-Scorff', '2026-04-11', '2026-04-24');
    expect(pontScorff.closure).toBeGreaterThan(0);
    expect(pontScorff.delivered).toBeUndefined();
    const riantec = statusCounts(db, 'Riantec', '2026-04-11', '2026-04-24');
    expect(riantec.delivered).toBeGreaterThan(0);
    expect(riantec.closure).toBeUndefined();
    // The week before, Pont-Scorff delivers as usual.
    expect(statusCounts(db, 'Pont-Scorff', '2026-04-01', '2026-04-10').delivered).toBeGreaterThan(0);
  });

  it('records the closures and holiday decisions the week planner reads', async () => {
    const { db } = await createDemoTestDb();
    expect(db.all("SELECT g.name, c.from_date, c.to_date FROM closures c JOIN gardens g ON g.id = c.garden_id WHERE c.from_date LIKE '2026-%' ORDER BY 1")).toEqual([
      { name: 'Pont-Scorff', from_date: '2026-04-11', to_date: '2026-04-24' },
      { name: 'Riantec', from_date: '2026-08-10', to_date: '2026-08-23' },
    ]);
    // Ascension (Thursday 14 May 2026) moves the Thursday round to Friday.
    expect(db.all("SELECT r.code, h.action, h.shift_to_date FROM holiday_decisions h JOIN rounds r ON r.id = h.round_id WHERE h.holiday_date = '2026-05-14'")).toEqual([
      { code: 'PS-JEU', action: 'shift', shift_to_date: '2026-05-15' },
    ]);
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM deliveries d JOIN depots p ON p.id = d.depot_id WHERE p.name = 'Lanester' AND d.delivery_date = '2026-05-15'")!.n).toBeGreaterThan(0);
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE delivery_date = '2026-05-14'")!.n).toBe(0);
  });

  it.each([
    ['an ordinary week', '2026-03-02', '2026-03-08'],
    ['the Pont-Scorff closure', '2026-04-13', '2026-04-19'],
    ['Ascension week', '2026-05-11', '2026-05-17'],
    ['Christmas week (skipped)', '2025-12-22', '2025-12-28'],
    ['the Riantec closure and 15 August', '2026-08-10', '2026-08-16'],
    ['summer holidays', '2026-07-20', '2026-07-26'],
  ])('holds, for %s, exactly what the week planner computes', async (_case, from, to) => {
    const { db } = await createDemoTestDb();
    const planned = planDeliveries(db, { from: from as never, to: to as never }).map(
      (b) => `${b.chainId} ${b.scheduledDate} → ${b.date} ${b.status} ${b.unitPriceCents} ${b.vatRateBp} « ${b.reason} »`,
    );
    const recorded = db
      .all<{ subscription_id: number; scheduled_date: string; delivery_date: string; status: string; unit_price_cents: number; vat_rate_bp: number; note: string }>(
        'SELECT * FROM deliveries WHERE delivery_date BETWEEN ? AND ?',
        [from, to],
      )
      .map((d) => `${d.subscription_id} ${d.scheduled_date} → ${d.delivery_date} ${d.status === 'delivered' ? 'expected' : d.status} ${d.unit_price_cents} ${d.vat_rate_bp} « ${d.note} »`);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.sort()).toEqual(planned.sort());
  });

  it('keeps the rules of the catalogue in the history', async () => {
    const { db } = await createDemoTestDb();
    // Fruit baskets only May–October (by the usual day: 1 May 2026, a Friday, is delivered on 30 April).
    expect(
      db.all(
        `SELECT d.id FROM deliveries d JOIN formulas f ON f.id = d.formula_id WHERE f.code = 'FRUITS'
           AND CAST(substr(d.delivery_date, 6, 2) AS INTEGER) NOT BETWEEN 5 AND 10
           AND d.delivery_date NOT IN (SELECT shift_to_date FROM holiday_decisions WHERE shift_to_date IS NOT NULL)`,
      ),
    ).toEqual([]);
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM deliveries d JOIN formulas f ON f.id = d.formula_id WHERE f.code = 'FRUITS'")!.n).toBeGreaterThan(0);
    // Découverte offers are 3 or 6 months, except for employees.
    const open = db.all("SELECT s.id FROM subscriptions s JOIN subscribers m ON m.id = s.subscriber_id WHERE s.is_discovery = 1 AND s.end_date IS NULL AND m.is_employee = 0");
    expect(open).toEqual([]);
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM subscriptions WHERE is_discovery = 1')!.n).toBeGreaterThan(0);
    expect(db.all('SELECT id FROM subscriptions WHERE is_discovery = 1 AND discovery_months NOT IN (3, 6)')).toEqual([]);
  });

  it('renews some Découverte offers with the CCAS’s agreement', async () => {
    // Renewals are rare (a share of a share): a larger membership makes sure some exist.
    const { db } = await createDemoTestDb({ subscribers: 1000 });
    // A renewal extends the offer to the recorded new end, with the CCAS's agreement before it.
    const renewals = db.all<{ end_date: string; new_end_date: string; ccas_agreed_on: string; previous_end_date: string }>(
      'SELECT s.end_date, r.new_end_date, r.ccas_agreed_on, r.previous_end_date FROM discovery_renewals r JOIN subscriptions s ON s.id = r.chain_id',
    );
    expect(renewals.length).toBeGreaterThan(0);
    for (const r of renewals) {
      expect(r.end_date).toBe(r.new_end_date);
      expect(r.ccas_agreed_on <= r.previous_end_date).toBe(true);
    }
  });

  it('uses every frequency, gives supporters no basket, and signs the ledger right', async () => {
    const { db } = await createDemoTestDb();
    // Supporters get no baskets; all four frequencies are used.
    expect(db.all('SELECT s.id FROM subscriptions s JOIN subscribers m ON m.id = s.subscriber_id WHERE m.is_supporter = 1')).toEqual([]);
    expect(db.all<{ frequency: string }>('SELECT DISTINCT frequency FROM subscriptions ORDER BY 1').map((r) => r.frequency)).toEqual(['biweekly_even', 'biweekly_odd', 'monthly', 'weekly']);
    // Invoices are owed (negative), payments are in the subscriber's favour (positive).
    const ledgerKinds = db.all<{ kind: string }>('SELECT DISTINCT kind FROM ledger_entries ORDER BY 1').map((r) => r.kind);
    expect(ledgerKinds).toEqual(expect.arrayContaining(['invoice', 'payment']));
    expect(db.all('SELECT id FROM ledger_entries WHERE kind = \'invoice\' AND amount_cents >= 0')).toEqual([]);
    expect(db.all('SELECT id FROM ledger_entries WHERE kind = \'payment\' AND amount_cents <= 0')).toEqual([]);
  });

  it('bills each month exactly the baskets delivered in it', async () => {
    const { db } = await createDemoTestDb();
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE reference LIKE 'F%'")!.n).toBeGreaterThan(500);
    const mismatches = db.all(
      `SELECT i.subscriber_id, i.entry_date FROM ledger_entries i
       WHERE i.kind = 'invoice' AND i.reference LIKE 'F%'
         AND -i.amount_cents <> (SELECT coalesce(sum(d.quantity * d.unit_price_cents), 0) FROM deliveries d
                                 WHERE d.subscriber_id = i.subscriber_id AND d.status = 'delivered'
                                   AND substr(d.delivery_date, 1, 7) = strftime('%Y-%m', i.entry_date, '-1 month'))`,
    );
    expect(mismatches).toEqual([]);
  });

  it('fills the search text, so instant search finds demo members', async () => {
    const { db } = await createDemoTestDb();
    expect(db.all("SELECT id FROM subscribers WHERE search_text = ''")).toEqual([]);
    const accented = db.get<{ last_name: string; search_text: string }>("SELECT last_name, search_text FROM subscribers WHERE last_name LIKE '%é%' LIMIT 1")!;
    expect(accented.search_text).toContain(accented.last_name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  });

  it('is read by the app’s own handlers without error', async () => {
    const { db, sqlite, clock } = await createDemoTestDb();
    const backend = new Backend({ db, sqlite, clock, registry: createRegistry(), randomId: () => 'x' });
    const list = (await backend.call('subscriber-list', { query: 'queven' })) as { total: number; rows: { city: string }[] };
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((row) => row.city === 'Quéven')).toBe(true);
    for (const id of [1, 2, 3, 50, 100]) {
      await backend.call('subscriber-get', { id });
      await backend.call('subscription-list-for-subscriber', { subscriberId: id });
    }
    expect(((await backend.call('depot-list', {})) as unknown[]).length).toBe(13);
    expect(((await backend.call('formula-list', {})) as unknown[]).length).toBe(5);
    await backend.call('discovery-ending-list', { weeks: 8 });
  });

  it('has validated every past delivery day and leaves today open', async () => {
    const { db } = await createDemoTestDb();
    const days = db.all<{ delivery_date: string; baskets: number }>('SELECT delivery_date, baskets FROM delivery_days ORDER BY 1');
    const recorded = db.all<{ delivery_date: string; baskets: number }>('SELECT delivery_date, count(*) AS baskets FROM deliveries GROUP BY 1 ORDER BY 1');
    expect(days).toEqual(recorded);
    expect(days.at(-1)!.delivery_date < TEST_NOW.slice(0, 10)).toBe(true);
  });

  it('leaves a database that passes every open check', async () => {
    const { db } = await createDemoTestDb();
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('refuses a database that already has subscribers', async () => {
    const sqlite = await loadSqlite();
    const clock = fixedClock(TEST_NOW);
    const db = createDatabase(sqlite, clock);
    generateDemo(db, { subscribers: 5, years: 1, seed: 1, clock });
    expect(() => generateDemo(db, { subscribers: 5, years: 1, seed: 1, clock })).toThrow(/empty database/);
  });
});

describe('the demo and invoicing in Paniers', () => {
  it('leaves last month to the office: billed once, in a real run, after the cut-over', async () => {
    const { db, sqlite, clock } = await createDemoTestDb({ subscribers: 150 });
    const backend = new Backend({ db, sqlite, clock, registry: createRegistry(), randomId: () => 'x' });
    expect(db.get<{ d: string }>('SELECT cutover_date AS d FROM cutover')!.d).toBe('2026-11-01');
    // The old software's history stops with October; November is not in the ledger yet.
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'invoice' AND label LIKE '%novembre 2026%'")!.n).toBe(0);
    expect(await backend.call('invoice-run-blockers', { month: '2026-10' })).toEqual([
      expect.objectContaining({ kind: 'cutover', message: 'Ce mois précède la reprise des comptes dans Paniers (le dimanche 1 novembre 2026) : l’ancien logiciel l’a facturé.' }),
    ]);
    const run = (await backend.call('invoice-run-prepare', { month: '2026-11' })) as { totals: { count: number; grossCents: number } };
    const delivered = db.get<{ total: number }>(
      "SELECT sum(quantity * unit_price_cents) AS total FROM deliveries WHERE status = 'delivered' AND delivery_date BETWEEN '2026-11-01' AND '2026-11-30'",
    )!.total;
    const fees = db.get<{ total: number | null }>("SELECT sum(l.gross_cents) AS total FROM invoice_lines l WHERE l.kind = 'membership'")!.total ?? 0;
    expect(run.totals.grossCents - fees).toBe(delivered);
  });
});

describe('the demo’s cheques since the cut-over', () => {
  it('has advance cheques credited through the chain, some to take to the bank today', async () => {
    const { db, sqlite, clock } = await createDemoTestDb({ subscribers: 200 });
    const backend = new Backend({ db, sqlite, clock, registry: createRegistry(), randomId: () => 'x' });
    const cheques = db.all<{ subscriber_id: number; amount_cents: number; received_on: string; planned_deposit_on: string; payment_method: string }>(
      'SELECT c.subscriber_id, c.amount_cents, c.received_on, c.planned_deposit_on, s.payment_method FROM cheques c JOIN subscribers s ON s.id = c.subscriber_id',
    );
    expect(cheques.length).toBeGreaterThan(5);
    expect(cheques.every((c) => c.payment_method === 'cheque' && c.amount_cents > 0 && c.received_on >= '2026-11-01' && c.planned_deposit_on >= c.received_on)).toBe(true);
    const due = (await backend.call('cheque-list', { dueBy: '2026-12-04' })) as { totals: { count: number } };
    expect(due.totals.count).toBeGreaterThan(0);
    expect(await backend.call('ledger-chain-check', {})).toMatchObject({ ok: true });
  });
});
