import { NotFoundError } from '../api/errors';
import type { Db } from '../db/database';
import { cents, type Cents } from '../money/money';
import type { RateTotal } from './calculator';
import type { InvoiceSnapshot } from './snapshot';

export type InvoiceStatus = 'draft' | 'issued' | 'excluded';
export type LineKind = 'basket' | 'membership' | 'balance_forward' | 'credit';

export interface InvoiceLine {
  id: number;
  kind: LineKind;
  deliveryId: number | null;
  date: string | null;
  label: string;
  quantity: number;
  unitPriceCents: Cents;
  vatRateBp: number;
  netCents: Cents;
  vatCents: Cents;
  grossCents: Cents;
  formulaId: number | null;
  depotId: number | null;
  coversFrom: string | null;
  coversTo: string | null;
  /** The credit note that cancelled this line, if any. */
  creditNoteNumber: string | null;
}

export interface InvoiceTotalsView {
  netCents: Cents;
  vatCents: Cents;
  grossCents: Cents;
  vatByRate: RateTotal[];
  balanceForwardCents: Cents;
  creditAppliedCents: Cents;
  amountDueCents: Cents;
  creditRemainingCents: Cents;
}

export interface Invoice extends InvoiceTotalsView {
  id: number;
  runId: number;
  month: string;
  subscriberId: number;
  status: InvoiceStatus;
  number: string | null;
  issueDate: string | null;
  periodStart: string;
  periodEnd: string;
  snapshot: InvoiceSnapshot;
  pdfSha256: string | null;
  lines: InvoiceLine[];
  creditNotes: { id: number; number: string; issueDate: string; grossCents: Cents; reason: string }[];
}

export interface InvoiceRow {
  id: number;
  run_id: number;
  month: string;
  subscriber_id: number;
  status: InvoiceStatus;
  number: string | null;
  issue_date: string | null;
  period_start: string;
  period_end: string;
  snapshot: string;
  net_cents: number;
  vat_cents: number;
  vat_breakdown: string;
  gross_cents: number;
  balance_forward_cents: number;
  credit_applied_cents: number;
  amount_due_cents: number;
  credit_remaining_cents: number;
  pdf_sha256: string | null;
}

export const INVOICE_SELECT = 'SELECT i.*, r.month FROM invoices i JOIN invoice_runs r ON r.id = i.run_id';

export function totalsFromRow(row: InvoiceRow): InvoiceTotalsView {
  return {
    netCents: cents(row.net_cents),
    vatCents: cents(row.vat_cents),
    grossCents: cents(row.gross_cents),
    vatByRate: JSON.parse(row.vat_breakdown) as RateTotal[],
    balanceForwardCents: cents(row.balance_forward_cents),
    creditAppliedCents: cents(row.credit_applied_cents),
    amountDueCents: cents(row.amount_due_cents),
    creditRemainingCents: cents(row.credit_remaining_cents),
  };
}

export function readInvoice(db: Db, id: number): Invoice {
  const row = db.get<InvoiceRow>(`${INVOICE_SELECT} WHERE i.id = ?`, [id]);
  if (!row) throw new NotFoundError(`Facture introuvable (n° ${id}).`);
  const lines = db.all<{
    id: number; kind: LineKind; delivery_id: number | null; line_date: string | null; label: string; quantity: number; unit_price_cents: number; vat_rate_bp: number;
    net_cents: number; vat_cents: number; gross_cents: number; formula_id: number | null; depot_id: number | null; covers_from: string | null; covers_to: string | null; credit_note: string | null;
  }>(
    `SELECT l.*, (SELECT n.number FROM credit_note_lines c JOIN credit_notes n ON n.id = c.credit_note_id WHERE c.invoice_line_id = l.id) AS credit_note
     FROM invoice_lines l WHERE l.invoice_id = ? ORDER BY l.position`,
    [id],
  );
  return {
    id: row.id,
    runId: row.run_id,
    month: row.month,
    subscriberId: row.subscriber_id,
    status: row.status,
    number: row.number,
    issueDate: row.issue_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    snapshot: JSON.parse(row.snapshot) as InvoiceSnapshot,
    pdfSha256: row.pdf_sha256,
    ...totalsFromRow(row),
    lines: lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      deliveryId: l.delivery_id,
      date: l.line_date,
      label: l.label,
      quantity: l.quantity,
      unitPriceCents: cents(l.unit_price_cents),
      vatRateBp: l.vat_rate_bp,
      netCents: cents(l.net_cents),
      vatCents: cents(l.vat_cents),
      grossCents: cents(l.gross_cents),
      formulaId: l.formula_id,
      depotId: l.depot_id,
      coversFrom: l.covers_from,
      coversTo: l.covers_to,
      creditNoteNumber: l.credit_note,
    })),
    creditNotes: db
      .all<{ id: number; number: string; issue_date: string; gross_cents: number; reason: string }>('SELECT id, number, issue_date, gross_cents, reason FROM credit_notes WHERE invoice_id = ? ORDER BY id', [id])
      .map((c) => ({ id: c.id, number: c.number, issueDate: c.issue_date, grossCents: cents(c.gross_cents), reason: c.reason })),
  };
}
