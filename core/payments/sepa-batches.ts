import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, formatDateShortFr, type IsoDate } from '../dates/dates';
import { ofMonth } from '../invoicing/issue';
import { withLedgerWriter } from '../ledger/chain';
import { cents } from '../money/money';
import { readOrganisation } from '../organisation/organisation-handlers';
import { sha256Hex } from '../text/hash';
import { idField, isoDateField } from '../validation/fields';
import { announcedCollectionDate } from './collection-date';
import { readPaymentSettings } from './payment-settings';
import { planDebits, type ExcludedInvoice, type PlannedDebit } from './sepa-candidates';
import { checkEpcRules } from './sepa/epc-rules';
import { buildPain008, type Pain008Message, type Pain008PaymentInfo, type SequenceType } from './sepa/pain008';
import { addTargetDays, isTargetDay, nextTargetDay } from './sepa/target-calendar';

/**
 * SEPA collection batches (issue 7, item 1–2): made from an issued invoice run, frozen when
 * made (debits, mandates, creditor), exported as the same pain.008 file every time, then sent,
 * settled (the ledger is credited at the collection date) or cancelled before being sent.
 */

export type BatchStatus = 'ready' | 'sent' | 'settled' | 'cancelled';

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  ready: 'Prêt à envoyer',
  sent: 'Envoyé à la banque',
  settled: 'Encaissé',
  cancelled: 'Annulé',
};

interface RunRow {
  id: number;
  month: string;
  status: string;
  last_issue: IsoDate | null;
}

function readIssuedRun(db: Db, runId: number): RunRow & { last_issue: IsoDate } {
  const run = db.get<RunRow>(`SELECT r.id, r.month, r.status, (SELECT max(issue_date) FROM invoices WHERE run_id = r.id) AS last_issue FROM invoice_runs r WHERE r.id = ?`, [runId]);
  if (!run) throw new NotFoundError(`Facturation introuvable (n° ${runId}).`);
  if (run.status !== 'issued' || !run.last_issue) throw ValidationError.field('runId', `La facturation ${ofMonth(run.month)} n’est pas encore émise : émettez-la avant de prélever.`);
  return run as RunRow & { last_issue: IsoDate };
}

/**
 * The first day the batch may collect: a TARGET day, at least the pre-notification delay after
 * the invoices (the invoice is the notice, §2.5), and after the bank's D-1 submission day.
 */
export function collectionWindow(invoiceDate: IsoDate, today: IsoDate, settings: { prenotificationDays: number; collectionDay: number }) {
  const afterNotice = addDays(invoiceDate, settings.prenotificationDays);
  const afterSubmission = addTargetDays(today, 1);
  const earliest = nextTargetDay(afterNotice > afterSubmission ? afterNotice : afterSubmission);
  // The day the invoices announced; later only when the batch is made too late for it.
  const announced = announcedCollectionDate(invoiceDate, settings);
  return { earliest, suggested: announced >= earliest ? announced : earliest, afterNotice, afterSubmission };
}

export function collectionDateProblem(date: IsoDate, invoiceDate: IsoDate, today: IsoDate, settings: { prenotificationDays: number; collectionDay: number }): string | null {
  const window = collectionWindow(invoiceDate, today, settings);
  if (!isTargetDay(date)) return `Le ${formatDateShortFr(date)} n’est pas un jour ouvré de la banque (week-end ou jour férié TARGET). Premier jour possible : ${formatDateShortFr(nextTargetDay(date))}.`;
  if (date < window.afterNotice) {
    return `Trop tôt : les adhérents doivent être prévenus ${settings.prenotificationDays} jours avant le prélèvement (factures du ${formatDateShortFr(invoiceDate)}). Premier jour possible : ${formatDateShortFr(window.earliest)}.`;
  }
  if (date < window.afterSubmission) return `Trop tôt : le fichier doit parvenir à la banque au moins un jour ouvré avant. Premier jour possible : ${formatDateShortFr(window.earliest)}.`;
  return null;
}

