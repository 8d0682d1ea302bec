import { describe, expect, it } from 'vitest';
import { createDepot } from '../../support/catalog';
import { createInvoicingWorld } from '../invoicing/invoicing-world';
import { importRequests, listRequests, portalIdFor, requestsFile, subscriberOf, weekBaskets } from './requests-support';

async function conflictWorld() {
  const world = await createInvoicingWorld(); // today: Friday 2026-12-04
  const { backend, depots, gardens } = world;
  const small = await createDepot(backend, gardens.pontScorff, { name: 'Kervignac', weekday: 2, capacity: 1 });
  await world.subscribe(small);
  const late = await world.subscribe(depots.ploemeur);
  const closed = await world.subscribe(depots.ploemeur);
  const mover = await world.subscribe(depots.ploemeur);
  await backend.call('delivery-close', { day: '2026-12-01', wholeWeek: true });
  // Five days before at noon: Tuesday the 8th could be cancelled until Thursday the 3rd.
  await backend.call('delivery-settings-update', { cancelDeadlineDays: 5, cancelDeadlineTime: '12:00', billNotCollected: false });
  const pid = async (chainId: number) => portalIdFor(backend, await subscriberOf(backend, chainId));
  const content = requestsFile([
    { requestId: 'late', portalId: await pid(late), type: 'cancel_deliveries', dates: ['2026-12-08'] },
    { requestId: 'closed', portalId: await pid(closed), type: 'cancel_deliveries', dates: ['2026-12-01'] },
    { requestId: 'unknown', portalId: 'P0123456789abcdef', type: 'contact_update', email: 'qui@example.fr' },
    { requestId: 'full', portalId: await pid(mover), type: 'permanent_change', from: '2026-12-14', depotId: small },
  ]);
  const result = await importRequests(backend, [{ name: 'demandes.json', content }]);
  const waiting = await listRequests(backend, 'waiting');
  const byRequest = (requestId: string) => waiting.find((r) => r.requestId === requestId)!;
  return { ...world, small, late, closed, mover, result, waiting, byRequest };
}

