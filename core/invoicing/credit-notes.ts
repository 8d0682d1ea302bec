import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { addEntry } from '../ledger/ledger';
import { cents, type Cents } from '../money/money';
import { idField, requiredText } from '../validation/fields';
import { billedStatusSql } from './blockers';
import { invoiceTotals, type RateTotal } from './calculator';
import { readInvoice } from './invoice-read';
import { takeNumber } from './numbering';
import { buildSnapshot, organisationBlock } from './snapshot';

interface CreditableLine {
  id: number;
  label: string;
  line_date: string | null;
  quantity: number;
  unit_price_cents: number;
  vat_rate_bp: number;
  net_cents: number;
  vat_cents: number;
  gross_cents: number;
}

/**
 * A credit note (avoir) cancels whole lines of an issued invoice: each line at most once, so
 * the total credited never exceeds what was invoiced. It takes the next `AV-` number in this
 * transaction, states the invoice's number and date (art. 289-I-5 CGI, finance-rules §1.4),
 * and credits the subscriber's ledger.
 */
export function createCreditNote(db: Db, input: { invoiceId: number; lineIds: number[] | 'all'; reason: string }, today: string, now: string) {
  const invoice = db.get<{ id: number; status: string; number: string | null; issue_date: string | null; subscriber_id: number }>('SELECT * FROM invoices WHERE id = ?', [input.invoiceId]);
  if (!invoice) throw new NotFoundError(`Facture introuvable (n° ${input.invoiceId}).`);
  if (invoice.status !== 'issued' || !invoice.number || !invoice.issue_date) {
    throw new ConflictError('Seule une facture émise reçoit un avoir : un brouillon se corrige en préparant à nouveau la facturation.');
  }
  const open = db.all<CreditableLine>(
    `SELECT l.* FROM invoice_lines l WHERE l.invoice_id = ? AND l.kind IN ('basket', 'membership')
       AND NOT EXISTS (SELECT 1 FROM credit_note_lines c WHERE c.invoice_line_id = l.id) ORDER BY l.position`,
    [invoice.id],
  );
  let lines: CreditableLine[];
  if (input.lineIds === 'all') {
    lines = open;
  } else {
    const byId = new Map(open.map((l) => [l.id, l]));
    const wanted = [...new Set(input.lineIds)];
    const missing = wanted.filter((id) => !byId.has(id));
    if (missing.length > 0) throw ValidationError.field('lineIds', `Ligne${missing.length > 1 ? 's' : ''} déjà remboursée${missing.length > 1 ? 's' : ''} par un avoir ou absente${missing.length > 1 ? 's' : ''} de la facture ${invoice.number} : choisissez d’autres lignes.`);
    lines = wanted.map((id) => byId.get(id)!);
  }
  if (lines.length === 0) throw ValidationError.field('lineIds', `Tout ce que facturait ${invoice.number} a déjà été remboursé par avoir : il ne reste rien à créditer.`);
  const totals = invoiceTotals(lines.map((l) => ({ netCents: cents(l.net_cents), vatCents: cents(l.vat_cents), grossCents: cents(l.gross_cents), vatRateBp: l.vat_rate_bp })));
  const number = takeNumber(db, 'AV', Number(today.slice(0, 4)));
  const snapshot = buildSnapshot(db, invoice.subscriber_id, organisationBlock(db));
  const id = db.run(
    `INSERT INTO credit_notes (number, invoice_id, invoice_number, invoice_date, subscriber_id, issue_date, reason, snapshot, net_cents, vat_cents, vat_breakdown, gross_cents, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [number, invoice.id, invoice.number, invoice.issue_date, invoice.subscriber_id, today, input.reason, JSON.stringify(snapshot), totals.netCents, totals.vatCents, JSON.stringify(totals.byRate), totals.grossCents, now],
  ).lastInsertRowid;
  for (const l of lines) {
    const label = l.line_date ? `${l.label} du ${formatDateShortFr(l.line_date as IsoDate)}` : l.label;
    db.run(
      'INSERT INTO credit_note_lines (credit_note_id, invoice_line_id, label, quantity, unit_price_cents, vat_rate_bp, net_cents, vat_cents, gross_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, l.id, label, l.quantity, l.unit_price_cents, l.vat_rate_bp, l.net_cents, l.vat_cents, l.gross_cents],
    );
  }
  if (totals.grossCents > 0) {
    addEntry(db, { subscriberId: invoice.subscriber_id, date: today, kind: 'credit_note', amountCents: totals.grossCents, reference: number, label: `Avoir ${number} sur facture ${invoice.number}`, sourceType: 'credit_note', sourceId: id }, now);
  }
  return readCreditNote(db, id);
}

export interface CreditNote {
  id: number;
  number: string;
  invoiceId: number;
  invoiceNumber: string;
  invoiceDate: string;
  subscriberId: number;
  issueDate: string;
  reason: string;
  netCents: Cents;
  vatCents: Cents;
  vatByRate: RateTotal[];
  grossCents: Cents;
  lines: { invoiceLineId: number; label: string; quantity: number; unitPriceCents: Cents; vatRateBp: number; netCents: Cents; vatCents: Cents; grossCents: Cents }[];
}

export function readCreditNote(db: Db, id: number): CreditNote {
  const n = db.get<{ id: number; number: string; invoice_id: number; invoice_number: string; invoice_date: string; subscriber_id: number; issue_date: string; reason: string; net_cents: number; vat_cents: number; vat_breakdown: string; gross_cents: number }>(
    'SELECT * FROM credit_notes WHERE id = ?',
    [id],
  );
  if (!n) throw new NotFoundError(`Avoir introuvable (n° ${id}).`);
  const lines = db.all<{ invoice_line_id: number; label: string; quantity: number; unit_price_cents: number; vat_rate_bp: number; net_cents: number; vat_cents: number; gross_cents: number }>(
    'SELECT * FROM credit_note_lines WHERE credit_note_id = ? ORDER BY id',
    [id],
  );
  return {
    id: n.id,
    number: n.number,
    invoiceId: n.invoice_id,
    invoiceNumber: n.invoice_number,
    invoiceDate: n.invoice_date,
    subscriberId: n.subscriber_id,
    issueDate: n.issue_date,
    reason: n.reason,
    netCents: cents(n.net_cents),
    vatCents: cents(n.vat_cents),
    vatByRate: JSON.parse(n.vat_breakdown) as RateTotal[],
    grossCents: cents(n.gross_cents),
    lines: lines.map((l) => ({
      invoiceLineId: l.invoice_line_id,
      label: l.label,
      quantity: l.quantity,
      unitPriceCents: cents(l.unit_price_cents),
      vatRateBp: l.vat_rate_bp,
      netCents: cents(l.net_cents),
      vatCents: cents(l.vat_cents),
      grossCents: cents(l.gross_cents),
    })),
  };
}

export const creditNoteCreate = defineHandler({
  name: 'credit-note-create',
  input: z.object({
    invoiceId: idField,
    lineIds: z.union([z.literal('all'), z.array(idField).min(1, 'Choisissez au moins une ligne à rembourser.')], 'Choisissez les lignes à rembourser, ou toute la facture.'),
    reason: requiredText(300, 'Indiquez la raison de l’avoir (exemple : panier non livré le 14/04).'),
  }),
  labels: { invoiceId: 'Facture', lineIds: 'Lignes', reason: 'Raison' },
  mutates: true,
  run: ({ db, clock }, input) => createCreditNote(db, input, clock.today(), clock.now().toISOString()),
});

export const creditNoteGet = defineHandler({
  name: 'credit-note-get',
  input: z.object({ id: idField }),
  mutates: false,
  run: ({ db }, { id }) => readCreditNote(db, id),
});

/**
 * After `delivery-correct` on an invoiced basket: if the record is no longer billed (now
 * « non livré », or « non retiré » while not-collected baskets are not billed) and its
 * invoice line is not yet credited, the credit note to issue; otherwise null.
 */
export const creditNoteProposal = defineHandler({
  name: 'credit-note-proposal',
  input: z.object({ deliveryId: idField }),
  mutates: false,
  run: ({ db }, { deliveryId }) => {
    const row = db.get<{ line_id: number; invoice_id: number; status: string; billed: number; credited: number }>(
      `SELECT l.id AS line_id, l.invoice_id, i.status, (${billedStatusSql(db)}) AS billed,
              EXISTS (SELECT 1 FROM credit_note_lines c WHERE c.invoice_line_id = l.id) AS credited
       FROM deliveries r JOIN invoice_lines l ON l.delivery_id = r.id JOIN invoices i ON i.id = l.invoice_id WHERE r.id = ?`,
      [deliveryId],
    );
    if (!db.get('SELECT 1 FROM deliveries WHERE id = ?', [deliveryId])) throw new NotFoundError(`Livraison introuvable (n° ${deliveryId}).`);
    if (!row || row.status !== 'issued' || row.billed === 1 || row.credited === 1) return null;
    const invoice = readInvoice(db, row.invoice_id);
    const line = invoice.lines.find((l) => l.id === row.line_id)!;
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number!,
      invoiceDate: invoice.issueDate!,
      lineIds: [line.id],
      line,
      grossCents: line.grossCents,
      reason: `Panier du ${formatDateShortFr(line.date as IsoDate)} non facturable après correction`,
    };
  },
});
