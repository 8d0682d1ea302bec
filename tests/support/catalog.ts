import type { Backend } from '../../core';

/** Minimal valid inputs for the catalogue handlers, overridable per test. */
export function depotFields(gardenId: number, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ploemeur',
    gardenId,
    addressLine1: '12 rue de Lorient',
    postcode: '56270',
    city: 'Ploemeur',
    weekday: 2,
    pickupHours: 'mardi 17 h – 19 h',
    deliverySlot: '15 h 30',
    capacity: 40,
    referentName: 'Anne Le Goff',
    referentPhone: '06 12 34 56 78',
    referentEmail: 'anne.legoff@example.fr',
    notes: '',
    ...overrides,
  };
}

export function formulaFields(overrides: Record<string, unknown> = {}) {
  return {
    code: 'PETIT',
    name: 'Petit panier',
    description: '',
    vatRateBp: 550,
    quarterlyFlatCents: 13000,
    isSocial: false,
    baseFormulaId: null,
    availableFromMonth: null,
    availableToMonth: null,
    frequencies: ['weekly', 'biweekly_even', 'biweekly_odd'],
    priceCents: 1050,
    priceFrom: '2026-01-01',
    ...overrides,
  };
}

export async function createGarden(backend: Backend, name = 'Pont-Scorff'): Promise<number> {
  const garden = (await backend.call('garden-create', { name, address: '' })) as { id: number };
  return garden.id;
}

export async function createDepot(backend: Backend, gardenId: number, overrides: Record<string, unknown> = {}): Promise<number> {
  const depot = (await backend.call('depot-create', depotFields(gardenId, overrides))) as { id: number };
  return depot.id;
}
