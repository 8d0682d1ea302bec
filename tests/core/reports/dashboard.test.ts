import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../core/reports/dashboard';
import { depotFields, subscriptionFields } from '../../support/catalog';
import { createTestBackend } from '../../support/core';
import { createWorld } from '../../support/world';

// Today is Friday 4 December 2026 (TEST_NOW).

describe('dashboard-get', () => {
  it('an empty database says so, with only the first steps and no backup', async () => {
    const { backend } = await createTestBackend();
    const dashboard = (await backend.call('dashboard-get', {})) as Dashboard;
    expect(dashboard.empty).toBe(true);
    expect(dashboard.lastBackupAt).toBeNull();
    expect(dashboard.week).toEqual({ monday: '2026-11-30', sunday: '2026-12-06', baskets: { total: 0, byFormula: [], byGarden: [] } });
    expect(dashboard.tasks.map((t) => [t.kind, t.screen, t.target?.settingsTab])).toEqual([
      ['setup_organisation', 'settings', 'organisation'],
      ['setup_depots', 'depots', undefined],
      ['setup_formulas', 'settings', 'formulas'],
      ['setup_import', 'settings', 'import'],
    ]);
  });

  it('counts this week’s baskets, lists the weeks to validate oldest first and drops a week once closed', async () => {
    const world = await createWorld();
    const { backend, depots, formulas, gardens } = world;
    await world.subscribe(depots.ploemeur, { startDate: '2026-11-01' });
    await world.subscribe(depots.ploemeur, { startDate: '2026-11-01', quantity: 2 });
    await world.subscribe(depots.portLouis, { startDate: '2026-11-01' });
    const before = (await backend.call('dashboard-get', {})) as Dashboard;
    expect(before.empty).toBe(false);
    expect(before.week.baskets).toEqual({
      total: 4,
      byFormula: [{ formulaId: formulas.petit, name: 'Petit panier', count: 4 }],
      byGarden: [
        { gardenId: gardens.pontScorff, name: 'Pont-Scorff', count: 3 },
        { gardenId: gardens.riantec, name: 'Riantec', count: 1 },
      ],
    });
    const weeks = before.tasks.filter((t) => t.kind === 'week_not_closed');
    expect(weeks.map((t) => [t.target?.day, t.count, t.screen])).toEqual([
      ['2026-11-03', 4, 'week'],
      ['2026-11-10', 4, 'week'],
      ['2026-11-17', 4, 'week'],
      ['2026-11-24', 4, 'week'],
      ['2026-12-01', 4, 'week'],
    ]);
    expect(weeks[0]!.label).toBe('Semaine du 2 novembre : 2 jours de livraison à valider (4 paniers), à partir du mardi 3 novembre');
    expect(before.tasks.find((t) => t.kind === 'month_not_invoiced')).toEqual({
      kind: 'month_not_invoiced',
      label: 'Novembre 2026 n’est pas encore facturé : préparez la facturation',
      count: 1,
      screen: 'invoicing',
      target: { month: '2026-11' },
    });

    await backend.call('delivery-close', { day: '2026-11-03', wholeWeek: true });
    await backend.call('delivery-close', { day: '2026-12-01', wholeWeek: true });
    const records = (await backend.call('delivery-records', { day: '2026-12-01', depotId: depots.ploemeur })) as { id: number; quantity: number }[];
    await backend.call('delivery-correct', { id: records.find((r) => r.quantity === 2)!.id, status: 'not_delivered', reason: 'Oubli', by: 'Marie' });
    const after = (await backend.call('dashboard-get', {})) as Dashboard;
    expect(after.tasks.filter((t) => t.kind === 'week_not_closed').map((t) => t.target?.day)).toEqual(['2026-11-10', '2026-11-17', '2026-11-24']);
    // Validated days count their billed records: the basket not delivered is gone.
    expect(after.week.baskets.total).toBe(2);
    expect(after.week.baskets.byGarden).toEqual([
      { gardenId: gardens.pontScorff, name: 'Pont-Scorff', count: 1 },
      { gardenId: gardens.riantec, name: 'Riantec', count: 1 },
    ]);
  });

  it('warns about depots at 90 % of their places and Découverte offers ending within 4 weeks', async () => {
    const world = await createWorld();
    const { backend, depots, gardens, formulas } = world;
    await backend.call('depot-update', { id: depots.ploemeur, ...depotFields(gardens.pontScorff, { name: 'Ploemeur', weekday: 2, capacity: 3 }) });
    await backend.call('depot-update', { id: depots.portLouis, ...depotFields(gardens.riantec, { name: 'Port-Louis', weekday: 4, capacity: 3 }) });
    await world.subscribe(depots.ploemeur, { startDate: '2026-12-01' });
    await world.subscribe(depots.ploemeur, { startDate: '2026-12-01', quantity: 2 });
    const chain = await world.subscribe(depots.portLouis, { startDate: '2026-12-01' });
    const { subscriberId } = (await backend.call('subscription-get', { chainId: chain })) as { subscriberId: number };
    await backend.call('subscription-create', subscriptionFields(subscriberId, formulas.petit, depots.portLouis, { startDate: '2026-09-21', endDate: '2026-12-20', isDiscovery: true, discoveryMonths: 3 }));
    await backend.call('delivery-close', { day: '2026-12-01', wholeWeek: true });
    const dashboard = (await backend.call('dashboard-get', {})) as Dashboard;
    const tasks = dashboard.tasks.filter((t) => t.kind === 'depot_capacity' || t.kind === 'discovery_ending');
    expect(tasks).toEqual([
      {
        kind: 'discovery_ending',
        label: 'L’offre Découverte de Anne Adhérent 03 se termine le dimanche 20 décembre : renouvellement CCAS à demander',
        count: 1,
        screen: 'subscriptions',
        target: { subscriberId, day: '2026-12-20' },
      },
      {
        kind: 'depot_capacity',
        label: 'Le dépôt Ploemeur est complet : 3 paniers pour 3 places le mardi 8 décembre',
        count: 3,
        screen: 'depots',
        target: { day: '2026-12-08', depotId: depots.ploemeur },
      },
    ]);
  });
});
