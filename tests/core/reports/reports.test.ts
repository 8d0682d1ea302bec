import { describe, expect, it } from 'vitest';
import type { Report } from '../../../core/reports/report-handlers';
import { subscriptionFields } from '../../support/catalog';
import { createWorld } from '../../support/world';
import { createInvoicingWorld } from '../invoicing/invoicing-world';

/**
 * October–November 2026, closed and invoiced (both runs issued today, 4 December):
 * A (Ploemeur, Tuesdays, SEPA) from 1 October, cancels Tuesday 13 October and Tuesday 15 December;
 * B (Port-Louis, Thursdays, 2 baskets, cheques) from 1 October to 15 November;
 * C (Riantec, Tuesdays, SEPA) from 1 November. One basket of A's November invoice is credited.
 */
async function autumn() {
  const world = await createInvoicingWorld();
  const { backend, depots } = world;
  const a = await world.subscribe(depots.ploemeur, { startDate: '2026-10-01' });
  const b = await world.subscribe(depots.portLouis, { startDate: '2026-10-01', endDate: '2026-11-15', quantity: 2 }, { paymentMethod: 'cheque', iban: '', mandateSignedOn: null });
  await world.subscribe(depots.riantec, { startDate: '2026-11-01' });
  await backend.call('cancellation-create', { chainId: a, fromDate: '2026-10-13', toDate: '2026-10-13', reason: 'Absent', confirmLate: true });
  await backend.call('cancellation-create', { chainId: a, fromDate: '2026-12-15', toDate: '2026-12-15', reason: 'Vacances', confirmLate: false });
  await world.closeMonth('2026-10');
  await world.closeMonth('2026-11');
  await world.issue((await world.prepare('2026-10')).id);
  const november = (await world.issue((await world.prepare('2026-11')).id)).run;
  const invoice = await world.invoiceFor(november, await world.subscriberOf(a));
  const line = invoice!.lines.find((l) => l.kind === 'basket')!;
  await backend.call('credit-note-create', { invoiceId: invoice!.id, lineIds: [line.id], reason: 'Panier abîmé' });
  return { ...world, chains: { a, b } };
}