export const sepaBatchPreview = defineHandler({
  name: 'sepa-batch-preview',
  input: z.object({ runId: idField, collectionDate: isoDateField('Date de prélèvement invalide.').optional() }),
  labels: { runId: 'Facturation', collectionDate: 'Date de prélèvement' },
  mutates: false,
  run: ({ db, clock }, { runId, collectionDate }) => {
    const run = readIssuedRun(db, runId);
    const settings = readPaymentSettings(db);
    const window = collectionWindow(run.last_issue, clock.today(), settings);
    const date = (collectionDate ?? window.suggested) as IsoDate;
    const plan = planDebits(db, runId, date, settings.firstSequenceType);
    return {
      runId,
      month: run.month,
      invoiceDate: run.last_issue,
      collectionDate: date,
      earliestDate: window.earliest,
      suggestedDate: window.suggested,
      dateProblem: collectionDateProblem(date, run.last_issue, clock.today(), settings),
      debits: plan.debits.map(publicDebit),
      excluded: plan.excluded,
      otherMethods: plan.otherMethods,
      count: plan.debits.length,
      totalCents: cents(plan.debits.reduce((sum, d) => sum + d.amountCents, 0)),
    };
  },
});

function publicDebit(d: PlannedDebit) {
  return {
    invoiceId: d.invoiceId,
    invoiceNumber: d.invoiceNumber,
    subscriberId: d.subscriberId,
    name: d.name,
    amountCents: d.amountCents,
    representation: d.representation,
    sequenceType: d.sequenceType,
    amended: d.amendment !== null,
  };
}

/** `PAN20261204093000B0007`: unique per file (the batch id), ≤ 35 SEPA id characters. */
function messageIdOf(now: Date, batchId: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `PAN${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}B${String(batchId).padStart(4, '0')}`;
}

