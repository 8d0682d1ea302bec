import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../core';
import { buildDeliverySheets } from '../../../core/documents/delivery-sheet';
import { renderDeliverySheets } from '../../../core/documents/pdf/delivery-sheet-pdf';
import { toBytes } from '../../../core/documents/pdf/pdf-kit';
import { subscriberFields, subscriptionFields } from '../../support/catalog';
import { validOrganisation } from '../../support/organisation';
import { pdfText } from '../../support/pdf';
import { createWorld } from '../../support/world';

describe('depot delivery sheet', () => {
  it('lists the depot’s baskets by name with totals and change markers', async () => {
    const world = await createWorld(); // today 2026-12-04
    const { backend, depots, formulas } = world;
    await backend.call('depot-update', { ...(await backend.call('depot-get', { id: depots.ploemeur }) as object), pickupHours: 'mardi 17 h – 19 h', referentName: 'Anne Le Goff', referentPhone: '06 12 34 56 78' });
    const steady = await world.subscribe(depots.ploemeur, {}, { lastName: 'Bihan', firstName: 'Yann' });
    const fresh = await world.subscribe(depots.ploemeur, { startDate: '2026-12-15', quantity: 2 }, { lastName: 'Abalain', firstName: 'Léa' });
    const back = await world.subscribe(depots.ploemeur, {}, { lastName: 'Quéré', firstName: 'Hélène' });
    await backend.call('cancellation-create', { chainId: back, fromDate: '2026-12-08', toDate: '2026-12-08', reason: 'Absente', confirmLate: false });
    const visitor = await world.subscribe(depots.guidel, {}, { lastName: 'Tanguy', firstName: 'Marc' });
    await backend.call('subscription-temporary-change', { chainId: visitor, fromDate: '2026-12-14', toDate: '2026-12-20', depotId: depots.ploemeur, formulaId: null, reason: '' });
    await world.subscribe(depots.ploemeur, { isDiscovery: true, discoveryMonths: 3, startDate: '2026-09-16' }, { lastName: 'Morvan', firstName: 'Ewen' }); // ends 2026-12-15
    const s = (await backend.call('subscriber-create', subscriberFields({ lastName: 'Zéro', firstName: 'Fruits' }))) as { id: number };
    await backend.call('subscription-create', subscriptionFields(s.id, formulas.fruits, depots.ploemeur, { startDate: '2026-01-01' }));

    const [sheet, ...others] = buildDeliverySheets(world.db, { from: isoDate('2026-12-15'), to: isoDate('2026-12-15'), depotId: depots.ploemeur });
    expect(others).toEqual([]);
    expect(sheet).toMatchObject({
      date: '2026-12-15',
      dateLabel: 'mardi 15 décembre 2026',
      roundName: 'Tournée MAR-PS',
      depot: { name: 'Ploemeur', pickupHours: 'mardi 17 h – 19 h', referent: 'Anne Le Goff – 06 12 34 56 78', address: '12 rue de Lorient, 56270 Ploemeur' },
      totals: [{ formula: 'Petit panier', quantity: 6 }],
      totalBaskets: 6,
    });
    expect(sheet!.rows.map((r) => [r.name, r.quantity, r.markers])).toEqual([
      ['Léa Abalain', 2, ['new']],
      ['Yann Bihan', 1, []],
      ['Ewen Morvan', 1, ['last-discovery']],
      ['Hélène Quéré', 1, ['back']],
      ['Marc Tanguy', 1, ['temporary']],
    ]);
    expect(steady).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(0);
  });

  it('prints every name, the depot and the French date; 50 names fit on one page', async () => {
    const world = await createWorld();
    for (let i = 0; i < 50; i++) await world.subscribe(world.depots.ploemeur, {}, { lastName: `Nom-${String(i).padStart(2, '0')}`, firstName: 'Éloïse' });
    await world.subscribe(world.depots.riantec, {}, { lastName: 'Riantecais', firstName: 'Jo' });
    await world.backend.call('organisation-update', validOrganisation());
    const sheets = buildDeliverySheets(world.db, { from: isoDate('2026-12-15'), to: isoDate('2026-12-15') });
    expect(sheets.map((s) => s.depot.name)).toEqual(['Ploemeur', 'Riantec']);
    const doc = renderDeliverySheets(sheets);
    const text = pdfText(toBytes(doc), 'delivery-sheets.pdf');
    expect(doc.getNumberOfPages()).toBe(2);
    expect(text).toContain('Ploemeur');
    expect(text).toContain('Mardi 15 décembre 2026');
    for (let i = 0; i < 50; i++) expect(text).toContain(`Éloïse Nom-${String(i).padStart(2, '0')}`);
    expect(text).toContain('Total : 50 paniers');
    expect(text).toContain('Page 1 / 1');
  });
});
