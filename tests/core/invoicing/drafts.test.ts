import { describe, expect, it } from 'vitest';
import { formulaFields } from '../../support/catalog';
import { basketDates, createInvoicingWorld } from './invoicing-world';

describe('invoice drafts from the closed delivery records of a month', () => {
  it('the letter’s Pont-Scorff case: no baskets 11–24 April for Pont-Scorff, all four for Riantec', async () => {
    const w = await createInvoicingWorld();
    const ps = await w.subscriberOf(await w.subscribe(w.depots.ploemeur));
    const ri = await w.subscriberOf(await w.subscribe(w.depots.riantec));
    await w.backend.call('closure-create', { scope: 'garden', gardenId: w.gardens.pontScorff, depotId: null, fromDate: '2026-04-11', toDate: '2026-04-24', label: 'Coupure de Pont-Scorff' });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    const psInvoice = await w.invoiceFor(run, ps);
    const riInvoice = await w.invoiceFor(run, ri);
    expect(basketDates(psInvoice)).toEqual(['2026-04-07', '2026-04-28']);
    expect(basketDates(riInvoice)).toEqual(['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28']);
    expect(psInvoice).toMatchObject({ status: 'draft', number: null, grossCents: 2100, amountDueCents: 2100, periodStart: '2026-04-01', periodEnd: '2026-04-30' });
    // 5,5 % included in 10,50 €: 1050 × 550 / 10550 = 54,74 → 55 cents per basket.
    expect(psInvoice!.lines[0]).toMatchObject({ unitPriceCents: 1050, vatRateBp: 550, vatCents: 55, netCents: 995, grossCents: 1050 });
    expect(riInvoice!.vatByRate).toEqual([{ rateBp: 550, netCents: 3980, vatCents: 220, grossCents: 4200 }]);
    expect(run.byDepot.map((d) => [d.label, d.count, d.grossCents])).toEqual([
      ['Ploemeur', 2, 2100],
      ['Riantec', 4, 4200],
    ]);
    expect(run.byPaymentMethod.map((p) => [p.key, p.count, p.grossCents])).toEqual([['sepa', 2, 6300]]);
  });

  it('bills a mid-month start and a mid-month end only for the days subscribed', async () => {
    const w = await createInvoicingWorld();
    const starts = await w.subscriberOf(await w.subscribe(w.depots.riantec, { startDate: '2026-04-13' }));
    const ends = await w.subscriberOf(await w.subscribe(w.depots.riantec, { startDate: '2026-01-01', endDate: '2026-04-16' }));
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    expect(basketDates(await w.invoiceFor(run, starts))).toEqual(['2026-04-14', '2026-04-21', '2026-04-28']);
    expect(basketDates(await w.invoiceFor(run, ends))).toEqual(['2026-04-07', '2026-04-14']);
  });

  it('follows a permanent formula change and a price change in the middle of the month', async () => {
    const w = await createInvoicingWorld();
    const grand = ((await w.backend.call('formula-create', formulaFields({ code: 'GRAND', name: 'Grand panier', priceCents: 1800 }))) as { id: number }).id;
    const changing = await w.subscribe(w.depots.riantec);
    const changer = await w.subscriberOf(changing);
    await w.backend.call('subscription-change', {
      chainId: changing, fromDate: '2026-04-15', formulaId: grand, depotId: w.depots.riantec, frequency: 'weekly', quantity: 1, reason: 'Famille agrandie', capacityOverrideReason: '',
    });
    const steady = await w.subscriberOf(await w.subscribe(w.depots.riantec, { quantity: 2 }));
    await w.backend.call('formula-price-set', { formulaId: w.formulas.petit, validFrom: '2026-04-20', priceCents: 1100 });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    const lines = (i: Awaited<ReturnType<typeof w.invoiceFor>>) => i!.lines.map((l) => [l.date, l.label, l.quantity, l.unitPriceCents, l.grossCents]);
    expect(lines(await w.invoiceFor(run, changer))).toEqual([
      ['2026-04-07', 'Petit panier', 1, 1050, 1050],
      ['2026-04-14', 'Petit panier', 1, 1050, 1050],
      ['2026-04-21', 'Grand panier', 1, 1800, 1800],
      ['2026-04-28', 'Grand panier', 1, 1800, 1800],
    ]);
    expect(lines(await w.invoiceFor(run, steady))).toEqual([
      ['2026-04-07', 'Petit panier', 2, 1050, 2100],
      ['2026-04-14', 'Petit panier', 2, 1050, 2100],
      ['2026-04-21', 'Petit panier', 2, 1100, 2200],
      ['2026-04-28', 'Petit panier', 2, 1100, 2200],
    ]);
    expect(run.byFormula.map((f) => [f.label, f.count, f.grossCents])).toEqual([
      ['Grand panier', 2, 3600],
      ['Petit panier', 10, 10700],
    ]);
  });

  it('never bills cancelled or not-delivered baskets; not-collected ones only when the setting says so', async () => {
    const w = await createInvoicingWorld();
    const chain = await w.subscribe(w.depots.riantec);
    const s = await w.subscriberOf(chain);
    await w.backend.call('cancellation-create', { chainId: chain, fromDate: '2026-04-14', toDate: '2026-04-14', reason: 'Vacances', confirmLate: true });
    await w.closeMonth('2026-04');
    const records = async (day: string) => (await w.backend.call('delivery-records', { day })) as { id: number }[];
    const [r21] = await records('2026-04-21');
    const [r28] = await records('2026-04-28');
    await w.backend.call('delivery-correct', { id: r21!.id, status: 'not_delivered', reason: 'Camion en panne', by: 'Paul' });
    await w.backend.call('delivery-correct', { id: r28!.id, status: 'not_collected', reason: 'Oublié au dépôt', by: 'Paul' });
    const settings = (await w.backend.call('delivery-settings-get', {})) as Record<string, unknown>;
    await w.backend.call('delivery-settings-update', { ...settings, billNotCollected: false });
    expect(basketDates(await w.invoiceFor(await w.prepare('2026-04'), s))).toEqual(['2026-04-07']);
    await w.backend.call('delivery-settings-update', { ...settings, billNotCollected: true });
    expect(basketDates(await w.invoiceFor(await w.prepare('2026-04'), s))).toEqual(['2026-04-07', '2026-04-28']);
  });

  it('shows no VAT when the organisation is not liable', async () => {
    const w = await createInvoicingWorld({ vatStatus: 'franchise' });
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec));
    await w.closeMonth('2026-04');
    const invoice = await w.invoiceFor(await w.prepare('2026-04'), s);
    expect(invoice).toMatchObject({ netCents: 4200, vatCents: 0, grossCents: 4200, vatByRate: [{ rateBp: 0, netCents: 4200, vatCents: 0, grossCents: 4200 }] });
    expect(invoice!.snapshot.organisation.vatStatus).toBe('franchise');
  });
});

