import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../../core/reports/forecast';
import { pdfText } from '../../support/pdf';
import { createWorld } from '../../support/world';

/**
 * May 2027: Ascension falls on Thursday 6, the JEU round (Port-Louis) delivers on Friday 7
 * instead; the Pont-Scorff garden is closed the week of 10 May; Riantec's subscriber cancels
 * Tuesday 4. Fruit baskets are in season.
 */
async function mayWorld() {
  const world = await createWorld();
  const { backend, depots, formulas, rounds } = world;
  await world.subscribe(depots.ploemeur);
  const riantec = await world.subscribe(depots.riantec);
  await world.subscribe(depots.portLouis);
  await world.subscribe(depots.guidel, { formulaId: formulas.fruits, quantity: 2 });
  await backend.call('holiday-decide', { holidayDate: '2027-05-06', roundId: rounds.jeu, action: 'shift', shiftToDate: '2027-05-07' });
  await backend.call('closure-create', { scope: 'garden', gardenId: world.gardens.pontScorff, depotId: null, fromDate: '2027-05-10', toDate: '2027-05-16', label: 'Jardin fermé' });
  await backend.call('cancellation-create', { chainId: riantec, fromDate: '2027-05-04', toDate: '2027-05-04', reason: 'Absent', confirmLate: false });
  return world;
}

describe('forecast-get', () => {
  it('counts the baskets due per day, garden and formula, honouring a closure, a holiday shift and a cancellation', async () => {
    const world = await mayWorld();
    const { formulas, gardens } = world;
    const forecast = (await world.backend.call('forecast-get', { from: '2027-05-03', weeks: 2 })) as Forecast;
    expect(forecast.from).toBe('2027-05-03');
    expect(forecast.to).toBe('2027-05-16');
    const ps = { gardenId: gardens.pontScorff, garden: 'Pont-Scorff' };
    const ri = { gardenId: gardens.riantec, garden: 'Riantec' };
    const petit = { formulaId: formulas.petit, formula: 'Petit panier' };
    const fruits = { formulaId: formulas.fruits, formula: 'Panier fruits' };
    expect(forecast.rows).toEqual([
      { date: '2027-05-04', ...ps, ...fruits, count: 2 },
      { date: '2027-05-04', ...ps, ...petit, count: 1 },
      { date: '2027-05-07', ...ri, ...petit, count: 1 },
      { date: '2027-05-11', ...ri, ...petit, count: 1 },
      { date: '2027-05-13', ...ri, ...petit, count: 1 },
    ]);
    expect(forecast.weeks).toEqual([
      {
        week: '2027-W18',
        monday: '2027-05-03',
        days: ['2027-05-04', '2027-05-07'],
        total: 4,
        byFormula: [
          { formulaId: formulas.fruits, formula: 'Panier fruits', count: 2 },
          { formulaId: formulas.petit, formula: 'Petit panier', count: 2 },
        ],
        byGarden: [
          { gardenId: gardens.pontScorff, garden: 'Pont-Scorff', count: 3 },
          { gardenId: gardens.riantec, garden: 'Riantec', count: 1 },
        ],
      },
      {
        week: '2027-W19',
        monday: '2027-05-10',
        days: ['2027-05-11', '2027-05-13'],
        total: 2,
        byFormula: [{ formulaId: formulas.petit, formula: 'Petit panier', count: 2 }],
        byGarden: [{ gardenId: gardens.riantec, garden: 'Riantec', count: 2 }],
      },
    ]);
    expect(forecast.total).toBe(6);
    expect(forecast.formulas.map((f) => f.name)).toEqual(['Panier fruits', 'Petit panier']);
  });

  it('starts today by default and covers the rest of this week plus the next ones', async () => {
    const world = await createWorld();
    await world.subscribe(world.depots.ploemeur);
    const forecast = (await world.backend.call('forecast-get', {})) as Forecast;
    expect([forecast.from, forecast.to, forecast.weeks.length]).toEqual(['2026-12-04', '2027-01-24', 8]);
    // Friday 4 December: this week's Tuesday is past; then every Tuesday.
    expect(forecast.weeks.map((w) => w.total)).toEqual([0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('refuses more than 26 weeks, naming the field', async () => {
    const world = await createWorld();
    await expect(world.backend.call('forecast-get', { weeks: 30 })).rejects.toMatchObject({ fields: { weeks: 'Au plus 26 semaines.' } });
  });
});

describe('document-forecast', () => {
  it('prints one table per week for the growers, A4 landscape', async () => {
    const world = await mayWorld();
    const pdf = (await world.backend.call('document-forecast', { from: '2027-05-03', weeks: 2 })) as { fileName: string; dataUri: string; pages: number };
    expect(pdf.fileName).toBe('prevision-recolte_2027-05-03_2027-05-16.pdf');
    expect(pdf.pages).toBe(1);
    const bytes = Uint8Array.from(atob(pdf.dataUri.split(',')[1]!), (c) => c.charCodeAt(0));
    const text = pdfText(bytes, 'forecast.pdf');
    expect(text).toContain('Semaine 18 — du 3 mai au 9 mai 2027');
    expect(text).toContain('Semaine 19 — du 10 mai au 16 mai 2027');
    expect(text).toMatch(/Mardi 4 mai\s+Vendredi 7 mai\s+Total/);
    expect(text).toMatch(/Panier fruits\s+2\s+–\s+2/);
    expect(text).toMatch(/Pont-Scorff\s+3\s+–\s+3/);
    expect(text).toMatch(/Total\s+3\s+1\s+4/);
  });

  it('says there is nothing to print when no basket is due', async () => {
    const world = await createWorld();
    await expect(world.backend.call('document-forecast', { from: '2027-05-03', weeks: 2 })).rejects.toMatchObject({ message: 'Aucun panier prévu sur ces semaines : il n’y a rien à imprimer.' });
  });
});
