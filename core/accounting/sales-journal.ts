import type { Db } from '../db/database';
import type { PaymentSettings } from '../payments/payment-settings';
import { accountOf, customerOf, makeEntry, rateLabel, signed, subscriberLabel, type JournalEntry, type JournalLine, type SubscriberName } from './entries';

/**
 * Sales journal (finance-rules §5.1): each issued invoice debits the subscriber's 411 by what
 * it sells (baskets and cotisation) and credits sales per VAT rate, the cotisation (756x) and
 * the VAT collected per rate. Balance-forward and credit lines only restate the ledger: they
 * are not sales, so they are left out. A credit note is the same entry reversed.
 */
interface SalesRow extends SubscriberName {
  doc_id: number;
  number: string;
  issue_date: string;
  invoice_number: string | null;
  line_kind: 'basket' | 'membership';
  vat_rate_bp: number;
  net: number;
  vat: number;
  gross: number;
}

const SUBSCRIBER_COLUMNS = 's.id, s.kind AS subscriber_kind, s.first_name, s.last_name';

const INVOICE_ROWS = `
  SELECT i.id AS doc_id, i.number, i.issue_date, NULL AS invoice_number, ${SUBSCRIBER_COLUMNS},
         l.kind AS line_kind, l.vat_rate_bp, sum(l.net_cents) AS net, sum(l.vat_cents) AS vat, sum(l.gross_cents) AS gross
  FROM invoices i JOIN subscribers s ON s.id = i.subscriber_id
  JOIN invoice_lines l ON l.invoice_id = i.id AND l.kind IN ('basket', 'membership')
  WHERE i.status = 'issued' AND i.issue_date BETWEEN :from AND :to
  GROUP BY i.id, l.kind, l.vat_rate_bp
  ORDER BY i.issue_date, i.number, l.kind, l.vat_rate_bp`;

const CREDIT_NOTE_ROWS = `
  SELECT c.id AS doc_id, c.number, c.issue_date, c.invoice_number, ${SUBSCRIBER_COLUMNS},
         l.kind AS line_kind, cl.vat_rate_bp, sum(cl.net_cents) AS net, sum(cl.vat_cents) AS vat, sum(cl.gross_cents) AS gross
  FROM credit_notes c JOIN subscribers s ON s.id = c.subscriber_id
  JOIN credit_note_lines cl ON cl.credit_note_id = c.id
  JOIN invoice_lines l ON l.id = cl.invoice_line_id
  WHERE c.issue_date BETWEEN :from AND :to
  GROUP BY c.id, l.kind, cl.vat_rate_bp
  ORDER BY c.issue_date, c.number, l.kind, cl.vat_rate_bp`;

function byDocument(rows: readonly SalesRow[]): SalesRow[][] {
  const docs = new Map<number, SalesRow[]>();
  for (const r of rows) {
    const doc = docs.get(r.doc_id);
    if (doc) doc.push(r);
    else docs.set(r.doc_id, [r]);
  }
  return [...docs.values()];
}

/** Lines of an invoice; `sign` -1 turns them into the credit note's reversed lines. */
function documentLines(settings: PaymentSettings, rows: readonly SalesRow[], sign: 1 | -1): (JournalLine | null)[] {
  const first = rows[0]!;
  const gross = rows.reduce((sum, r) => sum + r.gross, 0);
  const lines: (JournalLine | null)[] = [signed(customerOf(settings, first), sign * gross)];
  for (const r of rows) {
    const label = r.line_kind === 'membership' ? 'Cotisations' : r.vat_rate_bp > 0 ? `Ventes de paniers TVA ${rateLabel(r.vat_rate_bp)}` : 'Ventes de paniers';
    lines.push(signed(accountOf(settings, r.line_kind === 'membership' ? 'membership' : 'sales', label), -sign * r.net));
  }
  const vatByRate = new Map<number, number>();
  for (const r of rows) vatByRate.set(r.vat_rate_bp, (vatByRate.get(r.vat_rate_bp) ?? 0) + r.vat);
  // Only a VAT-liable organisation charges VAT (finance-rules §1.6 case D): otherwise every line is at 0.
  for (const [rate, vat] of [...vatByRate].sort(([a], [b]) => a - b)) {
    if (vat !== 0) lines.push(signed(accountOf(settings, 'vat', `TVA collectée ${rateLabel(rate)}`), -sign * vat));
  }
  return lines;
}

export function salesEntries(db: Db, settings: PaymentSettings, from: string, to: string): JournalEntry[] {
  const range = { ':from': from, ':to': to };
  const entries: JournalEntry[] = [];
  for (const rows of byDocument(db.all<SalesRow>(INVOICE_ROWS, range))) {
    const r = rows[0]!;
    // An invoice selling nothing (only a balance carried forward) is not a sale.
    if (rows.reduce((sum, x) => sum + x.gross, 0) === 0) continue;
    const entry = makeEntry(settings, 'sales', { date: r.issue_date, pieceRef: r.number, label: `Facture ${r.number} ${subscriberLabel(r)}` }, documentLines(settings, rows, 1));
    if (entry) entries.push(entry);
  }
  for (const rows of byDocument(db.all<SalesRow>(CREDIT_NOTE_ROWS, range))) {
    const r = rows[0]!;
    if (rows.reduce((sum, x) => sum + x.gross, 0) === 0) continue;
    const entry = makeEntry(settings, 'sales', { date: r.issue_date, pieceRef: r.number, label: `Avoir ${r.number} sur ${r.invoice_number ?? ''} ${subscriberLabel(r)}` }, documentLines(settings, rows, -1));
    if (entry) entries.push(entry);
  }
  return entries;
}