/** `2026-12-04T09:30:00`, local time, as CreDtTm expects it (no zone: the office's clock). */
function localDateTime(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

interface Creditor {
  name: string;
  iban: string;
  bic: string;
  creditorId: string;
}

function creditorOf(db: Db): Creditor {
  const org = readOrganisation(db);
  const missing = [!org.legalName && 'le nom', !org.iban && 'l’IBAN', !org.sepaCreditorId && 'l’identifiant créancier SEPA (ICS)'].filter(Boolean);
  if (missing.length > 0) throw new ValidationError(`Renseignez ${missing.join(', ')} de l’association dans Paramètres → Organisation avant de créer un prélèvement.`);
  return { name: org.legalName, iban: org.iban, bic: org.bic, creditorId: org.sepaCreditorId };
}

export const sepaBatchCreate = defineHandler({
  name: 'sepa-batch-create',
  input: z.object({ runId: idField, collectionDate: isoDateField('Date de prélèvement invalide.') }),
  labels: { runId: 'Facturation', collectionDate: 'Date de prélèvement' },
  mutates: true,
  run: ({ db, clock }, { runId, collectionDate }) => {
    const run = readIssuedRun(db, runId);
    const settings = readPaymentSettings(db);
    const problem = collectionDateProblem(collectionDate as IsoDate, run.last_issue, clock.today(), settings);
    if (problem) throw ValidationError.field('collectionDate', problem);
    const creditor = creditorOf(db);
    const { debits, excluded } = planDebits(db, runId, collectionDate as IsoDate, settings.firstSequenceType);
    if (debits.length === 0) throw new ConflictError(`Aucune facture ${ofMonth(run.month)} à prélever : voyez la liste des factures écartées et leur raison.`);
    const now = clock.now();
    const total = debits.reduce((sum, d) => sum + d.amountCents, 0);
    const batchId = (db.get<{ n: number | null }>('SELECT max(id) AS n FROM sepa_batches')?.n ?? 0) + 1;
    db.run(
      `INSERT INTO sepa_batches (id, run_id, message_id, created_at, collection_date, pain_version, creditor, debit_count, total_cents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [batchId, runId, messageIdOf(now, batchId), localDateTime(now), collectionDate, settings.painVersion, JSON.stringify(creditor), debits.length, total],
    );
    db.withStatement(
      `INSERT INTO sepa_debits (batch_id, invoice_id, subscriber_id, amount_cents, end_to_end_id, sequence_type, debtor_name, iban, bic, rum, mandate_signed_on,
         original_rum, original_iban, changed_bank, remittance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      (insert) => {
        for (const d of debits) {
          insert.run([
            batchId, d.invoiceId, d.subscriberId, d.amountCents, d.endToEndId, d.sequenceType, d.name, d.iban, d.bic, d.rum, d.mandateSignedOn,
            d.amendment?.originalRum ?? null, d.amendment?.originalIban ?? null, d.amendment?.changedBank ? 1 : 0, d.remittance,
          ]);
        }
      },
    );
    return readBatch(db, batchId, excluded);
  },
});

interface BatchRow {
  id: number;
  run_id: number | null;
  month: string | null;
  message_id: string;
  created_at: string;
  collection_date: IsoDate;
  pain_version: '001.08' | '001.02';
  creditor: string;
  status: BatchStatus;
  debit_count: number;
  total_cents: number;
  xml_sha256: string | null;
  exported_at: string | null;
  sent_at: string | null;
  settled_at: string | null;
  cancelled_at: string | null;
}

interface DebitRow {
  id: number;
  invoice_id: number;
  invoice_number: string;
  subscriber_id: number;
  amount_cents: number;
  end_to_end_id: string;
  sequence_type: SequenceType;
  debtor_name: string;
  iban: string;
  bic: string;
  rum: string;
  mandate_signed_on: IsoDate;
  original_rum: string | null;
  original_iban: string | null;
  changed_bank: number;
  remittance: string;
  status: 'pending' | 'settled' | 'rejected' | 'cancelled';
  return_kind: 'reject' | 'return' | 'refund' | null;
  return_code: string | null;
  return_date: IsoDate | null;
  return_note: string;
}

const BATCH_SELECT = `SELECT b.*, r.month FROM sepa_batches b LEFT JOIN invoice_runs r ON r.id = b.run_id`;

function batchRow(db: Db, batchId: number): BatchRow {
  const row = db.get<BatchRow>(`${BATCH_SELECT} WHERE b.id = ?`, [batchId]);
  if (!row) throw new NotFoundError(`Lot de prélèvements introuvable (n° ${batchId}).`);
  return row;
}

function debitRows(db: Db, batchId: number): DebitRow[] {
  return db.all<DebitRow>('SELECT d.*, i.number AS invoice_number FROM sepa_debits d JOIN invoices i ON i.id = d.invoice_id WHERE d.batch_id = ? ORDER BY d.id', [batchId]);
}

function batchSummary(b: BatchRow) {
  return {
    id: b.id,
    runId: b.run_id,
    month: b.month,
    messageId: b.message_id,
    createdAt: b.created_at,
    collectionDate: b.collection_date,
    painVersion: b.pain_version,
    status: b.status,
    statusLabel: BATCH_STATUS_LABELS[b.status],
    count: b.debit_count,
    totalCents: cents(b.total_cents),
    exportedAt: b.exported_at,
    sentAt: b.sent_at,
    settledAt: b.settled_at,
    cancelledAt: b.cancelled_at,
  };
}

/** `excluded`: already known (the batch was just planned), else planned again with today's reasons. */
export function readBatch(db: Db, batchId: number, excluded?: ExcludedInvoice[]) {
  const b = batchRow(db, batchId);
  const debits = debitRows(db, batchId).map((d) => ({
    id: d.id,
    invoiceId: d.invoice_id,
    invoiceNumber: d.invoice_number,
    subscriberId: d.subscriber_id,
    name: d.debtor_name,
    amountCents: cents(d.amount_cents),
    endToEndId: d.end_to_end_id,
    sequenceType: d.sequence_type,
    iban: d.iban,
    rum: d.rum,
    amended: d.original_rum !== null || d.original_iban !== null || d.changed_bank === 1,
    status: d.status,
    returnKind: d.return_kind,
    returnCode: d.return_code,
    returnDate: d.return_date,
    returnNote: d.return_note,
  }));
  const rejected = debits.filter((d) => d.status === 'rejected');
  return {
    ...batchSummary(b),
    debits,
    rejectedCount: rejected.length,
    rejectedCents: cents(rejected.reduce((sum, d) => sum + d.amountCents, 0)),
    // Invoices of the run that are not in this batch, with today's reason.
    excluded: b.run_id === null || b.status === 'cancelled' ? [] : (excluded ?? excludedOfRun(db, b.run_id, b.collection_date, batchId)),
  };
}

function excludedOfRun(db: Db, runId: number, collectionDate: IsoDate, batchId: number): ExcludedInvoice[] {
  const plan = planDebits(db, runId, collectionDate, readPaymentSettings(db).firstSequenceType);
  return plan.excluded.filter((e) => e.reason !== `Déjà dans le lot de prélèvements n° ${batchId}.`);
}

export const sepaBatchList = defineHandler({
  name: 'sepa-batch-list',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => {
    const rejected = new Map(
      db.all<{ b: number; n: number; t: number }>("SELECT batch_id AS b, count(*) AS n, sum(amount_cents) AS t FROM sepa_debits WHERE status = 'rejected' GROUP BY batch_id").map((r) => [r.b, r]),
    );
    return db.all<BatchRow>(`${BATCH_SELECT} ORDER BY b.collection_date DESC, b.id DESC`).map((b) => ({
      ...batchSummary(b),
      rejectedCount: rejected.get(b.id)?.n ?? 0,
      rejectedCents: cents(rejected.get(b.id)?.t ?? 0),
    }));
  },
});

export const sepaBatchGet = defineHandler({
  name: 'sepa-batch-get',
  input: z.object({ batchId: idField }),
  mutates: false,
  run: ({ db }, { batchId }) => readBatch(db, batchId),
});

/** The batch as the pain.008 message, from its frozen rows only (so it never changes). */
export function batchMessage(db: Db, batchId: number): Pain008Message {
  const b = batchRow(db, batchId);
  const creditor = JSON.parse(b.creditor) as Creditor;
  const groups = new Map<SequenceType, DebitRow[]>();
  // A cancelled batch is never exported; a debit rejected later stays in the file that was sent.
  for (const d of debitRows(db, batchId)) groups.set(d.sequence_type, [...(groups.get(d.sequence_type) ?? []), d]);
  const paymentInfos: Pain008PaymentInfo[] = [...groups].map(([sequenceType, rows], i) => ({
    paymentInfoId: `${b.message_id}-${i + 1}`,
    sequenceType,
    collectionDate: b.collection_date,
    transactions: rows.map((d) => ({
      endToEndId: d.end_to_end_id,
      amountCents: d.amount_cents,
      mandateId: d.rum,
      mandateSignedOn: d.mandate_signed_on,
      amendment:
        d.original_rum || d.original_iban || d.changed_bank
          ? { originalMandateId: d.original_rum ?? undefined, originalDebtorIban: d.original_iban ?? undefined, debtorChangedBank: d.changed_bank === 1 }
          : null,
      debtorName: d.debtor_name,
      debtorIban: d.iban,
      debtorBic: d.bic || null,
      remittance: d.remittance,
    })),
  }));
  return {
    version: b.pain_version,
    messageId: b.message_id,
    createdAt: b.created_at,
    initiatingPartyName: creditor.name,
    creditor: { name: creditor.name, iban: creditor.iban, bic: creditor.bic || null, creditorId: creditor.creditorId },
    paymentInfos,
  };
}

/**
 * The pain.008 file. The first export records its SHA-256; every later export rebuilds the
 * file from the frozen rows and must give the same bytes (the bank may ask for it again).
 */
export const sepaBatchExport = defineHandler({
  name: 'sepa-batch-export',
  input: z.object({ batchId: idField }),
  mutates: true,
  run: ({ db, clock }, { batchId }) => {
    const b = batchRow(db, batchId);
    if (b.status === 'cancelled') throw new ConflictError(`Le lot n° ${batchId} est annulé : il ne peut plus être exporté.`);
    const xml = buildPain008(batchMessage(db, batchId));
    const problems = checkEpcRules(xml);
    if (problems.length > 0) throw new ValidationError(`Le fichier de prélèvements ne respecte pas les règles SEPA : ${problems.join(' ')}`);
    const sha256 = sha256Hex(xml);
    if (b.xml_sha256 === null) db.run('UPDATE sepa_batches SET xml_sha256 = ?, exported_at = ? WHERE id = ?', [sha256, clock.now().toISOString(), batchId]);
    else if (b.xml_sha256 !== sha256) throw new Error(`sepa batch ${batchId}: the rebuilt file differs from the first export`);
    return { fileName: `prelevements-${b.collection_date}-lot-${batchId}.xml`, content: xml, sha256, count: b.debit_count, totalCents: cents(b.total_cents) };
  },
});

function assertStatus(b: BatchRow, allowed: BatchStatus[], action: string): void {
  if (!allowed.includes(b.status)) throw new ConflictError(`Impossible ${action} le lot n° ${b.id} : il est « ${BATCH_STATUS_LABELS[b.status].toLowerCase()} ».`);
}

export const sepaBatchCancel = defineHandler({
  name: 'sepa-batch-cancel',
  input: z.object({ batchId: idField }),
  mutates: true,
  run: ({ db, clock }, { batchId }) => {
    const b = batchRow(db, batchId);
    assertStatus(b, ['ready'], 'd’annuler');
    db.run("UPDATE sepa_debits SET status = 'cancelled' WHERE batch_id = ?", [batchId]);
    db.run("UPDATE sepa_batches SET status = 'cancelled', cancelled_at = ? WHERE id = ?", [clock.now().toISOString(), batchId]);
    return readBatch(db, batchId);
  },
});

export const sepaBatchMarkSent = defineHandler({
  name: 'sepa-batch-mark-sent',
  input: z.object({ batchId: idField }),
  mutates: true,
  run: ({ db, clock }, { batchId }) => {
    const b = batchRow(db, batchId);
    assertStatus(b, ['ready'], 'de marquer comme envoyé');
    if (b.exported_at === null) throw new ConflictError('Exportez d’abord le fichier de prélèvements, puis déposez-le à la banque avant de le marquer envoyé.');
    db.run("UPDATE sepa_batches SET status = 'sent', sent_at = ? WHERE id = ?", [clock.now().toISOString(), batchId]);
    return readBatch(db, batchId);
  },
});

/** The bank has collected: every debit still pending is paid on the ledger at the collection date. */
export const sepaBatchSettle = defineHandler({
  name: 'sepa-batch-settle',
  input: z.object({ batchId: idField }),
  mutates: true,
  run: ({ db, clock }, { batchId }) => {
    const b = batchRow(db, batchId);
    assertStatus(b, ['sent'], 'de marquer comme encaissé');
    if (clock.today() < b.collection_date) throw new ConflictError(`Le prélèvement a lieu le ${formatDateShortFr(b.collection_date)} : il ne peut pas être encaissé avant.`);
    const pending = debitRows(db, batchId).filter((d) => d.status === 'pending');
    const now = clock.now().toISOString();
    withLedgerWriter(db, now, (ledger) => {
      for (const d of pending) {
        ledger.append({
          subscriberId: d.subscriber_id,
          date: b.collection_date,
          kind: 'payment',
          amountCents: d.amount_cents,
          method: 'sepa',
          reference: d.invoice_number,
          label: `Prélèvement SEPA du ${formatDateShortFr(b.collection_date)} (facture ${d.invoice_number})`,
          sourceType: 'sepa_debit',
          sourceId: d.id,
        });
      }
    });
    db.run("UPDATE sepa_debits SET status = 'settled' WHERE batch_id = ? AND status = 'pending'", [batchId]);
    db.run("UPDATE sepa_batches SET status = 'settled', settled_at = ? WHERE id = ?", [now, batchId]);
    return readBatch(db, batchId);
  },
});
