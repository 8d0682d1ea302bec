import type { Db } from '../../../core';
import { addEntry } from '../../../core/ledger/ledger';
import { TEST_NOW } from '../../support/core';
import { createInvoicingWorld, type ORGANISATION } from '../invoicing/invoicing-world';

/**
 * A world with April 2026 invoiced (issued on the test day, 2026-12-04): Morvan pays by SEPA
 * and owes a cotisation, Le Goff pays by cheque. The payment rows are written here directly
 * in SQL, as /tmp/payments-model.md describes them, and their ledger entries through addEntry.
 */
export async function createAccountingWorld(organisation: Partial<typeof ORGANISATION> = {}) {
  const w = await createInvoicingWorld(organisation);
  const solidaire = ((await w.backend.call('membership-type-create', { label: 'Solidaire', amountCents: 2000 })) as { id: number }).id;
  const morvan = await w.subscriberOf(
    await w.subscribe(w.depots.riantec, {}, { lastName: 'Morvan', firstName: 'Anne', paymentMethod: 'sepa', iban: 'FR76 3000 6000 0112 3456 7890 189', mandateRum: 'RUM-0001', mandateSignedOn: '2026-01-02', membershipTypeId: solidaire }),
  );
  const leGoff = await w.subscriberOf(await w.subscribe(w.depots.portLouis, {}, { lastName: 'Le Goff', firstName: 'Yann', paymentMethod: 'cheque' }));
  await w.closeMonth('2026-04');
  const run = await w.issue((await w.prepare('2026-04')).id);
  const invoiceOf = async (s: number) => (await w.invoiceFor(run.run, s))!;
  return { ...w, morvan, leGoff, morvanInvoice: await invoiceOf(morvan), leGoffInvoice: await invoiceOf(leGoff), payments: paymentsOf(w.db) };
}

