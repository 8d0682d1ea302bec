import { fecAmount } from '../accounting/fec';
import { csvDate } from '../accounting/accounting-csv';
import type { Db } from '../db/database';
import { toCsv, type CsvColumn } from '../export/csv';
import { LEDGER_KIND_LABELS } from '../ledger/ledger-labels';
import { readEntries, withRunningBalance } from '../ledger/ledger';
import { R_CODES, RETURN_KIND_LABELS, type RCode } from '../payments/sepa-returns';
import { fromLocalDate } from '../dates/dates';

/**
 * The money side of a subscriber's data export: invoices, credit notes, the ledger with its
 * running balance, cheques, SEPA debits and the mandate history. Invoices and credit notes are
 * listed with the name of their PDF in the archive.
 */

type Table = string | null;
const table = <R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): Table => (rows.length === 0 ? null : toCsv(columns, rows));
const date = (d: string | null | undefined) => (d ? csvDate(d) : '');
// An instant is stored in UTC; the office reads the day of its own clock.
const instant = (t: string | null | undefined) => (t ? csvDate(fromLocalDate(new Date(t))) : '');
const euros = (c: number | null | undefined) => (c === null || c === undefined ? '' : fecAmount(c));

export const invoicePdfName = (number: string) => `factures/facture_${number}.pdf`;
export const creditNotePdfName = (number: string) => `avoirs/avoir_${number}.pdf`;

export interface IssuedDocument {
  id: number;
  number: string;
}

/** Issued invoices only: a draft is the office's work in progress, not a document sent to the person. */
export function issuedInvoices(db: Db, subscriberId: number): IssuedDocument[] {
  return db.all<IssuedDocument>("SELECT id, number FROM invoices WHERE subscriber_id = ? AND status = 'issued' ORDER BY issue_date, number", [subscriberId]);
}

export function creditNotes(db: Db, subscriberId: number): IssuedDocument[] {
  return db.all<IssuedDocument>('SELECT id, number FROM credit_notes WHERE subscriber_id = ? ORDER BY issue_date, number', [subscriberId]);
}

export function invoicesCsv(db: Db, subscriberId: number): Table {
  const rows = db.all<{ number: string; issue_date: string; period_start: string; period_end: string; net_cents: number; vat_cents: number; gross_cents: number; balance_forward_cents: number; credit_applied_cents: number; amount_due_cents: number }>(
    "SELECT * FROM invoices WHERE subscriber_id = ? AND status = 'issued' ORDER BY issue_date, number",
    [subscriberId],
  );
  return table(
    [
      { header: 'Numéro', value: (r) => r.number },
      { header: 'Date', value: (r) => date(r.issue_date) },
      { header: 'Période du', value: (r) => date(r.period_start) },
      { header: 'Période au', value: (r) => date(r.period_end) },
      { header: 'Total HT', value: (r) => euros(r.net_cents) },
      { header: 'TVA', value: (r) => euros(r.vat_cents) },
      { header: 'Total TTC', value: (r) => euros(r.gross_cents) },
      { header: 'Report de solde', value: (r) => euros(r.balance_forward_cents) },
      { header: 'Avance déduite', value: (r) => euros(r.credit_applied_cents) },
      { header: 'Montant dû', value: (r) => euros(r.amount_due_cents) },
      { header: 'Fichier', value: (r) => invoicePdfName(r.number) },
    ],
    rows,
  );
}

export function creditNotesCsv(db: Db, subscriberId: number): Table {
  const rows = db.all<{ number: string; issue_date: string; invoice_number: string; reason: string; net_cents: number; vat_cents: number; gross_cents: number }>(
    'SELECT * FROM credit_notes WHERE subscriber_id = ? ORDER BY issue_date, number',
    [subscriberId],
  );
  return table(
    [
      { header: 'Numéro', value: (r) => r.number },
      { header: 'Date', value: (r) => date(r.issue_date) },
      { header: 'Facture', value: (r) => r.invoice_number },
      { header: 'Motif', value: (r) => r.reason },
      { header: 'Total HT', value: (r) => euros(r.net_cents) },
      { header: 'TVA', value: (r) => euros(r.vat_cents) },
      { header: 'Total TTC', value: (r) => euros(r.gross_cents) },
      { header: 'Fichier', value: (r) => creditNotePdfName(r.number) },
    ],
    rows,
  );
}

const METHOD_LABELS: Record<string, string> = { sepa: 'Prélèvement', cheque: 'Chèque', transfer: 'Virement', cash: 'Espèces', card: 'Carte' };

/**
 * The account, entry by entry. The balance is printed as an amount and a direction: a
 * spreadsheet cell starting with « - » is neutralised by the CSV writer (formula injection).
 */
export function ledgerCsv(db: Db, subscriberId: number): Table {
  const rows = withRunningBalance(readEntries(db, subscriberId));
  return table(
    [
      { header: 'Date', value: (r) => date(r.date) },
      { header: 'Type', value: (r) => LEDGER_KIND_LABELS[r.kind] },
      { header: 'Libellé', value: (r) => r.label },
      { header: 'Référence', value: (r) => r.reference },
      { header: 'Moyen de paiement', value: (r) => (r.method ? (METHOD_LABELS[r.method] ?? r.method) : '') },
      { header: 'Débit', value: (r) => (r.amountCents < 0 ? euros(-r.amountCents) : '') },
      { header: 'Crédit', value: (r) => (r.amountCents > 0 ? euros(r.amountCents) : '') },
      { header: 'Solde', value: (r) => euros(Math.abs(r.balanceCents)) },
      { header: 'Sens du solde', value: (r) => (r.balanceCents > 0 ? 'en votre faveur' : r.balanceCents < 0 ? 'à régler' : '') },
    ],
    rows,
  );
}

