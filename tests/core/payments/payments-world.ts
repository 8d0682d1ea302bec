import { expect } from 'vitest';
import { createInvoicingWorld } from '../invoicing/invoicing-world';

/** The association's account, for deposit slips. */
export const ORG_IBAN = 'FR76 3000 4000 0312 3456 7890 143';

/** The invoicing world (fixed clock: Friday 4 December 2026) with the organisation's account filled in. */
export async function createPaymentsWorld(organisation: Record<string, unknown> = {}) {
  const world = await createInvoicingWorld({ iban: ORG_IBAN, bic: 'BNPAFRPP', ...organisation });
  const call = async <T = Record<string, unknown>>(name: string, input: Record<string, unknown>) => (await world.backend.call(name as never, input as never)) as T;
  /** The error a call fails with (fails the test when the call succeeds). */
  const refusal = async (name: string, input: Record<string, unknown>) => {
    const error = await world.backend.call(name as never, input as never).then(
      () => null,
      (e: unknown) => e as { type: string; message: string; fields?: Record<string, string> },
    );
    expect(error, `${name} should have been refused`).not.toBeNull();
    return error!;
  };
  const entryCount = (subscriberId: number) => world.db.get<{ n: number }>('SELECT count(*) AS n FROM ledger_entries WHERE subscriber_id = ?', [subscriberId])!.n;
  /** A cheque payer with no subscription (the name « Test Abonné NNN »). */
  const payer = (fields: Record<string, unknown> = {}) => world.subscriber({ paymentMethod: 'cheque', ...fields });
  return { ...world, call, refusal, entryCount, payer };
}

export type PaymentsWorld = Awaited<ReturnType<typeof createPaymentsWorld>>;

export interface ChequeOut {
  id: number;
  subscriberId: number;
  subscriberName: string;
  number: string;
  bank: string;
  drawer: string;
  amountCents: number;
  receivedOn: string;
  plannedDepositOn: string;
  status: string;
  depositSlipId: number | null;
  depositSlipNumber: string | null;
  returnedOn: string | null;
  returnReason: string;
}

export async function recordCheques(w: PaymentsWorld, subscriberId: number, cheques: Record<string, unknown>[]) {
  return (await w.call<{ cheques: ChequeOut[] }>('cheque-record', { subscriberId, cheques })).cheques;
}
