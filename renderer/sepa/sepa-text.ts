import { formatDateShortFr, type IsoDate } from '../../core/dates/dates';
import type { BatchStatus } from '../../core/payments/sepa-batches';
import { R_CODES, RETURN_KIND_LABELS, type RCode } from '../../core/payments/sepa-returns';

/** Ready asks for an action (orange), sent waits for the bank (blue), settled is done (green). */
export const BATCH_STATUS_COLOURS: Record<BatchStatus, string> = { ready: 'orange', sent: 'blue', settled: 'leaf', cancelled: 'gray' };

export const DEBIT_STATUS_LABELS: Record<'pending' | 'settled' | 'rejected' | 'cancelled', string> = {
  pending: 'En attente',
  settled: 'Encaissé',
  rejected: 'Rejeté',
  cancelled: 'Annulé',
};

export const DEBIT_STATUS_COLOURS: Record<keyof typeof DEBIT_STATUS_LABELS, string> = { pending: 'blue', settled: 'leaf', rejected: 'red', cancelled: 'gray' };

/** « AM04 — Provision insuffisante », as the bank's reject notice says it. */
export const R_CODE_OPTIONS = (Object.keys(R_CODES) as RCode[]).map((code) => ({ value: code, label: `${code} — ${R_CODES[code]}` }));

export const RETURN_KIND_OPTIONS = (Object.keys(RETURN_KIND_LABELS) as (keyof typeof RETURN_KIND_LABELS)[]).map((kind) => ({ value: kind, label: RETURN_KIND_LABELS[kind] }));

export const shortDate = (day: string | null | undefined) => (day ? formatDateShortFr(day as IsoDate) : '');

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n > 1 ? many : one}`;
