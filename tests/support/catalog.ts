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

export function subscriberFields(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'person',
    civility: 'Mme',
    firstName: 'Anne',
    lastName: 'Le Goff',
    addressLine1: '3 impasse des Mouettes',
    addressLine2: '',
    postcode: '56100',
    city: 'Lorient',
    phone: '06 12 34 56 78',
    phone2: '',
    phone3: '',
    email: 'anne.legoff@example.fr',
    birthDate: null,
    notes: '',
    isEmployee: false,
    isSupporter: false,
    membershipExempt: false,
    membershipTypeId: null,
    paymentMethod: 'sepa',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: '',
    mandateRum: '',
    mandateSignedOn: '2026-03-01',
    ...overrides,
  };
}

export function subscriptionFields(subscriberId: number, formulaId: number, depotId: number, overrides: Record<string, unknown> = {}) {
  return {
    subscriberId,
    formulaId,
    depotId,
    frequency: 'weekly',
    quantity: 1,
    startDate: '2026-09-01',
    endDate: null,
    isDiscovery: false,
    discoveryMonths: null,
    capacityOverrideReason: '',
    ...overrides,
  };
}

/** A garden, a depot, a formula and a subscriber: what every subscription test needs. */
export async function createBasics(backend: Backend, subscriber: Record<string, unknown> = {}) {
  const garden = await createGarden(backend);
  const depot = await createDepot(backend, garden);
  const formula = (await backend.call('formula-create', formulaFields())) as { id: number };
  const created = (await backend.call('subscriber-create', subscriberFields(subscriber))) as { id: number };
  return { garden, depot, formula: formula.id, subscriber: created.id };
}