describe('report-get', () => {
  it('gives every figure of the period exactly, revenue agreeing with the invoices to the cent', async () => {
    const world = await autumn();
    const report = (await world.backend.call('report-get', { from: '2026-10-01', to: '2026-12-31' })) as Report;
    const petit = { formulaId: world.formulas.petit, formula: 'Petit panier' };
    expect(report.basketsPerWeek.map((w) => [w.week, w.monday, w.count])).toEqual([
      ['2026-W40', '2026-09-28', 2],
      ['2026-W41', '2026-10-05', 3],
      ['2026-W42', '2026-10-12', 2],
      ['2026-W43', '2026-10-19', 3],
      ['2026-W44', '2026-10-26', 3],
      ['2026-W45', '2026-11-02', 4],
      ['2026-W46', '2026-11-09', 4],
      ['2026-W47', '2026-11-16', 2],
      ['2026-W48', '2026-11-23', 2],
      ['2026-W49', '2026-11-30', 2],
    ]);
    expect(report.basketsPerWeek.every((w) => w.formulaId === petit.formulaId && w.formula === petit.formula)).toBe(true);
    expect(report.formulas).toEqual([{ formulaId: world.formulas.petit, name: 'Petit panier' }]);

    // October: A 3 × 10,50 €, B 10 × 10,50 €; November: A, B and C 4 × 10,50 € each; one basket credited.
    expect(report.revenue.months).toEqual([{ month: '2026-12', invoicedCents: 26250, creditedCents: 1050, revenueCents: 25200 }]);
    expect(report.revenue.byFormula).toEqual([{ month: '2026-12', formulaId: world.formulas.petit, label: 'Petit panier', invoicedCents: 26250, creditedCents: 1050, revenueCents: 25200 }]);
    expect(report.revenue.byPaymentMethod).toEqual([
      { month: '2026-12', method: 'cheque', label: 'Chèque', invoicedCents: 14700, creditedCents: 0, revenueCents: 14700 },
      { month: '2026-12', method: 'sepa', label: 'Prélèvement', invoicedCents: 11550, creditedCents: 1050, revenueCents: 10500 },
    ]);
    const issued = world.db.get<{ gross: number }>("SELECT sum(gross_cents) AS gross FROM invoices WHERE status = 'issued'")!.gross;
    const credited = world.db.get<{ gross: number }>('SELECT sum(gross_cents) AS gross FROM credit_notes')!.gross;
    expect(report.revenue.totalCents).toBe(issued - credited);

    expect(report.subscribers.months).toEqual([
      { month: '2026-10', activeAtMonthEnd: 2, arrivals: 2, departures: 0 },
      { month: '2026-11', activeAtMonthEnd: 2, arrivals: 1, departures: 1 },
      { month: '2026-12', activeAtMonthEnd: 2, arrivals: 0, departures: 0 },
    ]);
    expect(report.cancellationsPerWeek).toEqual([
      { week: '2026-W42', monday: '2026-10-12', recorded: 1, planned: 0, count: 1 },
      { week: '2026-W51', monday: '2026-12-14', recorded: 0, planned: 1, count: 1 },
    ]);
    expect(report.depots.map((d) => [d.depot, d.subscribers, d.baskets, d.deliveryDays, d.averagePerDay, d.capacity, d.capacityUsePercent])).toEqual([
      ['Guidel', 0, 0, 0, null, null, null],
      ['Ploemeur', 1, 8, 8, 1, null, null],
      ['Port-Louis', 1, 14, 7, 2, null, null],
      ['Riantec', 1, 5, 5, 1, null, null],
    ]);
  });

  it('reads capacity use as the average baskets per delivery day over the places', async () => {
    const world = await createInvoicingWorld();
    const { backend, depots, gardens } = world;
    const depot = (await backend.call('depot-get', { id: depots.portLouis })) as Record<string, unknown>;
    await backend.call('depot-update', { ...depot, gardenId: gardens.riantec, capacity: 8 });
    await world.subscribe(depots.portLouis, { startDate: '2026-11-01', quantity: 3 });
    await world.closeMonth('2026-11');
    const report = (await backend.call('report-get', { from: '2026-11-01', to: '2026-11-30' })) as Report;
    expect(report.depots.find((d) => d.depot === 'Port-Louis')).toMatchObject({ baskets: 12, deliveryDays: 4, averagePerDay: 3, capacity: 8, capacityUsePercent: 37.5 });
  });

  it('follows the Découverte offers after their term: continued within 4 weeks, lost, or not decided yet', async () => {
    const world = await createWorld();
    const { backend, depots, formulas } = world;
    const discovery = (chainStart: string, end: string) => ({ startDate: chainStart, endDate: end, isDiscovery: true, discoveryMonths: 3 });
    const kept = await world.subscribe(depots.ploemeur, discovery('2026-07-01', '2026-09-30'));
    const keptBy = ((await backend.call('subscription-get', { chainId: kept })) as { subscriberId: number }).subscriberId;
    await backend.call('subscription-create', subscriptionFields(keptBy, formulas.petit, depots.ploemeur, { startDate: '2026-10-20' }));
    const late = await world.subscribe(depots.ploemeur, discovery('2026-07-01', '2026-09-30'));
    const lateBy = ((await backend.call('subscription-get', { chainId: late })) as { subscriberId: number }).subscriberId;
    await backend.call('subscription-create', subscriptionFields(lateBy, formulas.petit, depots.ploemeur, { startDate: '2026-11-02' }));
    await world.subscribe(depots.ploemeur, discovery('2026-08-01', '2026-10-31'));
    await world.subscribe(depots.ploemeur, discovery('2026-09-01', '2026-11-30'));
    const report = (await backend.call('report-get', { from: '2026-09-01', to: '2026-12-31' })) as Report;
    // Ended 30 Sept (continued 20 Oct), 30 Sept (came back 2 Nov: too late), 31 Oct (lost); 30 Nov: 4 weeks not over.
    expect(report.subscribers.discovery).toEqual({ ended: 4, continued: 1, pending: 1, ratePercent: 33.3 });
  });

  it('refuses a period ending before it starts, naming the field', async () => {
    const world = await createWorld();
    await expect(world.backend.call('report-get', { from: '2026-10-01', to: '2026-09-01' })).rejects.toMatchObject({
      fields: { to: 'La fin de la période précède son début : choisissez une date de fin plus tardive.' },
    });
  });
});

describe('report-csv', () => {
  it('exports each table as a French spreadsheet', async () => {
    const world = await autumn();
    const csv = async (table: string) => (await world.backend.call('report-csv', { from: '2026-10-01', to: '2026-12-31', table })) as { fileName: string; content: string };
    const revenue = await csv('revenue-methods');
    expect(revenue.fileName).toBe('chiffre-affaires-par-mode-de-paiement_2026-10-01_2026-12-31.csv');
    expect(revenue.content).toBe(
      '\ufeffMois;Mode de paiement;Facturé TTC (€);Avoirs TTC (€);Chiffre d’affaires TTC (€)\r\n2026-12;Chèque;147,00;0,00;147,00\r\n2026-12;Prélèvement;115,50;10,50;105,00\r\n',
    );
    expect((await csv('baskets')).content.split('\r\n').slice(0, 2)).toEqual(['\ufeffSemaine;Lundi;Formule;Paniers livrés', '2026-W40;28/09/2026;Petit panier;2']);
    expect((await csv('subscribers')).content).toContain('2026-11;2;1;1\r\n');
    expect((await csv('cancellations')).content).toContain('2026-W51;14/12/2026;0;1;1\r\n');
    expect((await csv('depots')).content).toContain('Riantec;Port-Louis;1;14;7;2;;\r\n');
    await expect(world.backend.call('report-csv', { from: '2026-10-01', to: '2026-12-31', table: 'nope' })).rejects.toMatchObject({ fields: { table: 'Choisissez le tableau à exporter.' } });
  });
});
