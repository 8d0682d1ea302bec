import { fromLocalDate } from '../../../core/dates/dates';
import { AppFrame } from '../../../renderer/shell/AppFrame';
import { settableClock } from '../../support/clock';
import { TEST_NOW } from '../../support/core';
import { validOrganisation } from '../../support/organisation';
import { createInvoicingWorld } from '../../core/invoicing/invoicing-world';
import { renderAgainst } from '../app-harness';

const ORG = validOrganisation();
export const GOOD_IBAN = 'FR76 3000 6000 0112 3456 7890 189';

/**
 * April invoiced on Friday 4 December 2026 (the core tests' world): Hélène Le Gall and Morvan
 * pay by SEPA, Révoqué's mandate is revoked, Chèque pays by cheque. The backend's clock and the
 * renderer's « now » move together when the test sets a day.
 */
export async function aprilInvoiced() {
  const clock = settableClock(TEST_NOW);
  const w = await createInvoicingWorld({ iban: ORG.iban, bic: ORG.bic, sepaCreditorId: ORG.sepaCreditorId }, { clock });
  const sepa = (lastName: string, rum: string) => ({ lastName, paymentMethod: 'sepa', iban: GOOD_IBAN, mandateRum: rum, mandateSignedOn: '2026-01-02' });
  const who = {
    legall: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { ...sepa('Le Gall', 'RUM-0001'), firstName: 'Hélène' })),
    morvan: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, sepa('Morvan', 'RUM-0002'))),
    revoked: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, sepa('Révoqué', 'RUM-0003'))),
    cheque: await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Chèque', paymentMethod: 'cheque', iban: '', bic: '', mandateRum: '', mandateSignedOn: null })),
  };
  await w.backend.call('mandate-revoke', { subscriberId: who.revoked, date: '2026-11-30' });
  await w.closeMonth('2026-04');
  const runId = (await w.issue((await w.prepare('2026-04')).id)).run.id;
  let instant = new Date(TEST_NOW);
  const now = () => new Date(instant.getTime());
  const setNow = (isoInstant: string) => {
    clock.set(isoInstant);
    instant = new Date(isoInstant);
  };
  const render = () =>
    renderAgainst(w.backend, <AppFrame now={now} />, {
      status: { organisationName: 'Jardin', isConfigured: true },
      initial: { screen: 'sepa' },
    });
  return { ...w, who, runId, setNow, today: () => fromLocalDate(now()), render };
}
