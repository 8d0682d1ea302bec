import { describe, expect, it } from 'vitest';
import { createRegistry, type Backend } from '../../../core';
import { formulaFields } from '../../support/catalog';
import { createInvoicingWorld } from '../invoicing/invoicing-world';
import { importRequests, portalIdFor, requestsFile, subscriberOf, weekBaskets } from './requests-support';

interface ExportedSubscriber {
  portalId: string;
  upcomingDeliveries: { date: string; cancellable: boolean }[];
}

/**
 * The portal reads the export (when PA's export handlers are registered) and finds each
 * subscriber's file and its cancellable deliveries; without them it computes the portal ids
 * the same way the export does.
 */
async function portalView(backend: Backend, subscriberIds: number[]): Promise<Map<number, ExportedSubscriber | { portalId: string; upcomingDeliveries: null }>> {
  const ids = new Map<number, ExportedSubscriber | { portalId: string; upcomingDeliveries: null }>();
  for (const id of subscriberIds) ids.set(id, { portalId: await portalIdFor(backend, id), upcomingDeliveries: null });
  if (!createRegistry().has('portal-export-prepare')) return ids;
  const prepared = (await backend.call('portal-export-prepare', { kind: 'full' })) as { exportId: number; files: { name: string; content?: string }[] };
  for (const [id, known] of ids) {
    const file = prepared.files.find((f) => f.name === `subscribers/${known.portalId}.json`);
    expect(file, `the export has subscribers/${known.portalId}.json`).toBeDefined();
    ids.set(id, JSON.parse(file!.content!) as ExportedSubscriber);
  }
  await backend.call('portal-export-confirm', { exportId: prepared.exportId });
  return ids;
}

