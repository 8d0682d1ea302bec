import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../core';
import { buildCrateLabels } from '../../../core/documents/crate-labels';
import { buildPackingSummary } from '../../../core/documents/packing-summary';
import { renderCrateLabels } from '../../../core/documents/pdf/crate-labels-pdf';
import { renderPackingSummary } from '../../../core/documents/pdf/packing-summary-pdf';
import { toBytes } from '../../../core/documents/pdf/pdf-kit';
import { subscriberFields, subscriptionFields } from '../../support/catalog';
import { pdfText } from '../../support/pdf';
import { createWorld } from '../../support/world';

async function tuesdayWorld() {
  const world = await createWorld();
  await world.subscribe(world.depots.guidel, {}, { lastName: 'Abalain', firstName: 'Léa' });
  await world.subscribe(world.depots.ploemeur, { quantity: 2 }, { lastName: 'Bihan', firstName: 'Yann' });
  await world.subscribe(world.depots.ploemeur, {}, { lastName: 'Quéré', firstName: 'Hélène' });
  await world.subscribe(world.depots.riantec, {}, { lastName: 'Tanguy', firstName: 'Marc' });
  const s = (await world.backend.call('subscriber-create', subscriberFields({ lastName: 'Morvan', firstName: 'Ewen' }))) as { id: number };
  await world.backend.call('subscription-create', subscriptionFields(s.id, world.formulas.fruits, world.depots.riantec, { startDate: '2027-05-01' }));
  return world;
}

describe('packing summary', () => {
  it('counts each formula per depot in round order, per round and per garden', async () => {
    const world = await tuesdayWorld();
    const [day, ...rest] = buildPackingSummary(world.db, isoDate('2027-05-04'), isoDate('2027-05-04'));
    expect(rest).toEqual([]);
    expect(day).toMatchObject({
      dateLabel: 'mardi 4 mai 2027',
      formulas: ['Panier fruits', 'Petit panier'],
      total: 6,
      counts: { 'Petit panier': 5, 'Panier fruits': 1 },
      gardens: [
        { name: 'Pont-Scorff', total: 4 },
        { name: 'Riantec', total: 2, counts: { 'Petit panier': 1, 'Panier fruits': 1 } },
      ],
    });
    // Round MAR-PS delivers Ploemeur then Guidel (its order), not alphabetically.
    expect(day!.rounds.map((r) => [r.name, r.total, r.depots.map((d) => `${d.name}:${d.total}`)])).toEqual([
      ['Tournée MAR-PS', 4, ['Ploemeur:3', 'Guidel:1']],
      ['Tournée MAR-RI', 2, ['Riantec:2']],
    ]);
    const text = pdfText(toBytes(renderPackingSummary([day!], 'Optim’ism')), 'packing-summary.pdf');
    expect(text).toContain('Mardi 4 mai 2027');
    expect(text).toContain('Tournée MAR-PS');
    expect(text).toMatch(/Total du jour\s+1\s+5\s+6/);
  });
});

describe('crate labels', () => {
  it('gives one label per basket, numbered when a subscriber takes several', async () => {
    const world = await tuesdayWorld();
    const labels = buildCrateLabels(world.db, { from: isoDate('2027-05-04'), to: isoDate('2027-05-04'), depotId: world.depots.ploemeur });
    expect(labels).toEqual([
      { name: 'Yann Bihan', formula: 'Petit panier', depot: 'Ploemeur', round: 'Tournée MAR-PS', dateLabel: 'mardi 4 mai', part: '1/2' },
      { name: 'Yann Bihan', formula: 'Petit panier', depot: 'Ploemeur', round: 'Tournée MAR-PS', dateLabel: 'mardi 4 mai', part: '2/2' },
      { name: 'Hélène Quéré', formula: 'Petit panier', depot: 'Ploemeur', round: 'Tournée MAR-PS', dateLabel: 'mardi 4 mai', part: null },
    ]);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...labels[2]!, name: `Adhérent ${i + 1}` }));
    const doc = renderCrateLabels(many);
    expect(doc.getNumberOfPages()).toBe(2);
    const text = pdfText(toBytes(doc), 'crate-labels.pdf');
    expect(text).toContain('Adhérent 24');
    expect(text).toContain('Adhérent 25');
  });
});