describe('balance carried forward and credit applied', () => {
  it.each([
    { opening: 0, gross: 4200, forward: 0, credit: 0, due: 4200, after: -4200 },
    { opening: -1500, gross: 4200, forward: 1500, credit: 0, due: 5700, after: -5700 },
    { opening: 1000, gross: 4200, forward: 0, credit: 1000, due: 3200, after: -3200 },
    { opening: 10000, gross: 4200, forward: 0, credit: 4200, due: 0, after: 5800 },
  ])('opening balance $opening → forward $forward, credit $credit, due $due', async ({ opening, gross, forward, credit, due, after }) => {
    const w = await createInvoicingWorld();
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec));
    await w.backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-03-31', amountCents: opening });
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    const invoice = await w.invoiceFor(run, s);
    expect(invoice).toMatchObject({ grossCents: gross, balanceForwardCents: forward, creditAppliedCents: credit, amountDueCents: due });
    const extra = invoice!.lines.filter((l) => l.kind === 'balance_forward' || l.kind === 'credit').map((l) => [l.label, l.grossCents]);
    expect(extra).toEqual([...(forward ? [['Report de solde', forward]] : []), ...(credit ? [['Avance déduite', -credit]] : [])]);
    await w.issue(run.id);
    // The credit used is not a new entry: the ledger already held it; only the invoice debits.
    expect(await w.balance(s)).toBe(after);
    const issued = await w.invoice(invoice!.id);
    expect(issued).toMatchObject({ status: 'issued', amountDueCents: due, creditAppliedCents: credit, creditRemainingCents: Math.max(after, 0) });
  });
});