/** Payment rows of the payments model, as the SEPA, cheque and other-payment screens write them. */
export function paymentsOf(db: Db) {
  let seq = 0;
  const entry = (e: Parameters<typeof addEntry>[1]) => addEntry(db, e, TEST_NOW);
  return {
    /** A settled batch: one debit per invoice, paid on the ledger on the collection date. */
    settledBatch(collectionDate: string, debits: { invoiceId: number; subscriberId: number; amountCents: number; invoiceNumber: string }[]) {
      seq++;
      const total = debits.reduce((sum, d) => sum + d.amountCents, 0);
      const batchId = db.run(
        `INSERT INTO sepa_batches (message_id, created_at, collection_date, pain_version, creditor, status, debit_count, total_cents, settled_at)
         VALUES (?, ?, ?, '001.08', '{}', 'settled', ?, ?, ?)`,
        [`MSG-${seq}`, TEST_NOW, collectionDate, debits.length, total, TEST_NOW],
      ).lastInsertRowid;
      return debits.map((d, i) => {
        const debitId = db.run(
          `INSERT INTO sepa_debits (batch_id, invoice_id, subscriber_id, amount_cents, end_to_end_id, sequence_type, debtor_name, iban, rum, mandate_signed_on, remittance, status)
           VALUES (?, ?, ?, ?, ?, 'RCUR', 'Debiteur', 'FR7630006000011234567890189', 'RUM-0001', '2026-01-02', ?, 'settled')`,
          [batchId, d.invoiceId, d.subscriberId, d.amountCents, `E2E-${seq}-${i}`, d.invoiceNumber],
        ).lastInsertRowid;
        const paymentId = entry({ subscriberId: d.subscriberId, date: collectionDate, kind: 'payment', amountCents: d.amountCents, method: 'sepa', reference: d.invoiceNumber, label: `Prélèvement ${d.invoiceNumber}`, sourceType: 'sepa_debit', sourceId: debitId });
        return { debitId, paymentId, ...d };
      });
    },
    /** A return after settlement (R-code): the payment reversed on the return date. */
    sepaReturn(debit: { debitId: number; paymentId: number; subscriberId: number; amountCents: number; invoiceNumber: string }, date: string, code = 'MD06') {
      db.run("UPDATE sepa_debits SET status = 'rejected', return_kind = 'return', return_code = ?, return_date = ? WHERE id = ?", [code, date, debit.debitId]);
      return entry({ subscriberId: debit.subscriberId, date, kind: 'payment_reversal', amountCents: -debit.amountCents, method: 'sepa', reference: debit.invoiceNumber, label: `Prélèvement ${debit.invoiceNumber} retourné (${code})`, sourceType: 'sepa_debit', sourceId: debit.debitId, reversesId: debit.paymentId });
    },
    cheque(subscriberId: number, number: string, amountCents: number, receivedOn: string) {
      const chequeId = db.run(
        'INSERT INTO cheques (subscriber_id, number, bank, drawer, amount_cents, received_on, planned_deposit_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [subscriberId, number, 'Crédit Agricole', 'Le Goff Yann', amountCents, receivedOn, receivedOn, TEST_NOW],
      ).lastInsertRowid;
      const paymentId = entry({ subscriberId, date: receivedOn, kind: 'payment', amountCents, method: 'cheque', reference: number, label: `Chèque Crédit Agricole n° ${number}`, sourceType: 'cheque', sourceId: chequeId });
      return { chequeId, paymentId, subscriberId, amountCents, number };
    },
    depositSlip(number: string, date: string, cheques: readonly { chequeId: number; amountCents: number }[]) {
      const slipId = db.run(
        `INSERT INTO deposit_slips (number, deposit_date, account_holder, account_iban, cheque_count, total_cents, created_at) VALUES (?, ?, 'Optim’ism', 'FR7630006000011234567890189', ?, ?, ?)`,
        [number, date, cheques.length, cheques.reduce((sum, c) => sum + c.amountCents, 0), TEST_NOW],
      ).lastInsertRowid;
      for (const c of cheques) db.run("UPDATE cheques SET status = 'deposited', deposit_slip_id = ? WHERE id = ?", [slipId, c.chequeId]);
      return slipId;
    },
    chequeReturned(c: { chequeId: number; paymentId: number; subscriberId: number; amountCents: number; number: string }, date: string) {
      db.run("UPDATE cheques SET status = 'returned', returned_on = ?, return_reason = 'Sans provision' WHERE id = ?", [date, c.chequeId]);
      return entry({ subscriberId: c.subscriberId, date, kind: 'payment_reversal', amountCents: -c.amountCents, method: 'cheque', reference: c.number, label: `Chèque n° ${c.number} impayé`, sourceType: 'cheque', sourceId: c.chequeId, reversesId: c.paymentId });
    },
    /** Transfer, cash or card: source `payment`, the bank's reference. */
    payment(subscriberId: number, method: 'transfer' | 'cash' | 'card', amountCents: number, date: string, reference: string) {
      return entry({ subscriberId, date, kind: 'payment', amountCents, method, reference, label: `Règlement ${reference}`, sourceType: 'payment' });
    },
    paymentReversal(subscriberId: number, paymentId: number, method: 'transfer' | 'cash' | 'card', amountCents: number, date: string) {
      return entry({ subscriberId, date, kind: 'payment_reversal', amountCents: -amountCents, method, reference: `ANN-${paymentId}`, label: 'Règlement annulé', sourceType: 'payment', reversesId: paymentId });
    },
    refund(subscriberId: number, method: 'transfer' | 'cheque' | 'cash', amountCents: number, date: string, reference: string) {
      return entry({ subscriberId, date, kind: 'refund', amountCents: -amountCents, method, reference, label: `Remboursement ${reference}`, sourceType: 'payment' });
    },
    opening(subscriberId: number, amountCents: number, date: string) {
      return entry({ subscriberId, date, kind: 'opening_balance', amountCents, label: 'Solde repris', sourceType: 'opening' });
    },
    /** History from before Paniers, as the demo writes it: no source document. */
    legacy(subscriberId: number, kind: 'invoice' | 'payment', amountCents: number, date: string) {
      return entry({ subscriberId, date, kind, amountCents, method: kind === 'payment' ? 'sepa' : null, reference: `F${date.slice(0, 7)}`, label: 'Historique' });
    },
  };
}
