import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { createBasics, createDepot, subscriberFields, subscriptionFields } from '../../support/catalog';
import { createTestBackend } from '../../support/core';

async function setup(subscriber: Record<string, unknown> = {}) {
  const test = await createTestBackend(); // today 2026-12-04
  const basics = await createBasics(test.backend, subscriber);
  const create = (overrides: Record<string, unknown> = {}) =>
    test.backend.call('subscription-create', subscriptionFields(basics.subscriber, basics.formula, basics.depot, overrides)) as Promise<Subscription>;
  return { ...test, ...basics, create };
}

describe('permanent changes', () => {
  it('ends the version the day before and starts a new one, keeping the history', async () => {
    const { backend, create, garden, formula } = await setup();
    const sub = await create();
    const lanester = await createDepot(backend, garden, { name: 'Lanester' });
    const changed = (await backend.call('subscription-change', {
      chainId: sub.chainId,
      fromDate: '2027-01-05',
      formulaId: formula,
      depotId: lanester,
      frequency: 'biweekly_even',
      quantity: 2,
      reason: 'Déménagement',
      capacityOverrideReason: '',
    })) as Subscription;
    expect(changed.versions.map((v) => [v.startDate, v.endDate, v.depotName, v.frequency, v.quantity])).toEqual([
      ['2026-09-01', '2027-01-04', 'Ploemeur', 'weekly', 1],
      ['2027-01-05', null, 'Lanester', 'biweekly_even', 2],
    ]);
    expect(changed.current.depotName).toBe('Ploemeur');
    expect(changed.versions[1]!.changeReason).toBe('Déménagement');
  });

  it('refuses a change reaching back over recorded deliveries, before the start, or before a planned change', async () => {
    const { backend, db, create, formula, depot } = await setup();
    const sub = await create();
    const change = (fromDate: string, quantity = 2) =>
      backend.call('subscription-change', { chainId: sub.chainId, fromDate, formulaId: formula, depotId: depot, frequency: 'weekly', quantity, reason: '', capacityOverrideReason: '' });
    db.run("INSERT INTO deliveries (delivery_date, subscription_id, subscriber_id, depot_id, formula_id, quantity, unit_price_cents, status) VALUES ('2026-12-01', ?, 1, ?, ?, 1, 1050, 'delivered')", [sub.chainId, depot, formula]);
    await expect(change('2026-11-15')).rejects.toMatchObject({ fields: { fromDate: expect.stringContaining('enregistrées jusqu’au 01/12/2026') } });
    await expect(change('2026-08-01')).rejects.toMatchObject({ fields: { fromDate: expect.stringContaining('commence le 01/09/2026') } });
    await change('2027-02-01');
    await expect(change('2027-01-10', 3)).rejects.toMatchObject({ fields: { fromDate: expect.stringContaining('déjà prévu à partir du 01/02/2027') } });
    await expect(change('2027-03-01', 2)).rejects.toThrow(/Rien ne change/);
  });

  it('refuses a frequency the formula does not offer', async () => {
    const { backend, create, formula, depot } = await setup();
    const sub = await create();
    await expect(
      backend.call('subscription-change', { chainId: sub.chainId, fromDate: '2027-01-05', formulaId: formula, depotId: depot, frequency: 'monthly', quantity: 1, reason: '', capacityOverrideReason: '' }),
    ).rejects.toMatchObject({ fields: { frequency: 'La formule Petit panier n’est pas proposée à cette fréquence.' } });
  });
});

describe('temporary changes', () => {
  it('records a depot change for two weeks, and refuses an overlapping one with a clear message', async () => {
    const { backend, create, garden } = await setup();
    const sub = await create();
    const lanester = await createDepot(backend, garden, { name: 'Lanester' });
    const temp = (await backend.call('subscription-temporary-change', {
      chainId: sub.chainId,
      fromDate: '2026-12-14',
      toDate: '2026-12-27',
      depotId: lanester,
      formulaId: null,
      reason: 'Vacances chez sa fille',
    })) as Subscription;
    expect(temp.temporaryChanges).toMatchObject([{ fromDate: '2026-12-14', toDate: '2026-12-27', depotName: 'Lanester', formulaId: null }]);
    expect(temp.versions).toHaveLength(1);
    await expect(
      backend.call('subscription-temporary-change', { chainId: sub.chainId, fromDate: '2026-12-20', toDate: '2027-01-03', depotId: lanester, formulaId: null, reason: '' }),
    ).rejects.toMatchObject({ fields: { fromDate: 'Un changement temporaire couvre déjà du 14/12/2026 au 27/12/2026 : les périodes ne peuvent pas se chevaucher.' } });
    const removed = (await backend.call('subscription-temporary-change-delete', { id: temp.temporaryChanges[0]!.id })) as Subscription;
    expect(removed.temporaryChanges).toEqual([]);
  });

  it('refuses a period outside the subscription or with nothing changed', async () => {
    const { backend, create } = await setup();
    const sub = await create({ endDate: '2026-12-31' });
    await expect(
      backend.call('subscription-temporary-change', { chainId: sub.chainId, fromDate: '2026-12-20', toDate: '2027-01-10', depotId: 1, formulaId: null, reason: '' }),
    ).rejects.toMatchObject({ fields: { fromDate: expect.stringContaining('doit tenir dans l’abonnement') } });
    await expect(
      backend.call('subscription-temporary-change', { chainId: sub.chainId, fromDate: '2026-12-20', toDate: '2026-12-27', depotId: null, formulaId: null, reason: '' }),
    ).rejects.toThrow(/autre dépôt ou une autre formule/);
  });
});

