import { ConflictError, ValidationError } from '../api/errors';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { applyBalance, invoiceTotals, lineAmounts, type BalanceApplication, type InvoiceTotals, type LineAmounts } from './calculator';
import { billableRange, billedStatusSql, findBlockers, monthRange, subscribersToBill } from './blockers';
import { loadMembershipContext, membershipDue } from './membership-due';
import { loadSubscriberRows, organisationBlock, snapshotFromRow } from './snapshot';

/** Positions after every billed line: the balance lines always come last on an invoice. */
const FORWARD_POSITION = 100000;
const CREDIT_POSITION = 100001;

export const INSERT_LINE = `INSERT INTO invoice_lines (invoice_id, position, kind, delivery_id, line_date, label, quantity, unit_price_cents, vat_rate_bp,
  net_cents, vat_cents, gross_cents, formula_id, depot_id, membership_type_id, covers_from, covers_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Every subscriber's ledger balance now, in one query. */
export function ledgerBalances(db: Db): Map<number, number> {
  return new Map(db.all<{ s: number; t: number }>('SELECT subscriber_id AS s, sum(amount_cents) AS t FROM ledger_entries GROUP BY subscriber_id').map((r) => [r.s, r.t]));
}

/**
 * The balance lines of an invoice from the ledger balance before it: a debt carried forward,
 * a credit deducted. The ledger already holds that credit or debt: the lines show it, they
 * are never entered in the ledger again.
 */
export function balanceLineParams(invoiceId: number, balance: BalanceApplication): (string | number | null)[][] {
  const params: (string | number | null)[][] = [];
  const f = balance.balanceForwardCents;
  if (f > 0) params.push([invoiceId, FORWARD_POSITION, 'balance_forward', null, null, 'Report de solde', 1, f, 0, f, 0, f, null, null, null, null, null]);
  const c = -balance.creditAppliedCents;
  if (c < 0) params.push([invoiceId, CREDIT_POSITION, 'credit', null, null, 'Avance déduite', 1, c, 0, c, 0, c, null, null, null, null, null]);
  return params;
}

export function totalsParams(totals: InvoiceTotals, balance: BalanceApplication): (string | number)[] {
  return [totals.netCents, totals.vatCents, JSON.stringify(totals.byRate), totals.grossCents, balance.balanceForwardCents, balance.creditAppliedCents, balance.amountDueCents, balance.creditRemainingCents];
}

interface BilledRow {
  id: number;
  delivery_date: IsoDate;
  subscriber_id: number;
  depot_id: number;
  formula_id: number;
  formula: string;
  quantity: number;
  unit_price_cents: number;
  vat_rate_bp: number;
}

/** Refuses to (re)build a month that is issued or still blocked; returns the draft run's id and kept exclusions. */
function openDraftRun(db: Db, month: string, now: string): { runId: number; excluded: Set<number> } {
  const existing = db.get<{ id: number; status: string }>('SELECT id, status FROM invoice_runs WHERE month = ?', [month]);
  if (existing?.status === 'issued') throw new ConflictError(`Le mois ${month} est déjà facturé : un mois ne se facture qu’une fois. Corrigez par un avoir.`);
  const blockers = findBlockers(db, month);
  if (blockers.length > 0) {
    throw new ValidationError(`La facturation de ${month} est bloquée : ${blockers.length} point${blockers.length > 1 ? 's' : ''} à régler.\n${blockers.map((b) => `• ${b.message}`).join('\n')}`, {
      month: blockers[0]!.message,
    });
  }
  if (!existing) return { runId: db.run("INSERT INTO invoice_runs (month, status, created_at) VALUES (?, 'draft', ?)", [month, now]).lastInsertRowid, excluded: new Set() };
  const excluded = new Set(db.all<{ s: number }>("SELECT subscriber_id AS s FROM invoices WHERE run_id = ? AND status = 'excluded'", [existing.id]).map((r) => r.s));
  db.run('DELETE FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices WHERE run_id = ?)', [existing.id]);
  db.run('DELETE FROM invoices WHERE run_id = ?', [existing.id]);
  return { runId: existing.id, excluded };
}

/**
 * Builds (or rebuilds) the draft run of `month`: one draft per subscriber with something to
 * bill, one line per billed delivery record, the fee when due, then the balance lines.
 * Refused while blockers remain and once the month is issued; exclusions are kept.
 */
export function prepareRun(db: Db, month: string, now: string): number {
  const { runId, excluded } = openDraftRun(db, month, now);
  const { from, to } = monthRange(month);
  const billable = billableRange(db, month);
  const liable = db.get<{ vat_status: string }>('SELECT vat_status FROM organisation WHERE id = 1')!.vat_status === 'liable';
  const billed = db.all<BilledRow>(
    `SELECT r.id, r.delivery_date, r.subscriber_id, r.depot_id, r.formula_id, f.name AS formula, r.quantity, r.unit_price_cents, r.vat_rate_bp
     FROM deliveries r JOIN formulas f ON f.id = r.formula_id
     WHERE r.delivery_date BETWEEN :from AND :to AND ${billedStatusSql(db)}
       AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.delivery_id = r.id)
     ORDER BY r.subscriber_id, r.delivery_date, r.id`,
    { ':from': billable.from, ':to': billable.to },
  );
  const bySubscriber = new Map<number, BilledRow[]>();
  for (const row of billed) {
    const rows = bySubscriber.get(row.subscriber_id);
    if (rows) rows.push(row);
    else bySubscriber.set(row.subscriber_id, [row]);
  }
  const membershipContext = loadMembershipContext(db);
  const ids = subscribersToBill(db, month, membershipContext);
  const subscribers = loadSubscriberRows(db, ids);
  const org = organisationBlock(db);
  const balances = ledgerBalances(db);
  db.withStatement(
    `INSERT INTO invoices (run_id, subscriber_id, status, period_start, period_end, snapshot, created_at, net_cents, vat_cents, vat_breakdown, gross_cents,
       balance_forward_cents, credit_applied_cents, amount_due_cents, credit_remaining_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (insertInvoice) =>
      db.withStatement(INSERT_LINE, (insertLine) => {
        for (const subscriberId of ids) {
          const subscriber = subscribers.get(subscriberId)!;
          const rows = bySubscriber.get(subscriberId) ?? [];
          const membership = membershipDue(subscriber, membershipContext, rows[0]?.delivery_date ?? from);
          if (rows.length === 0 && !membership) continue;
          const lines: { params: (string | number | null)[]; amounts: LineAmounts & { vatRateBp: number } }[] = rows.map((r, i) => {
            // Not VAT-liable (cases A–C of §1.6): no VAT on the invoice whatever the formula's rate.
            const rate = liable ? r.vat_rate_bp : 0;
            const a = lineAmounts(r.unit_price_cents, r.quantity, rate);
            return {
              amounts: { ...a, vatRateBp: rate },
              params: [i + 1, 'basket', r.id, r.delivery_date, r.formula, r.quantity, r.unit_price_cents, rate, a.netCents, a.vatCents, a.grossCents, r.formula_id, r.depot_id, null, null, null],
            };
          });
          if (membership) {
            // The cotisation pays for membership rights only: outside the scope of VAT (§1.6, ⚠ accountant).
            const label = `Cotisation ${membership.label} du ${formatDateShortFr(membership.covers.start)} au ${formatDateShortFr(membership.covers.end)}`;
            const a = lineAmounts(membership.amountCents, 1, 0);
            lines.push({
              amounts: { ...a, vatRateBp: 0 },
              params: [lines.length + 1, 'membership', null, null, label, 1, membership.amountCents, 0, a.netCents, a.vatCents, a.grossCents, null, null, membership.typeId, membership.covers.start, membership.covers.end],
            });
          }
          const totals = invoiceTotals(lines.map((l) => l.amounts));
          const balance = applyBalance(totals.grossCents, balances.get(subscriberId) ?? 0);
          const status = excluded.has(subscriberId) ? 'excluded' : 'draft';
          insertInvoice.run([runId, subscriberId, status, from, to, JSON.stringify(snapshotFromRow(subscriber, org)), now, ...totalsParams(totals, balance)]);
          const invoiceId = db.get<{ id: number }>('SELECT last_insert_rowid() AS id')!.id;
          for (const line of lines) insertLine.run([invoiceId, ...line.params]);
          for (const params of balanceLineParams(invoiceId, balance)) insertLine.run(params);
        }
      }),
  );
  return runId;
}
