import { z } from 'zod';
import { ConflictError, NotFoundError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { cents, type Cents } from '../money/money';
import { foldText } from '../text/fold';
import { idField, trimmed } from '../validation/fields';
import { monthField } from './blockers';
import { prepareRun } from './drafts';
import { readInvoice, totalsFromRow, type InvoiceRow, type InvoiceStatus } from './invoice-read';
import { issueRun } from './issue';

interface Tally {
  key: string;
  label: string;
  count: number;
  grossCents: Cents;
}

function tally(rows: { key: string; label: string; count: number; gross: number }[]): Tally[] {
  return rows.map((r) => ({ key: r.key, label: r.label, count: r.count, grossCents: cents(r.gross) }));
}

/** A run with its invoices and the review totals (per formula, depot, payment method); excluded invoices are left out of the totals. */
export function readRun(db: Db, runId: number) {
  const run = db.get<{ id: number; month: string; status: 'draft' | 'issued'; created_at: string; issued_at: string | null }>('SELECT * FROM invoice_runs WHERE id = ?', [runId]);
  if (!run) throw new NotFoundError(`Facturation introuvable (n° ${runId}).`);
  const rows = db.all<InvoiceRow & { name: string; payment_method: string }>(
    `SELECT i.*, r.month, trim(s.first_name || ' ' || s.last_name) AS name, s.payment_method FROM invoices i
     JOIN invoice_runs r ON r.id = i.run_id JOIN subscribers s ON s.id = i.subscriber_id WHERE i.run_id = ? ORDER BY s.last_name, s.first_name, i.id`,
    [runId],
  );
  const kept = "i.run_id = :run AND i.status != 'excluded'";
  const byFormula = db.all<{ key: string; label: string; count: number; gross: number }>(
    `SELECT l.formula_id AS key, f.name AS label, sum(l.quantity) AS count, sum(l.gross_cents) AS gross FROM invoice_lines l
     JOIN invoices i ON i.id = l.invoice_id JOIN formulas f ON f.id = l.formula_id WHERE ${kept} AND l.kind = 'basket' GROUP BY l.formula_id ORDER BY f.name`,
    { ':run': runId },
  );
  const byDepot = db.all<{ key: string; label: string; count: number; gross: number }>(
    `SELECT l.depot_id AS key, d.name AS label, sum(l.quantity) AS count, sum(l.gross_cents) AS gross FROM invoice_lines l
     JOIN invoices i ON i.id = l.invoice_id JOIN depots d ON d.id = l.depot_id WHERE ${kept} AND l.kind = 'basket' GROUP BY l.depot_id ORDER BY d.name`,
    { ':run': runId },
  );
  const byPaymentMethod = db.all<{ key: string; label: string; count: number; gross: number }>(
    `SELECT s.payment_method AS key, s.payment_method AS label, count(*) AS count, sum(i.amount_due_cents) AS gross FROM invoices i
     JOIN subscribers s ON s.id = i.subscriber_id WHERE ${kept} GROUP BY s.payment_method ORDER BY s.payment_method`,
    { ':run': runId },
  );
  const kept_ = rows.filter((r) => r.status !== 'excluded');
  const sum = (f: (r: InvoiceRow) => number) => cents(kept_.reduce((t, r) => t + f(r), 0));
  return {
    id: run.id,
    month: run.month,
    status: run.status,
    createdAt: run.created_at,
    issuedAt: run.issued_at,
    invoices: rows.map((r) => ({ id: r.id, subscriberId: r.subscriber_id, name: r.name, paymentMethod: r.payment_method, status: r.status, number: r.number, ...totalsFromRow(r) })),
    totals: { count: kept_.length, netCents: sum((r) => r.net_cents), vatCents: sum((r) => r.vat_cents), grossCents: sum((r) => r.gross_cents), amountDueCents: sum((r) => r.amount_due_cents) },
    byFormula: tally(byFormula),
    byDepot: tally(byDepot),
    // The label is the method's code; the UI shows PAYMENT_METHOD_LABELS.
    byPaymentMethod: tally(byPaymentMethod),
  };
}

export const invoiceRunPrepare = defineHandler({
  name: 'invoice-run-prepare',
  input: z.object({ month: monthField }),
  labels: { month: 'Mois' },
  mutates: true,
  run: ({ db, clock }, { month }) => readRun(db, prepareRun(db, month, clock.now().toISOString())),
});

export const invoiceRunList = defineHandler({
  name: 'invoice-run-list',
  input: z.object({}),
  mutates: false,
  run: ({ db }) =>
    db
      .all<{ id: number; month: string; status: 'draft' | 'issued'; count: number; gross: number | null; due: number | null }>(
        `SELECT r.id, r.month, r.status, count(i.id) AS count, sum(i.gross_cents) AS gross, sum(i.amount_due_cents) AS due FROM invoice_runs r
         LEFT JOIN invoices i ON i.run_id = r.id AND i.status != 'excluded' GROUP BY r.id ORDER BY r.month DESC`,
      )
      .map((r) => ({ id: r.id, month: r.month, status: r.status, count: r.count, grossCents: cents(r.gross ?? 0), amountDueCents: cents(r.due ?? 0) })),
});

export const invoiceRunGet = defineHandler({
  name: 'invoice-run-get',
  input: z.object({ runId: idField }),
  mutates: false,
  run: ({ db }, { runId }) => readRun(db, runId),
});

export const invoiceGet = defineHandler({
  name: 'invoice-get',
  input: z.object({ id: idField }),
  mutates: false,
  run: ({ db }, { id }) => readInvoice(db, id),
});

/** Leaves a draft out of the run (or puts it back); only drafts can be excluded. */
export const invoiceExclude = defineHandler({
  name: 'invoice-exclude',
  input: z.object({ id: idField, excluded: z.boolean() }),
  labels: { excluded: 'Exclue' },
  mutates: true,
  run: ({ db }, { id, excluded }) => {
    const row = db.get<{ status: InvoiceStatus; run_status: string }>('SELECT i.status, r.status AS run_status FROM invoices i JOIN invoice_runs r ON r.id = i.run_id WHERE i.id = ?', [id]);
    if (!row) throw new NotFoundError(`Facture introuvable (n° ${id}).`);
    if (row.status === 'issued') throw new ConflictError('Cette facture est émise : elle ne peut plus être exclue. Passez un avoir.');
    if (row.run_status === 'issued') throw new ConflictError('Cette facturation est émise : la facture exclue ne peut plus y être réintégrée.');
    db.run('UPDATE invoices SET status = ? WHERE id = ?', [excluded ? 'excluded' : 'draft', id]);
    return readInvoice(db, id);
  },
});

export const invoiceRunIssue = defineHandler({
  name: 'invoice-run-issue',
  input: z.object({ runId: idField }),
  mutates: true,
  run: ({ db, clock }, { runId }) => ({ ...issueRun(db, runId, clock.today(), clock.now().toISOString()), run: readRun(db, runId) }),
});

/** The invoices screen's search: by number (« FA-2026-0004 », « 00004 ») or subscriber (name, town… as in the subscriber search). */
export const invoiceSearch = defineHandler({
  name: 'invoice-search',
  input: z.object({ query: trimmed(100), limit: z.number().int().min(1).max(500).default(50) }),
  labels: { query: 'Recherche' },
  mutates: false,
  run: ({ db }, { query, limit }) => {
    const folded = foldText(query);
    const words = folded.split(' ').filter(Boolean);
    const where = words.map((_, i) => `(lower(i.number) LIKE :w${i} OR s.search_text LIKE :w${i})`).join(' AND ') || '1';
    const params = Object.fromEntries([...words.map((w, i) => [`:w${i}`, `%${w.replace(/[%_]/g, '')}%`]), [':limit', limit]]);
    return db
      .all<InvoiceRow & { name: string }>(
        `SELECT i.*, r.month, trim(s.first_name || ' ' || s.last_name) AS name FROM invoices i JOIN invoice_runs r ON r.id = i.run_id
         JOIN subscribers s ON s.id = i.subscriber_id WHERE i.status != 'excluded' AND ${where}
         ORDER BY r.month DESC, i.number IS NULL, i.number, s.last_name LIMIT :limit`,
        params,
      )
      .map((r) => ({ id: r.id, month: r.month, subscriberId: r.subscriber_id, name: r.name, status: r.status, number: r.number, issueDate: r.issue_date, ...totalsFromRow(r) }));
  },
});