describe('the cut-over to Paniers (the letter: accounts settled on 10 April)', () => {
  it('bills April from the 10th only and refuses March, which the old software invoiced', async () => {
    const w = await createInvoicingWorld();
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec));
    w.db.run("UPDATE cutover SET cutover_date = '2026-04-10'");
    await expect(w.backend.call('invoice-run-blockers', { month: '2026-03' })).resolves.toEqual([
      { kind: 'cutover', date: '2026-04-10', message: 'Ce mois précède la reprise des comptes dans Paniers (le vendredi 10 avril 2026) : l’ancien logiciel l’a facturé.' },
    ]);
    await expect(w.prepare('2026-03')).rejects.toThrow('précède la reprise');
    // April's days before the 10th need not be validated either.
    await w.backend.call('delivery-close', { day: '2026-04-14', wholeWeek: true });
    await w.backend.call('delivery-close', { day: '2026-04-21', wholeWeek: true });
    await w.backend.call('delivery-close', { day: '2026-04-28', wholeWeek: true });
    const run = await w.prepare('2026-04');
    expect(basketDates(await w.invoiceFor(run, s))).toEqual(['2026-04-14', '2026-04-21', '2026-04-28']);
  });
});

describe('membership fee', () => {
  async function membershipWorld(settings: { periodStartMonth: number; periodStartDay: number; pivotMonth: number | null; pivotDay: number | null }, who: Record<string, unknown>) {
    const w = await createInvoicingWorld();
    await w.backend.call('membership-settings-update', settings);
    const type = ((await w.backend.call('membership-type-create', { label: 'Solidaire', amountCents: 2000 })) as { id: number }).id;
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, { startDate: '2026-03-01' }, { membershipTypeId: type, ...who }));
    return { w, s, type };
  }
  const membership = (i: Awaited<ReturnType<Awaited<ReturnType<typeof createInvoicingWorld>>['invoiceFor']>>) =>
    i!.lines.filter((l) => l.kind === 'membership').map((l) => [l.label, l.grossCents, l.vatRateBp, l.coversFrom, l.coversTo]);
  const calendar = { periodStartMonth: 1, periodStartDay: 1, pivotMonth: null, pivotDay: null };
  const september = { periodStartMonth: 9, periodStartDay: 1, pivotMonth: 3, pivotDay: 1 };

  it.each([
    { name: 'calendar year, first invoice', settings: calendar, who: {}, expected: [['Cotisation Solidaire du 01/01/2026 au 31/12/2026', 2000, 0, '2026-01-01', '2026-12-31']] },
    { name: 'joining after the pivot covers the next period too', settings: september, who: {}, expected: [['Cotisation Solidaire du 01/09/2025 au 31/08/2027', 2000, 0, '2025-09-01', '2027-08-31']] },
    { name: 'exempt', settings: calendar, who: { membershipExempt: true }, expected: [] },
    { name: 'no fee type', settings: calendar, who: { membershipTypeId: null }, expected: [] },
  ])('$name', async ({ settings, who, expected }) => {
    const { w, s } = await membershipWorld(settings, who);
    await w.closeMonth('2026-03');
    expect(membership(await w.invoiceFor(await w.prepare('2026-03'), s))).toEqual(expected);
  });

  it('is due once per period: not again the next month, again when the next period starts', async () => {
    const { w, s } = await membershipWorld({ periodStartMonth: 5, periodStartDay: 1, pivotMonth: null, pivotDay: null }, {});
    await w.closeMonth('2026-03');
    const march = await w.prepare('2026-03');
    expect(membership(await w.invoiceFor(march, s))).toHaveLength(1);
    await w.issue(march.id);
    await w.closeMonth('2026-04');
    const april = await w.prepare('2026-04');
    expect(membership(await w.invoiceFor(april, s))).toEqual([]);
    await w.issue(april.id);
    await w.closeMonth('2026-05');
    expect(membership(await w.invoiceFor(await w.prepare('2026-05'), s))).toEqual([['Cotisation Solidaire du 01/05/2026 au 30/04/2027', 2000, 0, '2026-05-01', '2027-04-30']]);
  });

  it('bills a supporter without baskets the fee alone', async () => {
    const w = await createInvoicingWorld();
    const type = ((await w.backend.call('membership-type-create', { label: 'Soutien', amountCents: 1500 })) as { id: number }).id;
    const supporter = await w.subscriber({ isSupporter: true, membershipTypeId: type });
    const run = await w.prepare('2026-04');
    expect((await w.invoiceFor(run, supporter))!.lines.map((l) => [l.kind, l.grossCents])).toEqual([['membership', 1500]]);
    await w.issue(run.id);
    // Paid for the year: May has nothing to bill them, so a missing address blocks nothing.
    w.db.run("UPDATE subscribers SET address_line1 = '' WHERE id = ?", [supporter]);
    expect(await w.backend.call('invoice-run-blockers', { month: '2026-05' })).toEqual([]);
    expect((await w.prepare('2026-05')).invoices).toEqual([]);
  });
});