describe('portal round trip', () => {
  it('applies what the subscribers asked on the portal, exactly, and only once', async () => {
    const world = await createInvoicingWorld(); // today: Friday 2026-12-04
    const { backend, depots } = world;
    const grand = ((await backend.call('formula-create', formulaFields({ code: 'GRAND', name: 'Grand panier', priceCents: 1800 }))) as { id: number }).id;
    const absent = await world.subscribe(depots.ploemeur);
    const traveller = await world.subscribe(depots.ploemeur);
    const upgrader = await world.subscribe(depots.ploemeur);
    const mover = await world.subscribe(depots.guidel);
    const bystander = await world.subscribe(depots.ploemeur);
    const [absentId, travellerId, upgraderId, moverId] = await Promise.all([absent, traveller, upgrader, mover].map((c) => subscriberOf(backend, c)));
    const portal = await portalView(backend, [absentId!, travellerId!, upgraderId!, moverId!]);
    const exported = portal.get(absentId!)!;
    if (exported.upcomingDeliveries) {
      expect(exported.upcomingDeliveries.filter((d) => d.date === '2026-12-08' || d.date === '2026-12-15')).toMatchObject([{ cancellable: true }, { cancellable: true }]);
    }
    const moverBefore = (await backend.call('subscriber-get', { id: moverId })) as Record<string, unknown>;

    const content = requestsFile([
      { portalId: portal.get(absentId!)!.portalId, type: 'cancel_deliveries', dates: ['2026-12-15', '2026-12-08'] },
      { portalId: portal.get(travellerId!)!.portalId, type: 'temporary_change', from: '2026-12-14', to: '2026-12-27', depotId: depots.guidel },
      { portalId: portal.get(upgraderId!)!.portalId, type: 'permanent_change', from: '2026-12-14', formulaId: grand },
      { portalId: portal.get(moverId!)!.portalId, type: 'contact_update', email: 'nouvelle.adresse@example.fr', phone: '02 97 00 11 22', addressLine1: '8 rue des Genêts', postcode: '56270', city: 'Ploemeur' },
    ]);
    const result = await importRequests(backend, [{ name: 'demandes/2026-12-04.json', content }]);
    expect(result).toEqual({
      applied: 4,
      waiting: 0,
      rejected: 0,
      duplicates: 0,
      files: [{ name: 'demandes/2026-12-04.json', requests: 4, applied: 4, waiting: 0, duplicates: 0, problems: [] }],
    });

    // Two baskets cancelled, the weeks around them untouched.
    expect((await weekBaskets(backend, '2026-12-08', absent)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await weekBaskets(backend, '2026-12-15', absent)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await weekBaskets(backend, '2026-12-22', absent)).map((b) => b.status)).toEqual(['expected']);
    const upcoming = (await backend.call('subscriber-upcoming-deliveries', { subscriberId: absentId, weeks: 3 })) as { date: string; status: string }[];
    expect(upcoming.map((b) => [b.date, b.status])).toEqual([
      ['2026-12-08', 'cancelled'],
      ['2026-12-15', 'cancelled'],
      ['2026-12-22', 'expected'],
    ]);

    // Two weeks at Guidel, then back to Ploemeur.
    const depotOn = async (day: string) => (await weekBaskets(backend, day, traveller)).map((b) => [b.depotName, b.temporary]);
    expect(await depotOn('2026-12-08')).toEqual([['Ploemeur', false]]);
    expect(await depotOn('2026-12-15')).toEqual([['Guidel', true]]);
    expect(await depotOn('2026-12-22')).toEqual([['Guidel', true]]);
    expect(await depotOn('2026-12-29')).toEqual([['Ploemeur', false]]);

    // A new version from the 14th; the 8th keeps the old formula.
    const upgraded = (await backend.call('subscription-get', { chainId: upgrader })) as { versions: { startDate: string; endDate: string | null; formulaName: string; depotName: string }[] };
    expect(upgraded.versions.map((v) => [v.startDate, v.endDate, v.formulaName, v.depotName])).toEqual([
      ['2026-01-01', '2026-12-13', 'Petit panier', 'Ploemeur'],
      ['2026-12-14', null, 'Grand panier', 'Ploemeur'],
    ]);
    expect((await weekBaskets(backend, '2026-12-08', upgrader)).map((b) => b.formulaName)).toEqual(['Petit panier']);
    expect((await weekBaskets(backend, '2026-12-15', upgrader)).map((b) => b.formulaName)).toEqual(['Grand panier']);

    // The contact details asked for, and nothing else.
    const moverAfter = (await backend.call('subscriber-get', { id: moverId })) as Record<string, unknown>;
    expect(moverAfter).toEqual({
      ...moverBefore,
      email: 'nouvelle.adresse@example.fr',
      phone: '02 97 00 11 22',
      addressLine1: '8 rue des Genêts',
      postcode: '56270',
      city: 'Ploemeur',
    });

    // The bystander saw nothing.
    expect((await weekBaskets(backend, '2026-12-15', bystander)).map((b) => [b.status, b.depotName, b.formulaName])).toEqual([['expected', 'Ploemeur', 'Petit panier']]);

    // The same file again (the portal resends it): nothing changes, every request is a duplicate.
    const snapshot = async () => ({
      weeks: await Promise.all(['2026-12-08', '2026-12-15', '2026-12-22'].map((day) => backend.call('delivery-week', { day }))),
      subscriptions: await Promise.all([absent, traveller, upgrader, mover].map((chainId) => backend.call('subscription-get', { chainId }))),
      mover: await backend.call('subscriber-get', { id: moverId }),
      cancellations: await backend.call('cancellation-list-for-subscriber', { subscriberId: absentId }),
    });
    const before = await snapshot();
    const again = await importRequests(backend, [{ name: 'demandes/2026-12-04.json', content }]);
    expect(again).toMatchObject({ applied: 0, waiting: 0, rejected: 0, duplicates: 4 });
    expect(await snapshot()).toEqual(before);
    const stored = (await backend.call('portal-request-list', {})) as { status: string; typeLabel: string; subscriberName: string }[];
    expect(stored.map((r) => [r.status, r.typeLabel])).toEqual([
      ['applied', 'Annulation de paniers'],
      ['applied', 'Changement temporaire'],
      ['applied', 'Changement définitif'],
      ['applied', 'Mise à jour des coordonnées'],
    ]);
  });

  it('counts a request id already received as a duplicate whatever its content', async () => {
    const world = await createInvoicingWorld();
    const { backend, depots } = world;
    const chain = await world.subscribe(depots.ploemeur);
    const portalId = await portalIdFor(backend, await subscriberOf(backend, chain));
    const first = JSON.stringify({
      format: 'paniers-portail-demandes',
      version: 1,
      requests: [{ requestId: 'abc-1', portalId, requestedAt: '2026-12-04T08:00:00Z', type: 'cancel_deliveries', dates: ['2026-12-08'] }],
    });
    const changed = first.replace('2026-12-08', '2026-12-15');
    const result = await importRequests(backend, [
      { name: 'a.json', content: first },
      { name: 'b.json', content: changed },
    ]);
    expect(result).toMatchObject({ applied: 1, duplicates: 1 });
    expect((await weekBaskets(backend, '2026-12-15', chain)).map((b) => b.status)).toEqual(['expected']);
  });
});
