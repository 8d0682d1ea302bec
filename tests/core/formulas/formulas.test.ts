import { describe, expect, it } from 'vitest';
import { isAvailableInMonth, type Formula } from '../../../core/formulas/formulas';
import { formulaFields } from '../../support/catalog';
import { createTestBackend } from '../../support/core';

describe('formulas', () => {
  it('creates a formula with its first dated price and VAT rate', async () => {
    const { backend } = await createTestBackend();
    const formula = (await backend.call('formula-create', formulaFields())) as Formula;
    expect(formula).toMatchObject({
      code: 'PETIT',
      vatRateBp: 550,
      quarterlyFlatCents: 13000,
      currentPriceCents: 1050,
      frequencies: ['weekly', 'biweekly_even', 'biweekly_odd'],
      prices: [{ validFrom: '2026-01-01', priceCents: 1050 }],
    });
  });

  it('applies a price change from its date; today still shows the current price', async () => {
    const { backend } = await createTestBackend(); // today is 2026-12-04
    const { id } = (await backend.call('formula-create', formulaFields())) as Formula;
    const later = (await backend.call('formula-price-set', { formulaId: id, validFrom: '2027-01-01', priceCents: 1100 })) as Formula;
    expect(later.currentPriceCents).toBe(1050);
    expect(later.prices).toEqual([
      { validFrom: '2026-01-01', priceCents: 1050 },
      { validFrom: '2027-01-01', priceCents: 1100 },
    ]);
  });

  it('refuses a new price that would reach back over recorded deliveries', async () => {
    const { backend, db } = await createTestBackend();
    const { id } = (await backend.call('formula-create', formulaFields())) as Formula;
    db.run("INSERT INTO gardens (name) VALUES ('G')");
    db.run("INSERT INTO depots (name, garden_id, weekday) VALUES ('D', 1, 2)");
    db.run("INSERT INTO subscribers (last_name, created_at) VALUES ('Le Bihan', '2026-01-01')");
    db.run("INSERT INTO subscriptions (subscriber_id, formula_id, depot_id, start_date, created_at) VALUES (1, ?, 1, '2026-01-01', '2026-01-01')", [id]);
    db.run("INSERT INTO deliveries (delivery_date, subscription_id, subscriber_id, depot_id, formula_id, quantity, unit_price_cents, status) VALUES ('2026-12-01', 1, 1, 1, ?, 1, 1050, 'delivered')", [id]);
    await expect(backend.call('formula-price-set', { formulaId: id, validFrom: '2026-11-01', priceCents: 990 })).rejects.toMatchObject({
      fields: { validFrom: expect.stringContaining('jusqu’au 01/12/2026') },
    });
  });

  it.each([
    [{ vatRateBp: 700 }, 'vatRateBp', 'Taux de TVA non prévu (0 %, 5,5 %, 10 % ou 20 %).'],
    [{ frequencies: [] }, 'frequencies', 'Proposez au moins une fréquence.'],
    [{ availableFromMonth: 5 }, 'availableToMonth', 'Indiquez le premier et le dernier mois de disponibilité, ou aucun.'],
    [{ isSocial: true }, 'baseFormulaId', 'Indiquez la formule dont ce tarif social est la variante.'],
    [{ priceCents: 10.5 }, 'priceCents', 'Le prix par livraison est un montant positif.'],
    [{ priceFrom: '2026-02-30' }, 'priceFrom', 'Date invalide (attendu AAAA-MM-JJ).'],
  ])('refuses %o with a French message on the field', async (override, field, message) => {
    const { backend } = await createTestBackend();
    await expect(backend.call('formula-create', formulaFields(override))).rejects.toMatchObject({ fields: { [field]: message } });
    expect(await backend.call('formula-list', {})).toEqual([]);
  });

  it('links a social (Découverte) variant to its base formula', async () => {
    const { backend } = await createTestBackend();
    const base = (await backend.call('formula-create', formulaFields())) as Formula;
    const social = (await backend.call(
      'formula-create',
      formulaFields({ code: 'DECOUV', name: 'Panier Découverte', isSocial: true, baseFormulaId: base.id, priceCents: 500 }),
    )) as Formula;
    expect(social).toMatchObject({ isSocial: true, baseFormulaId: base.id, currentPriceCents: 500 });
    await expect(
      backend.call('formula-create', formulaFields({ code: 'X', isSocial: true, baseFormulaId: social.id })),
    ).rejects.toMatchObject({ fields: { baseFormulaId: 'La formule de référence ne peut pas être elle-même un tarif social.' } });
  });

  it.each([
    [5, 10, 4, false],
    [5, 10, 5, true],
    [5, 10, 10, true],
    [5, 10, 11, false],
    [11, 2, 12, true],
    [11, 2, 1, true],
    [11, 2, 6, false],
  ])('a formula available from month %i to %i is delivered in month %i: %s', (from, to, month, expected) => {
    expect(isAvailableInMonth({ availableFromMonth: from, availableToMonth: to }, month)).toBe(expected);
  });
});