const CHEQUE_STATUS_LABELS: Record<string, string> = { received: 'Reçu, pas encore remis', deposited: 'Remis en banque', returned: 'Rejeté (impayé)' };

export function chequesCsv(db: Db, subscriberId: number): Table {
  const rows = db.all<{ number: string; bank: string; drawer: string; amount_cents: number; received_on: string; planned_deposit_on: string; status: string; slip: string | null; deposit_date: string | null; returned_on: string | null; return_reason: string; note: string }>(
    `SELECT c.*, d.number AS slip, d.deposit_date FROM cheques c LEFT JOIN deposit_slips d ON d.id = c.deposit_slip_id
     WHERE c.subscriber_id = ? ORDER BY c.planned_deposit_on, c.id`,
    [subscriberId],
  );
  return table(
    [
      { header: 'Numéro', value: (r) => r.number },
      { header: 'Banque', value: (r) => r.bank },
      { header: 'Tireur', value: (r) => r.drawer },
      { header: 'Montant', value: (r) => euros(r.amount_cents) },
      { header: 'Reçu le', value: (r) => date(r.received_on) },
      { header: 'Remise prévue le', value: (r) => date(r.planned_deposit_on) },
      { header: 'Statut', value: (r) => CHEQUE_STATUS_LABELS[r.status] ?? r.status },
      { header: 'Remis le', value: (r) => date(r.deposit_date) },
      { header: 'Bordereau', value: (r) => r.slip ?? '' },
      { header: 'Rejeté le', value: (r) => date(r.returned_on) },
      { header: 'Motif du rejet', value: (r) => r.return_reason },
      { header: 'Note', value: (r) => r.note },
    ],
    rows,
  );
}

const DEBIT_STATUS_LABELS: Record<string, string> = { pending: 'Envoyé à la banque', settled: 'Payé', rejected: 'Rejeté', cancelled: 'Annulé' };

export function sepaDebitsCsv(db: Db, subscriberId: number): Table {
  const rows = db.all<{ collection_date: string; invoice_number: string | null; amount_cents: number; rum: string; iban: string; bic: string; sequence_type: string; end_to_end_id: string; status: string; return_kind: keyof typeof RETURN_KIND_LABELS | null; return_code: string | null; return_date: string | null; return_note: string }>(
    `SELECT b.collection_date, i.number AS invoice_number, d.* FROM sepa_debits d JOIN sepa_batches b ON b.id = d.batch_id
     LEFT JOIN invoices i ON i.id = d.invoice_id WHERE d.subscriber_id = ? ORDER BY b.collection_date, d.id`,
    [subscriberId],
  );
  return table(
    [
      { header: 'Date de prélèvement', value: (r) => date(r.collection_date) },
      { header: 'Facture', value: (r) => r.invoice_number ?? '' },
      { header: 'Montant', value: (r) => euros(r.amount_cents) },
      { header: 'RUM', value: (r) => r.rum },
      { header: 'IBAN', value: (r) => r.iban },
      { header: 'BIC', value: (r) => r.bic },
      { header: 'Séquence', value: (r) => r.sequence_type },
      { header: 'Référence de bout en bout', value: (r) => r.end_to_end_id },
      { header: 'Statut', value: (r) => DEBIT_STATUS_LABELS[r.status] ?? r.status },
      { header: 'Retour', value: (r) => (r.return_kind ? RETURN_KIND_LABELS[r.return_kind] : '') },
      { header: 'Code R', value: (r) => r.return_code ?? '' },
      { header: 'Motif du retour', value: (r) => (r.return_code ? (R_CODES[r.return_code as RCode] ?? '') : '') },
      { header: 'Date du retour', value: (r) => date(r.return_date) },
      { header: 'Note', value: (r) => r.return_note },
    ],
    rows,
  );
}

interface MandateRow {
  state: string;
  rum: string;
  iban: string;
  bic: string;
  signed_on: string | null;
  revoked_on: string | null;
  replaced_at: string | null;
}

/** The mandate in force (if any), then every earlier state, newest first. */
export function mandatesCsv(db: Db, subscriberId: number): Table {
  const current = db.all<MandateRow>(
    "SELECT 'En vigueur' AS state, mandate_rum AS rum, iban, bic, mandate_signed_on AS signed_on, mandate_revoked_on AS revoked_on, NULL AS replaced_at FROM subscribers WHERE id = ? AND mandate_rum != ''",
    [subscriberId],
  );
  const history = db.all<MandateRow>(
    "SELECT 'Remplacé' AS state, rum, iban, bic, signed_on, revoked_on, replaced_at FROM mandate_history WHERE subscriber_id = ? ORDER BY id DESC",
    [subscriberId],
  );
  return table<MandateRow>(
    [
      { header: 'État', value: (r) => (r.state === 'En vigueur' && r.revoked_on ? 'Révoqué' : r.state) },
      { header: 'RUM', value: (r) => r.rum },
      { header: 'IBAN', value: (r) => r.iban },
      { header: 'BIC', value: (r) => r.bic },
      { header: 'Signé le', value: (r) => date(r.signed_on) },
      { header: 'Révoqué le', value: (r) => date(r.revoked_on) },
      { header: 'Remplacé le', value: (r) => instant(r.replaced_at) },
    ],
    [...current, ...history],
  );
}
