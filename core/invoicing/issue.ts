import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { withLedgerWriter } from '../ledger/chain';
import { announcedCollectionDate } from '../payments/collection-date';
import { readPaymentSettings } from '../payments/payment-settings';
import { cents } from '../money/money';
import { compareFr } from '../text/collate';
import { billedStatusSql, findBlockers } from './blockers';
import { applyBalance } from './calculator';
import { balanceLineParams, INSERT_LINE, ledgerBalances } from './drafts';
import { takeNumbers } from './numbering';
import { loadSubscriberRows, organisationBlock, snapshotFromRow } from './snapshot';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `de mai 2026`, `d’avril 2026`: French elides « de » before a vowel (avril, août, octobre). */
export function ofMonth(month: string): string {
  const label = monthLabel(month);
  return /^[aeiouéo]/.test(label) ? `d’${label}` : `de ${label}`;
}

function assertIssuable(db: Db, runId: number): string {
  const run = db.get<{ month: string; status: string }>('SELECT month, status FROM invoice_runs WHERE id = ?', [runId]);
  if (!run) throw new NotFoundError(`Facturation introuvable (n° ${runId}).`);
  if (run.status === 'issued') throw new ConflictError(`La facturation ${ofMonth(run.month)} est déjà émise : on n’émet pas deux fois.`);
  const blockers = findBlockers(db, run.month);
  if (blockers.length > 0) throw new ValidationError(`Émission impossible : ${blockers[0]!.message} Puis préparez à nouveau les brouillons.`);
  const stale = db.get<{ n: number }>(
    `SELECT count(*) AS n FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN deliveries r ON r.id = l.delivery_id
     WHERE i.run_id = ? AND i.status = 'draft' AND NOT (${billedStatusSql(db)})`,
    [runId],
  )!.n;
  if (stale > 0) throw new ConflictError(`${stale} livraison${stale > 1 ? 's ont' : ' a'} été corrigée${stale > 1 ? 's' : ''} depuis la préparation : préparez à nouveau les brouillons avant d’émettre.`);
  // Another month issued since this draft may have billed the same membership period.
  const paidTwice = db.get<{ n: number }>(
    `SELECT count(*) AS n FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
     WHERE i.run_id = ? AND i.status = 'draft' AND l.kind = 'membership' AND EXISTS (
       SELECT 1 FROM invoice_lines p JOIN invoices pi ON pi.id = p.invoice_id
       WHERE pi.subscriber_id = i.subscriber_id AND pi.status = 'issued' AND p.kind = 'membership'
         AND p.covers_from <= l.covers_to AND l.covers_from <= p.covers_to
         AND NOT EXISTS (SELECT 1 FROM credit_note_lines c WHERE c.invoice_line_id = p.id))`,
    [runId],
  )!.n;
  if (paidTwice > 0) throw new ConflictError(`${paidTwice} cotisation${paidTwice > 1 ? 's sont' : ' est'} déjà facturée${paidTwice > 1 ? 's' : ''} par un autre mois émis depuis : préparez à nouveau les brouillons avant d’émettre.`);
  return run.month;
}

interface DraftRow {
  id: number;
  subscriber_id: number;
  last_name: string;
  first_name: string;
  gross_cents: number;
  baskets: number | null;
  membership: number | null;
}

/**
 * Issues a draft run inside the caller's transaction: in subscriber-name order each draft
 * takes the next number, its balance lines (from the ledger now) and snapshot are refreshed
 * and frozen, and the ledger is debited (baskets and cotisation as separate entries). Any
 * failure rolls back every number taken with the rest, so the series never skips.
 */
export function issueRun(db: Db, runId: number, today: string, now: string): { issued: number; firstNumber: string | null; lastNumber: string | null } {
  const month = assertIssuable(db, runId);
  const drafts = db
    .all<DraftRow>(
      `SELECT i.id, i.subscriber_id, s.last_name, s.first_name, i.gross_cents,
              (SELECT sum(gross_cents) FROM invoice_lines WHERE invoice_id = i.id AND kind = 'basket') AS baskets,
              (SELECT sum(gross_cents) FROM invoice_lines WHERE invoice_id = i.id AND kind = 'membership') AS membership
       FROM invoices i JOIN subscribers s ON s.id = i.subscriber_id WHERE i.run_id = ? AND i.status = 'draft'`,
      [runId],
    )
    .sort((a, b) => compareFr(a.last_name, b.last_name) || compareFr(a.first_name, b.first_name) || a.id - b.id);
  const numbers = takeNumbers(db, 'FA', Number(today.slice(0, 4)), drafts.length);
  const org = organisationBlock(db);
  const subscribers = loadSubscriberRows(db, drafts.map((d) => d.subscriber_id));
  const balances = ledgerBalances(db);
  const collectionDay = announcedCollectionDate(today as IsoDate, readPaymentSettings(db));
  db.run("DELETE FROM invoice_lines WHERE kind IN ('balance_forward', 'credit') AND invoice_id IN (SELECT id FROM invoices WHERE run_id = ? AND status = 'draft')", [runId]);
  db.withStatement(INSERT_LINE, (insertLine) =>
    withLedgerWriter(db, now, (ledger) =>
        db.withStatement(
          `UPDATE invoices SET balance_forward_cents = ?, credit_applied_cents = ?, amount_due_cents = ?, credit_remaining_cents = ?,
             status = 'issued', number = ?, issue_date = ?, issued_at = ?, snapshot = ? WHERE id = ?`,
          (update) => {
            drafts.forEach((d, i) => {
              const number = numbers[i]!;
              // Balance lines reflect the ledger at the issuing moment (a payment may have come since the draft).
              const balance = applyBalance(d.gross_cents, balances.get(d.subscriber_id) ?? 0);
              for (const params of balanceLineParams(d.id, balance)) insertLine.run(params);
              const source = { subscriberId: d.subscriber_id, date: today, kind: 'invoice', reference: number, sourceType: 'invoice', sourceId: d.id } as const;
              if (d.baskets) ledger.append({ ...source, amountCents: cents(-d.baskets), label: `Facture ${number} : paniers ${ofMonth(month)}` });
              if (d.membership) ledger.append({ ...source, amountCents: cents(-d.membership), label: `Facture ${number} : cotisation` });
              const snap = snapshotFromRow(subscribers.get(d.subscriber_id)!, org);
              if (snap.payment.method === 'sepa') snap.payment.collectionDate = collectionDay;
              const snapshot = JSON.stringify(snap);
              update.run([balance.balanceForwardCents, balance.creditAppliedCents, balance.amountDueCents, balance.creditRemainingCents, number, today, now, snapshot, d.id]);
            });
          },
        ),
    ),
  );
  db.run("UPDATE invoice_runs SET status = 'issued', issued_at = ? WHERE id = ?", [now, runId]);
  return { issued: drafts.length, firstNumber: numbers[0] ?? null, lastNumber: numbers.at(-1) ?? null };
}


