import { describe, expect, it } from 'vitest';
import { validOrganisation } from '../../support/organisation';
import { createPaymentsWorld, recordCheques } from './payments-world';

type Alert = { kind: string; screen: string; count: number; amountCents: number; message: string };

describe('payment alerts for the dashboard', () => {
  it('says nothing when there is nothing to do, then names each task with its count and screen', async () => {
    const w = await createPaymentsWorld({ sepaCreditorId: validOrganisation().sepaCreditorId });
    const alerts = async () => (await w.call<Alert[]>('payment-alerts', {})) as unknown as Alert[];
    expect(await alerts()).toEqual([]);

    const payer = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Chèque', paymentMethod: 'cheque', iban: '', mandateSignedOn: null }));
    await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { lastName: 'Prélevé', paymentMethod: 'sepa', mandateRum: 'RUM-A1' }));
    await recordCheques(w, payer, [
      { number: '11', bank: 'Crédit Mutuel', amountCents: 2000, plannedDepositOn: '2026-12-04' },
      { number: '12', bank: 'Crédit Mutuel', amountCents: 2000, plannedDepositOn: '2027-01-05' },
    ]);
    await w.closeMonth('2026-04');
    const run = (await w.issue((await w.prepare('2026-04')).id)).run;
    const preview = await w.call<{ suggestedDate: string }>('sepa-batch-preview', { runId: run.id });
    await w.call('sepa-batch-create', { runId: run.id, collectionDate: preview.suggestedDate });

    const found = await alerts();
    expect(found.map((a) => [a.kind, a.screen, a.count, a.amountCents, a.message])).toEqual([
      ['batch_to_send', 'sepa', 1, 4200, '1 lot de prélèvements à exporter et déposer à la banque'],
      ['cheques_to_deposit', 'payments', 1, 2000, '1 chèque à remettre en banque'],
      ['low_balances', 'payments', 1, 0, '1 adhérent payant par chèque passe sous le seuil de solde ce mois-ci'],
    ]);
  });
});
