import type { Db } from '../db/database';
import { cents, type Cents } from '../money/money';
import { foldText } from '../text/fold';
import { SUBSCRIBER_NAME_SQL } from './payment-common';

export type ChequeStatus = 'received' | 'deposited' | 'returned';

/** A cheque as the screens show it, with the subscriber it was credited to. */
export interface Cheque {
  id: number;
  subscriberId: number;
  subscriberName: string;
  number: string;
  bank: string;
  /** Who signed the cheque (tireur): the subscriber or someone paying for them. */
  drawer: string;
  amountCents: Cents;
  receivedOn: string;
  plannedDepositOn: string;
  status: ChequeStatus;
  depositSlipId: number | null;
  depositSlipNumber: string | null;
  returnedOn: string | null;
  returnReason: string;
  createdAt: string;
}

interface ChequeRow {
  id: number;
  subscriber_id: number;
  subscriber_name: string;
  number: string;
  bank: string;
  drawer: string;
  amount_cents: number;
  received_on: string;
  planned_deposit_on: string;
  status: ChequeStatus;
  deposit_slip_id: number | null;
  deposit_slip_number: string | null;
  returned_on: string | null;
  return_reason: string;
  created_at: string;
}

export const CHEQUE_SELECT = `SELECT c.id, c.subscriber_id, ${SUBSCRIBER_NAME_SQL} AS subscriber_name, c.number, c.bank, c.drawer, c.amount_cents,
    c.received_on, c.planned_deposit_on, c.status, c.deposit_slip_id, d.number AS deposit_slip_number, c.returned_on, c.return_reason, c.created_at
  FROM cheques c JOIN subscribers s ON s.id = c.subscriber_id LEFT JOIN deposit_slips d ON d.id = c.deposit_slip_id`;

export function chequeFromDb(r: ChequeRow): Cheque {
  return {
    id: r.id,
    subscriberId: r.subscriber_id,
    subscriberName: r.subscriber_name,
    number: r.number,
    bank: r.bank,
    drawer: r.drawer,
    amountCents: cents(r.amount_cents),
    receivedOn: r.received_on,
    plannedDepositOn: r.planned_deposit_on,
    status: r.status,
    depositSlipId: r.deposit_slip_id,
    depositSlipNumber: r.deposit_slip_number,
    returnedOn: r.returned_on,
    returnReason: r.return_reason,
    createdAt: r.created_at,
  };
}

export function readChequesWhere(db: Db, where: string, params: Record<string, string | number>): Cheque[] {
  return db.all<ChequeRow>(`${CHEQUE_SELECT} WHERE ${where}`, params).map(chequeFromDb);
}

export function readChequesByIds(db: Db, ids: readonly number[]): Cheque[] {
  if (ids.length === 0) return [];
  return readChequesWhere(db, `c.id IN (${ids.map(Number).join(',')})`, {});
}

/**
 * The identity of a paper cheque: its bank and number, compared as people type them
 * (« Crédit Agricole » = « credit agricole », « 0012 345 » = « 0012345 »).
 */
export function chequeKey(bank: string, number: string): string {
  return `${foldText(bank)}|${number.replace(/[\s.-]/g, '')}`;
}

/** Live cheques (received or deposited) with that bank and number; a returned cheque may be presented again. */
export function findLiveDuplicate(db: Db, bank: string, number: string, exceptId?: number): Cheque | undefined {
  const key = chequeKey(bank, number);
  const digits = number.replace(/[\s.-]/g, '');
  // The number narrows the search in SQL; the bank is compared folded in memory.
  return readChequesWhere(db, "replace(replace(replace(c.number, ' ', ''), '.', ''), '-', '') = :n AND c.status != 'returned' AND c.id != :except", {
    ':n': digits,
    ':except': exceptId ?? 0,
  }).find((c) => chequeKey(c.bank, c.number) === key);
}

/** The ledger entry that credited a cheque (kind payment, source cheque). */
export function chequePaymentEntryId(db: Db, chequeId: number): number | null {
  return db.get<{ id: number }>("SELECT id FROM ledger_entries WHERE source_type = 'cheque' AND source_id = ? AND kind = 'payment' ORDER BY id LIMIT 1", [chequeId])?.id ?? null;
}
