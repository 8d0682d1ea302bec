import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubscriberPage } from '../../../renderer/subscribers/detail/SubscriberPage';
import { createInvoicingWorld } from '../../core/invoicing/invoicing-world';
import { settableClock } from '../../support/clock';
import { TEST_NOW } from '../../support/core';
import { validOrganisation } from '../../support/organisation';
import { renderAgainst } from '../app-harness';

const ORG = validOrganisation();
const GOOD_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const AFTER_SETTLEMENT = '2026-12-22T09:00:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(AFTER_SETTLEMENT));
});
afterEach(() => vi.useRealTimers());

/**
 * April invoiced on 4 December 2026, debited on the 18th and settled; Hélène Le Gall's debit
 * then comes back rejected (AM04). Révoqué's mandate was revoked before the run.
 */
async function rejectedDebit() {
  const clock = settableClock(TEST_NOW);
  const w = await createInvoicingWorld({ iban: ORG.iban, bic: ORG.bic, sepaCreditorId: ORG.sepaCreditorId }, { clock });
  const sepa = (lastName: string, rum: string) => ({ lastName, paymentMethod: 'sepa', iban: GOOD_IBAN, mandateRum: rum, mandateSignedOn: '2026-01-02' });
  const legall = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { ...sepa('Le Gall', 'RUM-0001'), firstName: 'Hélène' }));
  const revoked = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, sepa('Révoqué', 'RUM-0003')));
  await w.backend.call('mandate-revoke', { subscriberId: revoked, date: '2026-11-30' });
  await w.closeMonth('2026-04');
  const runId = (await w.issue((await w.prepare('2026-04')).id)).run.id;
  const batch = (await w.backend.call('sepa-batch-create', { runId, collectionDate: '2026-12-18' })) as { id: number; debits: { id: number; subscriberId: number }[] };
  await w.backend.call('sepa-batch-export', { batchId: batch.id });
  await w.backend.call('sepa-batch-mark-sent', { batchId: batch.id });
  clock.set(AFTER_SETTLEMENT);
  await w.backend.call('sepa-batch-settle', { batchId: batch.id });
  const debit = batch.debits.find((d) => d.subscriberId === legall)!;
  await w.backend.call('sepa-debit-return', { debitId: debit.id, kind: 'reject', code: 'AM04', date: '2026-12-21' });
  const open = (await w.backend.call('sepa-return-list', { subscriberId: legall })) as { returns: { invoiceNumber: string }[] };
  return { ...w, legall, revoked, invoiceNumber: open.returns[0]!.invoiceNumber };
}

describe('SEPA alerts on the subscriber’s page', () => {
  it('shows an open reject with its R-code and invoice, and switches the subscriber to cheques after a confirmation', async () => {
    const user = userEvent.setup();
    const w = await rejectedDebit();
    const { calls } = renderAgainst(w.backend, <SubscriberPage id={w.legall} readOnly={false} onBack={() => {}} />);
    const alerts = await screen.findByRole('region', { name: 'Alertes de règlement' });
    expect(within(alerts).getByText('Prélèvement rejeté le 21/12/2026')).toBeInTheDocument();
    expect(within(alerts).getByText(`AM04 : provision insuffisante — facture ${w.invoiceNumber}, 42,00 €.`)).toBeInTheDocument();
    expect(within(alerts).getByText(/La facture sera présentée de nouveau au prochain prélèvement/)).toBeInTheDocument();

    await user.click(within(alerts).getByRole('button', { name: 'Passer au paiement par chèque' }));
    const confirm = await screen.findByRole('dialog', { name: 'Passer au paiement par chèque ?' });
    expect(calls.some((c) => c.method === 'subscriber-update')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Passer au chèque' }));

    await waitFor(() => expect(screen.getByRole('region', { name: 'Coordonnées et règlement' })).toHaveTextContent('Règlement : Chèque'));
    expect(await w.backend.call('subscriber-get', { id: w.legall })).toMatchObject({ paymentMethod: 'cheque', firstName: 'Hélène', lastName: 'Le Gall', mandateRum: 'RUM-0001' });
    // Still owed, but no longer presented again: the alert says to wait for the payment.
    const after = screen.getByRole('region', { name: 'Alertes de règlement' });
    expect(within(after).getByText(/ne paie plus par prélèvement/)).toBeInTheDocument();
    expect(within(after).queryByRole('button', { name: 'Passer au paiement par chèque' })).not.toBeInTheDocument();
  });

  it('says a SEPA payer’s mandate is revoked', async () => {
    const w = await rejectedDebit();
    renderAgainst(w.backend, <SubscriberPage id={w.revoked} readOnly={false} onBack={() => {}} />);
    const alerts = await screen.findByRole('region', { name: 'Alertes de règlement' });
    expect(within(alerts).getByText('Mandat SEPA RUM-0003 : révoqué')).toBeInTheDocument();
    expect(within(alerts).getByText(/Révoqué le 30\/11\/2026 : plus aucun prélèvement possible/)).toBeInTheDocument();
  });
});