describe('ending a subscription', () => {
  it('ends at any date, drops later planned versions and trims temporary changes', async () => {
    const { backend, create, formula, depot } = await setup();
    const sub = await create();
    await backend.call('subscription-change', { chainId: sub.chainId, fromDate: '2027-02-01', formulaId: formula, depotId: depot, frequency: 'weekly', quantity: 2, reason: '', capacityOverrideReason: '' });
    await backend.call('subscription-temporary-change', { chainId: sub.chainId, fromDate: '2027-01-04', toDate: '2027-01-31', depotId: null, formulaId: formula, reason: '' });
    const ended = (await backend.call('subscription-end', { chainId: sub.chainId, endDate: '2027-01-10', reason: 'Déménage à Rennes' })) as Subscription;
    expect(ended.versions.map((v) => [v.startDate, v.endDate])).toEqual([['2026-09-01', '2027-01-10']]);
    expect(ended.temporaryChanges.map((t) => [t.fromDate, t.toDate])).toEqual([['2027-01-04', '2027-01-10']]);
    expect(ended).toMatchObject({ endDate: '2027-01-10', endReason: 'Déménage à Rennes', status: 'active' });
  });
});

describe('Découverte offers', () => {
  it('ends after its 3 or 6 months unless the subscriber is an employee', async () => {
    const { create } = await setup();
    expect(await create({ isDiscovery: true, discoveryMonths: 3, startDate: '2026-11-02' })).toMatchObject({ endDate: '2027-02-01', isDiscovery: true });
    await expect(create({ isDiscovery: true, discoveryMonths: 6, startDate: '2026-11-02', endDate: '2027-06-30' })).rejects.toMatchObject({
      fields: { endDate: 'Une offre Découverte de 6 mois se termine au plus tard le 01/05/2027.' },
    });
    await expect(create({ isDiscovery: true, discoveryMonths: null })).rejects.toMatchObject({ fields: { discoveryMonths: 'Une offre Découverte dure 3 ou 6 mois.' } });
    const employee = await setup({ isEmployee: true, lastName: 'Salariée' });
    expect(await employee.create({ isDiscovery: true, discoveryMonths: 6 })).toMatchObject({ endDate: null });
  });

  it('renews with the CCAS agreement recorded, and lists the offers ending within 4 weeks', async () => {
    const { backend, create } = await setup();
    const sub = await create({ isDiscovery: true, discoveryMonths: 3, startDate: '2026-09-21' }); // ends 2026-12-20
    await create({ isDiscovery: true, discoveryMonths: 6, startDate: '2026-09-21' }); // ends 2027-03-20
    const ending = (await backend.call('discovery-ending-list', {})) as Subscription[];
    expect(ending.map((s) => [s.chainId, s.endDate])).toEqual([[sub.chainId, '2026-12-20']]);
    await expect(
      backend.call('discovery-renew', { chainId: sub.chainId, months: 3, ccasReference: '', ccasAgreedOn: '2026-12-01', agreedBy: 'Mme Guillou' }),
    ).rejects.toMatchObject({ fields: { ccasReference: 'Indiquez la référence de l’accord du CCAS.' } });
    const renewed = (await backend.call('discovery-renew', {
      chainId: sub.chainId,
      months: 3,
      ccasReference: 'CCAS-2026-118',
      ccasAgreedOn: '2026-12-01',
      agreedBy: 'Mme Guillou',
    })) as Subscription;
    expect(renewed.endDate).toBe('2027-03-20');
    expect(renewed.renewals).toMatchObject([{ previousEndDate: '2026-12-20', newEndDate: '2027-03-20', ccasReference: 'CCAS-2026-118', agreedBy: 'Mme Guillou' }]);
    expect(await backend.call('discovery-ending-list', {})).toEqual([]);
  });
});

describe('depot capacity', () => {
  it('refuses a subscription beyond capacity unless the office gives a reason', async () => {
    const { backend, garden, formula } = await setup();
    const small = await createDepot(backend, garden, { name: 'Gâvres', capacity: 1 });
    const other = (await backend.call('subscriber-create', subscriberFields({ lastName: 'Tanguy' }))) as { id: number };
    await backend.call('subscription-create', subscriptionFields(1, formula, small));
    await expect(backend.call('subscription-create', subscriptionFields(other.id, formula, small))).rejects.toMatchObject({
      fields: { capacityOverrideReason: expect.stringContaining('Le dépôt Gâvres est complet le 01/09/2026 (1 abonnements pour 1 places)') },
    });
    const forced = (await backend.call('subscription-create', subscriptionFields(other.id, formula, small, { capacityOverrideReason: 'Référente d’accord' }))) as Subscription;
    expect(forced.capacityOverrideReason).toBe('Référente d’accord');
  });

  it('counts the peak: a later subscription that would overflow is caught on its start date', async () => {
    const { backend, garden, formula } = await setup();
    const small = await createDepot(backend, garden, { name: 'Gâvres', capacity: 1 });
    await backend.call('subscription-create', subscriptionFields(1, formula, small, { startDate: '2027-01-04' }));
    await expect(backend.call('subscription-create', subscriptionFields(1, formula, small, { startDate: '2026-12-07' }))).rejects.toMatchObject({
      fields: { capacityOverrideReason: expect.stringContaining('complet le 04/01/2027') },
    });
    await backend.call('subscription-create', subscriptionFields(1, formula, small, { startDate: '2026-12-07', endDate: '2027-01-03' }));
  });
});