describe('portal requests that cannot be applied', () => {
  it('keeps each one waiting with its reason in French, none lost', async () => {
    const { result, waiting, byRequest, backend, late, closed, mover } = await conflictWorld();
    expect(result).toMatchObject({ applied: 0, waiting: 4, rejected: 0, duplicates: 0 });
    expect(waiting.map((r) => r.requestId)).toEqual(['late', 'closed', 'unknown', 'full']);
    expect(byRequest('late').reason).toMatch(/^Le délai d’annulation du panier du mardi 8 décembre 2026 est dépassé \(limite : jeudi 3 décembre 2026 à 12 h 00\)\. « Accepter » l’annule quand même\.$/);
    expect(byRequest('closed').reason).toBe('La semaine du mardi 1 décembre 2026 est déjà validée : corrigez la livraison à la place.');
    expect(byRequest('unknown').reason).toMatch(/^Adhérent inconnu : l’identifiant portail P0123456789abcdef ne correspond à aucun adhérent/);
    expect(byRequest('unknown')).toMatchObject({ subscriberId: null, subscriberName: '' });
    expect(byRequest('full').reason).toMatch(/^Le dépôt Kervignac est complet le 14\/12\/2026 \(1 abonnements pour 1 places\)/);
    expect(byRequest('full')).toMatchObject({
      typeLabel: 'Changement définitif',
      summary: 'À partir du 14/12/2026 : dépôt Kervignac',
      statusLabel: 'En attente',
      subscriberName: 'Anne Adhérent 04',
    });
    expect(byRequest('late').summary).toBe('Annuler le panier du mardi 8 décembre 2026');
    // Nothing of them was applied.
    expect((await weekBaskets(backend, '2026-12-08', late)).map((b) => b.status)).toEqual(['expected']);
    expect((await backend.call('cancellation-list-for-subscriber', { subscriberId: await subscriberOf(backend, closed) })) as unknown[]).toEqual([]);
    expect(((await backend.call('subscription-get', { chainId: mover })) as { versions: unknown[] }).versions).toHaveLength(1);
  });

  it('lets the office accept with its override where its own screens allow one', async () => {
    const { backend, byRequest, late, mover, small } = await conflictWorld();
    const accepted = (await backend.call('portal-request-accept', { id: byRequest('late').id })) as { status: string; decidedAt: string };
    expect(accepted).toMatchObject({ status: 'applied', decidedAt: '2026-12-04T09:30:00.000Z' });
    expect((await weekBaskets(backend, '2026-12-08', late)).map((b) => b.status)).toEqual(['cancelled']);
    const cancellations = (await backend.call('cancellation-list-for-subscriber', { subscriberId: await subscriberOf(backend, late) })) as { lateOverride: number }[];
    expect(cancellations).toMatchObject([{ lateOverride: 1 }]);

    // A full depot needs the office's reason, as any subscription change does.
    await expect(backend.call('portal-request-accept', { id: byRequest('full').id })).rejects.toMatchObject({
      type: 'validation',
      fields: { reason: expect.stringContaining('indiquez la raison') },
    });
    await backend.call('portal-request-accept', { id: byRequest('full').id, reason: 'Accord de la référente du dépôt' });
    const changed = (await backend.call('subscription-get', { chainId: mover })) as { versions: { depotId: number; startDate: string }[] };
    expect(changed.versions.map((v) => [v.startDate, v.depotId])).toEqual([
      ['2026-01-01', expect.any(Number)],
      ['2026-12-14', small],
    ]);
    await expect(backend.call('portal-request-accept', { id: byRequest('full').id })).rejects.toThrow('Cette demande est déjà appliquée');
  });

  it('says when no override can apply it, and stores a rejection with its reason', async () => {
    const { backend, byRequest } = await conflictWorld();
    await expect(backend.call('portal-request-accept', { id: byRequest('closed').id })).rejects.toMatchObject({
      type: 'conflict',
      message: expect.stringMatching(/déjà validée.*Le bureau ne peut pas passer outre : refusez la demande avec un motif\.$/),
    });
    await expect(backend.call('portal-request-accept', { id: byRequest('unknown').id })).rejects.toMatchObject({
      type: 'conflict',
      message: expect.stringContaining('refusez-la avec un motif'),
    });
    await expect(backend.call('portal-request-reject', { id: byRequest('closed').id, reason: ' ' })).rejects.toMatchObject({ fields: { reason: expect.stringContaining('Indiquez le motif du refus') } });
    const rejected = (await backend.call('portal-request-reject', { id: byRequest('closed').id, reason: 'La livraison du 1er décembre a déjà eu lieu.' })) as Record<string, unknown>;
    expect(rejected).toMatchObject({ status: 'rejected', statusLabel: 'Refusée', reason: 'La livraison du 1er décembre a déjà eu lieu.', decidedAt: '2026-12-04T09:30:00.000Z', reportedInSequence: null });
    await expect(backend.call('portal-request-reject', { id: byRequest('closed').id, reason: 'encore' })).rejects.toThrow('Cette demande est déjà refusée');
    expect((await listRequests(backend, 'rejected')).map((r) => r.requestId)).toEqual(['closed']);
    expect((await listRequests(backend, 'waiting')).map((r) => r.requestId)).toEqual(['late', 'unknown', 'full']);
    await expect(backend.call('portal-request-reject', { id: 999, reason: 'x' })).rejects.toMatchObject({ type: 'not-found' });
  });

  it('keeps a refused request from undoing the others of the same import', async () => {
    const world = await createInvoicingWorld();
    const { backend, depots } = world;
    const chain = await world.subscribe(depots.ploemeur);
    const portalId = await portalIdFor(backend, await subscriberOf(backend, chain));
    // The second date has no basket: the whole request waits, its first date is not cancelled either.
    const content = requestsFile([
      { requestId: 'ok', portalId, type: 'cancel_deliveries', dates: ['2026-12-08'] },
      { requestId: 'half', portalId, type: 'cancel_deliveries', dates: ['2026-12-15', '2026-12-16'] },
      { requestId: 'bad-email', portalId, type: 'contact_update', email: 'pas-une-adresse' },
    ]);
    const result = await importRequests(backend, [{ name: 'd.json', content }]);
    expect(result).toMatchObject({ applied: 1, waiting: 2 });
    expect((await weekBaskets(backend, '2026-12-08', chain)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await weekBaskets(backend, '2026-12-15', chain)).map((b) => b.status)).toEqual(['expected']);
    const waiting = await listRequests(backend, 'waiting');
    expect(waiting.map((r) => [r.requestId, r.reason])).toEqual([
      ['half', 'Le mercredi 16 décembre 2026 : aucun panier n’est prévu pour cet abonnement sur ces dates.'],
      ['bad-email', 'Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).'],
    ]);
  });

  it('meets the closures the office saved, and what earlier requests of the same import did', async () => {
    const world = await createInvoicingWorld();
    const { backend, depots } = world;
    const chain = await world.subscribe(depots.ploemeur);
    await backend.call('closure-create', { scope: 'organisation', gardenId: null, depotId: null, fromDate: '2026-12-14', toDate: '2026-12-20', label: 'Inventaire' });
    const portalId = await portalIdFor(backend, await subscriberOf(backend, chain));
    const content = requestsFile([
      { requestId: 'closed', portalId, type: 'cancel_deliveries', dates: ['2026-12-15'] },
      { requestId: 'first', portalId, type: 'cancel_deliveries', dates: ['2026-12-08'] },
      // The basket is already cancelled by the request before: the wish holds, nothing is added.
      { requestId: 'again', portalId, type: 'cancel_deliveries', dates: ['2026-12-08'] },
    ]);
    expect(await importRequests(backend, [{ name: 'd.json', content }])).toMatchObject({ applied: 2, waiting: 1 });
    expect((await listRequests(backend, 'waiting')).map((r) => [r.requestId, r.reason])).toEqual([
      ['closed', 'Aucun panier à annuler : le mardi 15 décembre 2026 est une fermeture (Inventaire).'],
    ]);
    expect((await weekBaskets(backend, '2026-12-08', chain)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await weekBaskets(backend, '2026-12-15', chain)).map((b) => b.status)).toEqual(['closure']);
    expect((await backend.call('cancellation-list-for-subscriber', { subscriberId: await subscriberOf(backend, chain) })) as unknown[]).toHaveLength(1);
  });
});

