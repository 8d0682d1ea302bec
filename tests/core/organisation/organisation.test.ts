import { describe, expect, it } from 'vitest';
import { openDatabase, ValidationError } from '../../../core';
import type { OrganisationInput } from '../../../core/organisation/organisation';
import { readOrganisation } from '../../../core/organisation/organisation-handlers';
import { createTestBackend, TEST_NOW } from '../../support/core';

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function input(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    legalName: '  Optim’ism  ',
    addressLine1: 'Route de Cléguer',
    addressLine2: '',
    postcode: '56620',
    city: 'Pont-Scorff',
    siret: '732 829 320 00074',
    phone: '07 81 19 77 21',
    email: 'paniers@example.org',
    website: '',
    logoDataUrl: null,
    iban: 'fr76 3000 6000 0112 3456 7890 189',
    bic: 'agri fr pp 882',
    sepaCreditorId: 'fr72 zzz 123456',
    vatStatus: 'not_liable',
    vatNumber: '',
    invoiceHeader: '',
    invoiceFooter: '',
    paymentTerms: 'Prélèvement le 10 du mois.',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('organisation settings', () => {
  it('stores normalised identifiers and returns them', async () => {
    const { backend } = await createTestBackend();
    await backend.call('organisation-update', input());
    const org = (await backend.call('organisation-get', {})) as Record<string, unknown>;
    expect(org).toMatchObject({
      legalName: 'Optim’ism',
      siret: '73282932000074',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP882',
      sepaCreditorId: 'FR72ZZZ123456',
      vatStatus: 'not_liable',
      updatedAt: TEST_NOW,
    });
  });

  it('saves durably the normalised values: the saved image holds them', async () => {
    const saved: Uint8Array[] = [];
    const { backend, sqlite, clock } = await createTestBackend({ persistence: { save: async (bytes) => void saved.push(bytes) } });
    await backend.call('organisation-update', input({ vatStatus: 'franchise' }));
    expect(saved).toHaveLength(1);
    const { db } = openDatabase(sqlite, saved[0]!, clock);
    expect(readOrganisation(db)).toMatchObject({ iban: 'FR7630006000011234567890189', vatStatus: 'franchise' });
  });

  it('leaves optional identifiers empty when not given', async () => {
    const { backend } = await createTestBackend();
    await backend.call('organisation-update', input({ siret: '', iban: '  ', bic: '', sepaCreditorId: '' }));
    expect(await backend.call('organisation-get', {})).toMatchObject({ siret: '', iban: '', bic: '', sepaCreditorId: '' });
  });

  it('refuses a wrong IBAN with a French message on the field, and saves nothing', async () => {
    const saved: Uint8Array[] = [];
    const { backend } = await createTestBackend({ persistence: { save: async (bytes) => void saved.push(bytes) } });
    await backend.call('organisation-update', input());
    const error = await rejection(backend.call('organisation-update', input({ legalName: 'Autre nom', iban: 'FR77 3000 6000 0112 3456 7890 189' })));
    expect(error.fields.iban).toBe('IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.');
    expect(Object.keys(error.fields)).toEqual(['iban']);
    expect(saved).toHaveLength(1);
    expect(await backend.call('organisation-get', {})).toMatchObject({ legalName: 'Optim’ism', iban: 'FR7630006000011234567890189' });
  });

  it('names every wrong identifier at once', async () => {
    const { backend } = await createTestBackend();
    const error = await rejection(backend.call('organisation-update', input({ siret: '73282932000075', sepaCreditorId: 'FR73ZZZ123456', bic: 'XX', postcode: '5662' })));
    expect(Object.keys(error.fields).sort()).toEqual(['bic', 'postcode', 'sepaCreditorId', 'siret']);
    expect(error.fields.siret).toMatch(/^SIRET invalide/);
    expect(error.fields.postcode).toBe('Le code postal compte 5 chiffres.');
  });

  it('accepts a PNG logo and refuses a data URL that is not an image', async () => {
    const { backend } = await createTestBackend();
    await backend.call('organisation-update', input({ logoDataUrl: PNG_1PX }));
    expect(await backend.call('organisation-get', {})).toMatchObject({ logoDataUrl: PNG_1PX });
    for (const notImage of ['data:text/html;base64,PGgxPkNvdWNvdTwvaDE+', 'data:image/svg+xml;base64,PHN2Zy8+', 'javascript:alert(1)', 'https://example.org/logo.png']) {
      const error = await rejection(backend.call('organisation-update', input({ logoDataUrl: notImage })));
      expect(error.fields.logoDataUrl).toBe('Le logo doit être une image PNG ou JPEG.');
    }
    expect(await backend.call('organisation-get', {})).toMatchObject({ logoDataUrl: PNG_1PX });
  });
});
