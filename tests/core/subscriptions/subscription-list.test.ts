import { describe, expect, it } from 'vitest';
import type { SubscriptionListRow } from '../../../core/subscriptions/subscription-list';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { createBasics, createDepot, formulaFields, subscriberFields, subscriptionFields } from '../../support/catalog';
import { createTestBackend } from '../../support/core';

type ListResult = { total: number; rows: SubscriptionListRow[] };

async function setup() {
  const test = await createTestBackend(); // today 2026-12-04
  const basics = await createBasics(test.backend, { lastName: 'Le Goff', firstName: 'Anne' });
  const { backend } = test;
  const guidel = await createDepot(backend, basics.garden, { name: 'Guidel' });
  const grand = ((await backend.call('formula-create', formulaFields({ code: 'GRAND', name: 'Grand panier' }))) as { id: number }).id;
  const person = async (lastName: string, firstName: string) =>
    ((await backend.call('subscriber-create', subscriberFields({ lastName, firstName, email: `${lastName.toLowerCase().replace(/[^a-z]/g, '')}@example.fr` }))) as { id: number }).id;
  const subscribe = (subscriberId: number, formulaId: number, depotId: number, overrides: Record<string, unknown> = {}) =>
    backend.call('subscription-create', subscriptionFields(subscriberId, formulaId, depotId, overrides)) as Promise<Subscription>;
  const list = (input: Record<string, unknown> = {}) => backend.call('subscription-list', input) as Promise<ListResult>;
  return { ...test, ...basics, guidel, grand, person, subscribe, list };
}

describe('subscription-list', () => {
  it('lists every chain once, with the version in force today, its status and its end', async () => {
    const { backend, subscriber, formula, depot, guidel, grand, person, subscribe, list } = await setup();
    const anne = await subscribe(subscriber, formula, depot, { startDate: '2026-09-01' });
    // A permanent change next month: today the Ploemeur version still applies.
    await backend.call('subscription-change', {
      chainId: anne.chainId, fromDate: '2027-01-05', formulaId: grand, depotId: guidel, frequency: 'weekly', quantity: 2, reason: 'Déménagement', capacityOverrideReason: '',
    });
    const bruno = await person('Bernard', 'Bruno');
    await subscribe(bruno, formula, guidel, { startDate: '2026-01-06', endDate: '2026-06-30' });
    const chloe = await person('Cadoret', 'Chloé');
    await subscribe(chloe, grand, depot, { startDate: '2027-02-01', isDiscovery: true, discoveryMonths: 3 });

    const all = await list();
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.subscriberName, r.depotName, r.formulaName, r.quantity, r.status, r.startDate, r.endDate, r.isDiscovery])).toEqual([
      ['Bruno Bernard', 'Guidel', 'Petit panier', 1, 'ended', '2026-01-06', '2026-06-30', false],
      ['Chloé Cadoret', 'Ploemeur', 'Grand panier', 1, 'upcoming', '2027-02-01', '2027-04-30', true],
      ['Anne Le Goff', 'Ploemeur', 'Petit panier', 1, 'active', '2026-09-01', null, false],
    ]);
  });

  it('searches by subscriber name (accents ignored), filters by depot, formula, status and Découverte, and counts', async () => {
    const { subscriber, formula, depot, guidel, grand, person, subscribe, list } = await setup();
    await subscribe(subscriber, formula, depot);
    await subscribe(subscriber, grand, guidel, { startDate: '2026-10-01' });
    const chloe = await person('Cadoret', 'Chloé');
    await subscribe(chloe, grand, depot, { startDate: '2026-11-01', isDiscovery: true, discoveryMonths: 3 });

    expect((await list({ query: 'chloe' })).rows.map((r) => r.subscriberName)).toEqual(['Chloé Cadoret']);
    expect((await list({ query: 'le goff' })).total).toBe(2);
    expect((await list({ depotId: guidel })).rows.map((r) => r.formulaName)).toEqual(['Grand panier']);
    expect((await list({ formulaId: grand })).total).toBe(2);
    expect((await list({ discoveryOnly: true })).rows.map((r) => [r.subscriberName, r.endDate])).toEqual([['Chloé Cadoret', '2027-01-31']]);
    expect((await list({ status: 'ended' })).total).toBe(0);
    expect((await list({ status: 'active' })).total).toBe(3);
    expect((await list({ query: 'personne' })).rows).toEqual([]);
  });

  it('pages through a sorted list and keeps the total of all pages', async () => {
    const { formula, depot, person, subscribe, list } = await setup();
    const names = ['Morvan', 'Allanic', 'Guégan', 'Le Bihan', 'Bernard'];
    for (const [i, name] of names.entries()) await subscribe(await person(name, 'X'), formula, depot, { startDate: `2026-0${i + 1}-05` });

    const first = await list({ limit: 2, offset: 0 });
    const second = await list({ limit: 2, offset: 2 });
    const third = await list({ limit: 2, offset: 4 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.subscriberName)).toEqual(['X Allanic', 'X Bernard', 'X Guégan', 'X Le Bihan', 'X Morvan']);
    expect((await list({ sort: 'start', limit: 1 })).rows[0]!.subscriberName).toBe('X Bernard');
  });
});