describe('malformed requests files', () => {
  it('reports each bad file by name and JSON path, and still applies the good ones', async () => {
    const world = await createInvoicingWorld();
    const { backend, depots } = world;
    const chain = await world.subscribe(depots.ploemeur);
    const portalId = await portalIdFor(backend, await subscriberOf(backend, chain));
    const good = requestsFile([{ portalId, type: 'cancel_deliveries', dates: ['2026-12-08'] }]);
    const envelope = (requests: unknown[], extra: Record<string, unknown> = {}) =>
      JSON.stringify({ format: 'paniers-portail-demandes', version: 1, requests, ...extra });
    const base = { requestId: 'x-1', portalId, requestedAt: '2026-12-04T08:00:00Z', type: 'cancel_deliveries', dates: ['2026-12-15'] };
    const result = await importRequests(backend, [
      { name: 'tronque.json', content: '{\n  "format": "paniers-portail-demandes",\n  "version": 1,\n  "requests": [\n' },
      { name: 'v2.json', content: envelope([base], { version: 2 }) },
      { name: 'manque.json', content: envelope([{ ...base, requestId: undefined }]) },
      { name: 'date.json', content: envelope([base, { ...base, requestId: 'x-2', dates: ['2026-02-30'] }]) },
      { name: 'type.json', content: envelope([{ ...base, type: 'pause' }]) },
      { name: 'bon.json', content: good },
    ]);
    const problems = Object.fromEntries(result.files.map((f) => [f.name, f.problems]));
    expect(problems['tronque.json']).toEqual([{ path: '$', message: expect.stringMatching(/^Le fichier n’est pas du JSON valide \(ligne 5, colonne 1\)/) }]);
    expect(problems['v2.json']).toEqual([{ path: '$.version', message: 'Version non prise en charge : cette version de Paniers lit la version 1 des demandes.' }]);
    expect(problems['manque.json']).toEqual([{ path: '$.requests[0].requestId', message: 'Champ obligatoire.' }]);
    expect(problems['date.json']).toEqual([{ path: '$.requests[1].dates[0]', message: 'Date invalide : attendu AAAA-MM-JJ (exemple : 2026-12-15).' }]);
    expect(problems['type.json']).toEqual([{ path: '$.requests[0].type', message: expect.stringContaining('Type de demande inconnu') }]);
    expect(problems['bon.json']).toEqual([]);
    // Nothing of a bad file is applied, even its valid requests (date.json's first one).
    expect(result).toMatchObject({ applied: 1, waiting: 0, duplicates: 0 });
    expect((await weekBaskets(backend, '2026-12-08', chain)).map((b) => b.status)).toEqual(['cancelled']);
    expect((await weekBaskets(backend, '2026-12-15', chain)).map((b) => b.status)).toEqual(['expected']);
    expect(await listRequests(backend)).toHaveLength(1);
  });
});
