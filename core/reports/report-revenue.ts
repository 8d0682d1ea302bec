import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { cents, type Cents } from '../money/money';
import { compareFr } from '../text/collate';

const METHOD_LABELS: Record<string, string> = { sepa: 'Prélèvement', cheque: 'Chèque', transfer: 'Virement', other: 'Autre' };
/** Membership lines have no formula: one bucket of their own. */
export const MEMBERSHIP_LABEL = 'Cotisations';

export interface RevenueLine {
  month: string;
  invoicedCents: Cents;
  creditedCents: Cents;
  /** invoiced − credited. */
  revenueCents: Cents;
}

export interface Revenue {
  months: RevenueLine[];
  /** formulaId null: the cotisations. */
  byFormula: (RevenueLine & { formulaId: number | null; label: string })[];
  /** The payment method frozen in the invoice's snapshot (what the subscriber paid by then). */
  byPaymentMethod: (RevenueLine & { method: string; label: string })[];
  totalCents: Cents;
}

interface Group {
  month: string;
  formula_id: number | null;
  formula: string | null;
  method: string;
  gross: number;
}

/**
 * Revenue invoiced per month (issue 10): the gross of issued invoice lines (baskets and
 * cotisations, never the balance-forward or credit lines), by issue date, as the sales journal
 * counts it; minus credit notes in the month they were issued. The same lines make the invoices'
 * totals, so the figures agree with them to the cent.
 */
export function revenuePerMonth(db: Db, from: IsoDate, to: IsoDate): Revenue {
  const params = { ':from': from, ':to': to };
  const invoiced = db.all<Group>(
    `SELECT substr(i.issue_date, 1, 7) AS month, l.formula_id, f.name AS formula, json_extract(i.snapshot, '$.payment.method') AS method, sum(l.gross_cents) AS gross
     FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id LEFT JOIN formulas f ON f.id = l.formula_id
     WHERE i.status = 'issued' AND i.issue_date BETWEEN :from AND :to AND l.kind IN ('basket', 'membership')
     GROUP BY month, l.formula_id, method`,
    params,
  );
  const credited = db.all<Group>(
    `SELECT substr(c.issue_date, 1, 7) AS month, l.formula_id, f.name AS formula, json_extract(i.snapshot, '$.payment.method') AS method, sum(cl.gross_cents) AS gross
     FROM credit_notes c JOIN credit_note_lines cl ON cl.credit_note_id = c.id JOIN invoice_lines l ON l.id = cl.invoice_line_id
     JOIN invoices i ON i.id = c.invoice_id LEFT JOIN formulas f ON f.id = l.formula_id
     WHERE c.issue_date BETWEEN :from AND :to AND l.kind IN ('basket', 'membership')
     GROUP BY month, l.formula_id, method`,
    params,
  );
  const months = new Map<string, RevenueLine>();
  const formulas = new Map<string, RevenueLine & { formulaId: number | null; label: string }>();
  const methods = new Map<string, RevenueLine & { method: string; label: string }>();
  const add = <T extends RevenueLine>(map: Map<string, T>, key: string, make: () => T, invoicedCents: number, creditedCents: number) => {
    const line = map.get(key) ?? make();
    line.invoicedCents = cents(line.invoicedCents + invoicedCents);
    line.creditedCents = cents(line.creditedCents + creditedCents);
    line.revenueCents = cents(line.invoicedCents - line.creditedCents);
    map.set(key, line);
  };
  const zero = (month: string): RevenueLine => ({ month, invoicedCents: cents(0), creditedCents: cents(0), revenueCents: cents(0) });
  const apply = (g: Group, invoicedCents: number, creditedCents: number) => {
    const method = g.method ?? 'other';
    add(months, g.month, () => zero(g.month), invoicedCents, creditedCents);
    add(formulas, `${g.month}|${g.formula_id ?? '-'}`, () => ({ ...zero(g.month), formulaId: g.formula_id, label: g.formula ?? MEMBERSHIP_LABEL }), invoicedCents, creditedCents);
    add(methods, `${g.month}|${method}`, () => ({ ...zero(g.month), method, label: METHOD_LABELS[method] ?? method }), invoicedCents, creditedCents);
  };
  for (const g of invoiced) apply(g, g.gross, 0);
  for (const g of credited) apply(g, 0, g.gross);
  const byMonth = (a: RevenueLine, b: RevenueLine) => a.month.localeCompare(b.month);
  const monthList = [...months.values()].sort(byMonth);
  return {
    months: monthList,
    // Cotisations last, after the formulas in French order.
    byFormula: [...formulas.values()].sort((a, b) => byMonth(a, b) || Number(a.formulaId === null) - Number(b.formulaId === null) || compareFr(a.label, b.label)),
    byPaymentMethod: [...methods.values()].sort((a, b) => byMonth(a, b) || compareFr(a.label, b.label)),
    totalCents: cents(monthList.reduce((sum, m) => sum + m.revenueCents, 0)),
  };
}
