import { describe, expect, it } from 'vitest';
import { createWorld } from '../../support/world';

describe('week closing', () => {
  it('turns the planned baskets of past days into records, once, and refuses the future', async () => {
    const world = await createWorld(); // today: Friday 2026-12-04
    const { backend } = world;
    const a = await world.subscribe(world.depots.ploemeur);
    const b = await world.subscribe(world.depots.portLouis, { quantity: 2 });
    await backend.call('cancellation-create', { chainId: a, fromDate: '2026-12-01', toDate: '2026-12-01', reason: 'Absent', confirmLate: true });
    const closed = (await backend.call('delivery-close', { day: '2026-12-02', wholeWeek: true })) as { closedDays: string[]; records: number };
    expect(closed).toEqual({ closedDays: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'], records: 2 });
    const tuesday = (await backend.call('delivery-records', { day: '2026-12-01' })) as { status: string; quantity: number }[];
    expect(tuesday.map((r) => [r.status, r.quantity])).toEqual([['cancelled', 1]]);
    const thursday = (await backend.call('delivery-records', { day: '2026-12-03' })) as { status: string; quantity: number; unitPriceCents: number }[];
    expect(thursday).toMatchObject([{ status: 'delivered', quantity: 2, unitPriceCents: 1050 }]);
    await expect(backend.call('delivery-close', { day: '2026-12-03', wholeWeek: false })).rejects.toThrow('Le jeudi 3 décembre 2026 est déjà validé.');
    await expect(backend.call('delivery-close', { day: '2026-12-08', wholeWeek: false })).rejects.toMatchObject({ fields: { day: expect.stringContaining('pas encore passé') } });
    expect(b).toBeGreaterThan(0);
  });

  it('keeps closed records when the subscription changes later, and refuses changes reaching back', async () => {
    const world = await createWorld();
    const { backend } = world;
    const chain = await world.subscribe(world.depots.ploemeur);
    await backend.call('delivery-close', { day: '2026-12-01', wholeWeek: false });
    await expect(
      backend.call('cancellation-create', { chainId: chain, fromDate: '2026-12-01', toDate: '2026-12-01', reason: '', confirmLate: true }),
    ).rejects.toMatchObject({ fields: { fromDate: expect.stringContaining('déjà validée') } });
    await backend.call('subscription-end', { chainId: chain, endDate: '2026-12-01', reason: 'Fin' });
    expect(await backend.call('delivery-records', { day: '2026-12-01' })).toMatchObject([{ status: 'delivered', quantity: 1 }]);
    await expect(backend.call('subscription-end', { chainId: chain, endDate: '2026-11-20', reason: '' })).rejects.toMatchObject({
      fields: { endDate: expect.stringContaining('enregistrées jusqu’au 01/12/2026') },
    });
    // A new subscription cannot start on a validated day: its baskets would never be billed.
    await expect(world.subscribe(world.depots.guidel, { startDate: '2026-11-25' })).rejects.toMatchObject({
      fields: { startDate: 'Les livraisons sont déjà enregistrées jusqu’au 01/12/2026 : choisissez une date postérieure.' },
    });
  });

  it('lists past days still open, and forgets them once validated', async () => {
    const world = await createWorld();
    await world.subscribe(world.depots.ploemeur, { startDate: '2026-11-16' });
    const open = async () => ((await world.backend.call('delivery-open-days', {})) as { date: string }[]).map((d) => d.date);
    expect(await open()).toEqual(['2026-11-17', '2026-11-24', '2026-12-01']);
    await world.backend.call('delivery-close', { day: '2026-11-24', wholeWeek: true });
    expect(await open()).toEqual(['2026-11-17', '2026-12-01']);
  });

  it('corrects a record as not collected or not delivered, traced with who and why', async () => {
    const world = await createWorld();
    await world.subscribe(world.depots.ploemeur, {}, { lastName: 'Quéré' });
    await world.backend.call('delivery-close', { day: '2026-12-01', wholeWeek: false });
    const [record] = (await world.backend.call('delivery-records', { day: '2026-12-01' })) as { id: number }[];
    await expect(world.backend.call('delivery-correct', { id: record!.id, status: 'not_collected', reason: '', by: 'Marie' })).rejects.toMatchObject({
      fields: { reason: 'Indiquez la raison de la correction.' },
    });
    await world.backend.call('delivery-correct', { id: record!.id, status: 'not_collected', reason: 'Panier resté au dépôt', by: 'Marie' });
    await world.backend.call('delivery-correct', { id: record!.id, status: 'not_delivered', reason: 'Oubli du chauffeur', by: 'Paul' });
    const [after] = (await world.backend.call('delivery-records', { day: '2026-12-01' })) as { status: string; corrections: { previousStatus: string; newStatus: string; correctedBy: string }[] }[];
    expect(after!.status).toBe('not_delivered');
    expect(after!.corrections.map((c) => [c.previousStatus, c.newStatus, c.correctedBy])).toEqual([
      ['delivered', 'not_collected', 'Marie'],
      ['not_collected', 'not_delivered', 'Paul'],
    ]);
    expect(() => world.db.run('DELETE FROM delivery_corrections')).toThrow(/append-only/);
  });
});
