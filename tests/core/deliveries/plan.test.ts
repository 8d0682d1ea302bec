import { describe, expect, it } from 'vitest';
import { fixedClock, isoDate } from '../../../core';
import { frenchPublicHolidays } from '../../../core/calendar/holidays';
import { planDeliveries, type PlannedBasket } from '../../../core/deliveries/plan';
import { subscriberFields, subscriptionFields } from '../../support/catalog';
import { createWorld } from '../../support/world';

const dates = (baskets: PlannedBasket[], status = 'expected') => baskets.filter((b) => b.status === status).map((b) => b.date);

describe('frequencies and ISO week parity', () => {
  // Tuesdays: 2026-12-22 = W52, 2026-12-29 = W53, 2027-01-05 = W01, 2027-01-12 = W02.
  it.each([
    ['weekly', ['2026-12-22', '2026-12-29', '2027-01-05', '2027-01-12']],
    ['biweekly_even', ['2026-12-22', '2027-01-12']],
    ['biweekly_odd', ['2026-12-29', '2027-01-05']],
    ['monthly', ['2027-01-05']],
  ])('%s over the 2026/2027 boundary (53 weeks in 2026)', async (frequency, expected) => {
    const world = await createWorld();
    await world.subscribe(world.depots.ploemeur, { frequency });
    expect(dates(planDeliveries(world.db, { from: isoDate('2026-12-21'), to: isoDate('2027-01-17') }))).toEqual(expected);
  });
});

describe('versions and temporary changes on their boundary dates', () => {
  it('a permanent depot change takes effect on its date, not the day before', async () => {
    const world = await createWorld();
    const chain = await world.subscribe(world.depots.ploemeur);
    await world.backend.call('subscription-change', {
      chainId: chain, fromDate: '2027-01-12', formulaId: world.formulas.petit, depotId: world.depots.portLouis, frequency: 'weekly', quantity: 2, reason: '', capacityOverrideReason: '',
    });
    const baskets = planDeliveries(world.db, { from: isoDate('2027-01-04'), to: isoDate('2027-01-24') });
    expect(baskets.map((b) => [b.date, b.depotName, b.quantity])).toEqual([
      ['2027-01-05', 'Ploemeur', 1],
      ['2027-01-14', 'Port-Louis', 2],
      ['2027-01-21', 'Port-Louis', 2],
    ]);
  });

  it('a temporary change applies from its first to its last day, then the subscription resumes', async () => {
    const world = await createWorld();
    const chain = await world.subscribe(world.depots.ploemeur);
    await world.backend.call('subscription-temporary-change', { chainId: chain, fromDate: '2027-01-12', toDate: '2027-01-19', depotId: world.depots.guidel, formulaId: null, reason: 'Vacances' });
    const baskets = planDeliveries(world.db, { from: isoDate('2027-01-04'), to: isoDate('2027-01-31') });
    expect(baskets.map((b) => [b.date, b.depotName, b.temporary])).toEqual([
      ['2027-01-05', 'Ploemeur', false],
      ['2027-01-12', 'Guidel', true],
      ['2027-01-19', 'Guidel', true],
      ['2027-01-26', 'Ploemeur', false],
    ]);
  });

  it('no basket after the end date, none before the start', async () => {
    const world = await createWorld();
    await world.subscribe(world.depots.ploemeur, { startDate: '2027-01-06', endDate: '2027-01-19' });
    expect(dates(planDeliveries(world.db, { from: isoDate('2027-01-01'), to: isoDate('2027-01-31') }))).toEqual(['2027-01-12', '2027-01-19']);
  });
});

describe('closures', () => {
  it('the letter: Pont-Scorff closed 11–24 April removes its depots’ baskets, Riantec delivers as usual', async () => {
    const world = await createWorld();
    for (const depot of Object.values(world.depots)) await world.subscribe(depot);
    const closure = { scope: 'garden', gardenId: world.gardens.pontScorff, depotId: null, fromDate: '2027-04-11', toDate: '2027-04-24', label: 'Coupure annuelle de Pont-Scorff' };
    const preview = (await world.backend.call('closure-preview', closure)) as { depots: { name: string }[]; dates: string[]; basketsRemoved: number; amountCents: number; subscribers: unknown[] };
    expect(preview.depots.map((d) => d.name)).toEqual(['Guidel', 'Ploemeur']);
    expect(preview.dates).toEqual(['2027-04-13', '2027-04-20']);
    expect(preview).toMatchObject({ basketsRemoved: 4, amountCents: 4 * 1050 });
    expect(preview.subscribers).toHaveLength(2);
    expect(planDeliveries(world.db, { from: isoDate('2027-04-11'), to: isoDate('2027-04-24') }).every((b) => b.status === 'expected')).toBe(true);

    await world.backend.call('closure-create', closure);
    const april = planDeliveries(world.db, { from: isoDate('2027-04-11'), to: isoDate('2027-04-24') });
    expect(april.filter((b) => b.status === 'closure').map((b) => b.depotName).sort()).toEqual(['Guidel', 'Guidel', 'Ploemeur', 'Ploemeur']);
    expect(april.filter((b) => b.status === 'expected').map((b) => `${b.depotName} ${b.date}`)).toEqual([
      'Riantec 2027-04-13', 'Port-Louis 2027-04-15', 'Riantec 2027-04-20', 'Port-Louis 2027-04-22',
    ]);
  });

  it.each([
    ['organisation', null, null, ['Guidel', 'Ploemeur', 'Port-Louis', 'Riantec']],
    ['depot', null, 'portLouis', ['Port-Louis']],
  ] as const)('a %s closure closes exactly its depots', async (scope, _garden, depotKey, expected) => {
    const world = await createWorld();
    for (const depot of Object.values(world.depots)) await world.subscribe(depot);
    await world.backend.call('closure-create', { scope, gardenId: null, depotId: depotKey ? world.depots[depotKey] : null, fromDate: '2027-03-01', toDate: '2027-03-07', label: 'Fermeture' });
    const closed = planDeliveries(world.db, { from: isoDate('2027-03-01'), to: isoDate('2027-03-07') }).filter((b) => b.status === 'closure');
    expect(closed.map((b) => b.depotName).sort()).toEqual(expected);
  });
});