describe('blockers and runs', () => {
  it('lists open days, subscribers without address and missing settings, and refuses to prepare until fixed', async () => {
    const w = await createInvoicingWorld({ siret: '' });
    const s = await w.subscriberOf(await w.subscribe(w.depots.riantec, {}, { addressLine1: '', lastName: 'Sansadresse', firstName: 'Léa' }));
    await w.backend.call('delivery-close', { day: '2026-04-07', wholeWeek: true });
    await w.backend.call('delivery-close', { day: '2026-04-14', wholeWeek: true });
    const blockers = (await w.backend.call('invoice-run-blockers', { month: '2026-04' })) as { kind: string; date?: string; subscriberId?: number; field?: string }[];
    expect(blockers.map((b) => [b.kind, b.date ?? b.subscriberId ?? b.field])).toEqual([
      ['open_day', '2026-04-21'],
      ['open_day', '2026-04-28'],
      ['missing_address', s],
      ['organisation', 'siret'],
    ]);
    await expect(w.prepare('2026-04')).rejects.toThrow(/bloquée : 4 points à régler/);
  });

  it('invoices a month only once, rebuilds a draft run, keeps exclusions, and never bills a delivery twice', async () => {
    const w = await createInvoicingWorld();
    const a = await w.subscriberOf(await w.subscribe(w.depots.riantec));
    const b = await w.subscriberOf(await w.subscribe(w.depots.portLouis));
    await w.closeMonth('2026-04');
    const first = await w.prepare('2026-04');
    const excluded = first.invoices.find((i) => i.subscriberId === b)!;
    await w.backend.call('invoice-exclude', { id: excluded.id, excluded: true });
    const again = await w.prepare('2026-04');
    expect(again.id).toBe(first.id);
    expect(again.invoices.map((i) => [i.subscriberId, i.status])).toEqual([
      [a, 'draft'],
      [b, 'excluded'],
    ]);
    expect(again.totals.count).toBe(1);
    const issued = await w.issue(again.id);
    expect(issued).toMatchObject({ issued: 1, firstNumber: 'FA-2026-00001', lastNumber: 'FA-2026-00001' });
    await expect(w.issue(again.id)).rejects.toThrow('déjà émise');
    await expect(w.backend.call('invoice-exclude', { id: excluded.id, excluded: false })).rejects.toThrow('ne peut plus y être réintégrée');
    await expect(w.prepare('2026-04')).rejects.toThrow('déjà facturé');
    expect(() => w.db.run("INSERT INTO invoice_runs (month, status, created_at) VALUES ('2026-04', 'draft', 'x')")).toThrow(/UNIQUE/);
    expect(await w.balance(b)).toBe(0);
  });

  it('refuses to issue drafts that a delivery correction made stale', async () => {
    const w = await createInvoicingWorld();
    await w.subscribe(w.depots.riantec);
    await w.closeMonth('2026-04');
    const run = await w.prepare('2026-04');
    const [record] = (await w.backend.call('delivery-records', { day: '2026-04-07' })) as { id: number }[];
    await w.backend.call('delivery-correct', { id: record!.id, status: 'not_delivered', reason: 'Oubli', by: 'Paul' });
    await expect(w.issue(run.id)).rejects.toThrow('préparez à nouveau');
    const rebuilt = await w.prepare('2026-04');
    expect((await w.issue(rebuilt.id)).run.totals.grossCents).toBe(3150);
  });
});