describe('public holidays', () => {
  it('computes the French holidays of a year, Easter-based ones included', () => {
    expect(frenchPublicHolidays(2027).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 Jour de l’an', '2027-03-29 Lundi de Pâques', '2027-05-01 Fête du Travail', '2027-05-06 Ascension',
      '2027-05-08 Victoire 1945', '2027-05-17 Lundi de Pentecôte', '2027-07-14 Fête nationale', '2027-08-15 Assomption',
      '2027-11-01 Toussaint', '2027-11-11 Armistice 1918', '2027-12-25 Noël',
    ]);
    expect(frenchPublicHolidays(2025).find((h) => h.name === 'Lundi de Pentecôte')?.date).toBe('2025-06-09');
  });

  it('shifts one round and skips another on the same holiday (Tuesday 11 November 2025)', async () => {
    const world = await createWorld({ clock: fixedClock('2025-10-01T09:00:00Z') });
    const ploemeur = await world.subscribe(world.depots.ploemeur, { startDate: '2025-09-01' });
    const riantec = await world.subscribe(world.depots.riantec, { startDate: '2025-09-01' });
    await world.backend.call('holiday-decide', { holidayDate: '2025-11-11', roundId: world.rounds.marPs, action: 'shift', shiftToDate: '2025-11-12' });
    await world.backend.call('holiday-decide', { holidayDate: '2025-11-11', roundId: world.rounds.marRi, action: 'skip', shiftToDate: null });
    const week = planDeliveries(world.db, { from: isoDate('2025-11-10'), to: isoDate('2025-11-16') });
    expect(week.find((b) => b.chainId === ploemeur)).toMatchObject({ date: '2025-11-12', scheduledDate: '2025-11-11', status: 'expected', holidayName: 'Armistice 1918' });
    expect(week.find((b) => b.chainId === riantec)).toMatchObject({ date: '2025-11-11', status: 'holiday_skipped' });
    await expect(
      world.backend.call('holiday-decide', { holidayDate: '2025-11-11', roundId: world.rounds.marPs, action: 'shift', shiftToDate: '2025-11-18' }),
    ).rejects.toMatchObject({ fields: { shiftToDate: 'Le report se fait dans la même semaine.' } });
  });
});

describe('availability', () => {
  it('a fruit basket is delivered only from May to October', async () => {
    const world = await createWorld();
    const s = (await world.backend.call('subscriber-create', subscriberFields())) as { id: number };
    await world.backend.call('subscription-create', subscriptionFields(s.id, world.formulas.fruits, world.depots.ploemeur, { startDate: '2027-04-01' }));
    const months = planDeliveries(world.db, { from: isoDate('2027-04-01'), to: isoDate('2027-11-30') }).map((b) => b.date.slice(0, 7));
    expect([...new Set(months)]).toEqual(['2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10']);
  });
});

describe('cancellations', () => {
  it('cancels a range, is refused past the deadline without confirmation, and on a closed date', async () => {
    const world = await createWorld(); // now: Friday 2026-12-04 09:30 UTC
    const chain = await world.subscribe(world.depots.ploemeur);
    const cancel = (fromDate: string, toDate: string, confirmLate = false) =>
      world.backend.call('cancellation-create', { chainId: chain, fromDate, toDate, reason: 'Absent', confirmLate });
    expect(await cancel('2026-12-14', '2026-12-27')).toMatchObject({ cancelledBaskets: 2, dates: ['2026-12-15', '2026-12-22'] });
    // Tuesday 8 December: deadline Sunday 6 at noon, still open on Friday 4.
    await cancel('2026-12-08', '2026-12-08');
    // Thursday 3 December's deadline (Tuesday 1 at noon) has passed: only a confirmed override goes through.
    const late = await world.subscribe(world.depots.portLouis);
    await expect(
      world.backend.call('cancellation-create', { chainId: late, fromDate: '2026-12-03', toDate: '2026-12-03', reason: '', confirmLate: false }),
    ).rejects.toMatchObject({ fields: { confirmLate: expect.stringContaining('délai d’annulation du panier du jeudi 3 décembre 2026 est dépassé') } });
    expect(await world.backend.call('cancellation-create', { chainId: late, fromDate: '2026-12-03', toDate: '2026-12-03', reason: '', confirmLate: true })).toMatchObject({ cancelledBaskets: 1 });
    await world.backend.call('closure-create', { scope: 'organisation', gardenId: null, depotId: null, fromDate: '2027-02-01', toDate: '2027-02-07', label: 'Inventaire' });
    await expect(cancel('2027-02-02', '2027-02-02')).rejects.toMatchObject({ fields: { fromDate: expect.stringContaining('est une fermeture (Inventaire)') } });
    const week = planDeliveries(world.db, { from: isoDate('2026-12-14'), to: isoDate('2026-12-20') });
    expect(week.find((b) => b.chainId === chain)).toMatchObject({ status: 'cancelled', reason: 'Absent' });
  });
});
