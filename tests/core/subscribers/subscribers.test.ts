import { describe, expect, it } from 'vitest';
import type { Subscriber } from '../../../core/subscribers/subscribers';
import { createBasics, subscriberFields, subscriptionFields } from '../../support/catalog';
import { createTestBackend } from '../../support/core';

describe('subscribers', () => {
  it('creates a SEPA payer: IBAN normalised, a unique RUM generated', async () => {
    const { backend } = await createTestBackend();
    const a = (await backend.call('subscriber-create', subscriberFields({ iban: 'fr76 3000 6000 0112 3456 7890 189' }))) as Subscriber;
    const b = (await backend.call('subscriber-create', subscriberFields({ firstName: 'Yann', lastName: 'Le Bihan' }))) as Subscriber;
    expect(a.iban).toBe('FR7630006000011234567890189');
    expect(a.mandateRum).toBe(`PAN-${String(a.id).padStart(6, '0')}`);
    expect(b.mandateRum).not.toBe(a.mandateRum);
    expect(a.status).toBe('none');
  });

  it.each([
    ['FR76 3000 6000 0112 3456 7890 188', 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.'],
    ['FR76 3000 6000 0112 3456 7890 18', 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.'],
    ['FR76 3OOO 6000 0112 3456 7890 189', 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.'],
    ['US12 3456 7890 1234 5678 90', 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.'],
    ['', 'IBAN manquant.'],
  ])('refuses the IBAN %s for a SEPA payer, saving nothing', async (iban, message) => {
    const { backend } = await createTestBackend();
    await expect(backend.call('subscriber-create', subscriberFields({ iban }))).rejects.toMatchObject({ fields: { iban: message } });
    expect(await backend.call('subscriber-list', {})).toMatchObject({ total: 0 });
  });

  it('accepts a cheque payer without IBAN, asks a SEPA payer for the signature date', async () => {
    const { backend } = await createTestBackend();
    const cheque = (await backend.call('subscriber-create', subscriberFields({ paymentMethod: 'cheque', iban: '', mandateSignedOn: null }))) as Subscriber;
    expect(cheque.mandateRum).toBe('');
    await expect(backend.call('subscriber-create', subscriberFields({ mandateSignedOn: null }))).rejects.toMatchObject({
      fields: { mandateSignedOn: 'Indiquez la date de signature du mandat SEPA.' },
    });
  });

  it('refuses a RUM already used by someone else, and a RUM with forbidden characters', async () => {
    const { backend } = await createTestBackend();
    await backend.call('subscriber-create', subscriberFields({ mandateRum: 'OLD-2019-0042' }));
    await expect(backend.call('subscriber-create', subscriberFields({ mandateRum: 'OLD-2019-0042', lastName: 'Autre' }))).rejects.toMatchObject({
      fields: { mandateRum: 'Cette référence de mandat (RUM) est déjà celle de Le Goff.' },
    });
    await expect(backend.call('subscriber-create', subscriberFields({ mandateRum: 'RUM#1' }))).rejects.toMatchObject({ fields: { mandateRum: expect.stringContaining('invalide') } });
  });

  it('finds subscribers by name without accents, by phone digits, by town and by RUM', async () => {
    const { backend } = await createTestBackend();
    await backend.call('subscriber-create', subscriberFields({ firstName: 'Hélène', lastName: 'Quéré', city: 'Quéven', phone: '06 98 76 54 32' }));
    await backend.call('subscriber-create', subscriberFields({ firstName: 'Yann', lastName: 'Le Bihan', city: 'Lanester', phone: '02 97 00 00 00' }));
    const names = async (query: string) => ((await backend.call('subscriber-list', { query })) as { rows: { lastName: string }[] }).rows.map((r) => r.lastName);
    expect(await names('helene quere')).toEqual(['Quéré']);
    expect(await names('QUEVEN')).toEqual(['Quéré']);
    expect(await names('0698 76')).toEqual(['Quéré']);
    expect(await names('lanester')).toEqual(['Le Bihan']);
    expect(await names('pan-000002')).toEqual(['Le Bihan']);
    expect(await names('100%')).toEqual([]);
  });

  it('derives the status from the subscriptions and filters on it and on the depot', async () => {
    const { backend } = await createTestBackend(); // today 2026-12-04
    const basics = await createBasics(backend);
    const later = (await backend.call('subscriber-create', subscriberFields({ lastName: 'Tanguy' }))) as Subscriber;
    const supporter = (await backend.call('subscriber-create', subscriberFields({ lastName: 'Soutien', isSupporter: true, paymentMethod: 'cheque', iban: '', mandateSignedOn: null }))) as Subscriber;
    await backend.call('subscription-create', subscriptionFields(basics.subscriber, basics.formula, basics.depot));
    await backend.call('subscription-create', subscriptionFields(later.id, basics.formula, basics.depot, { startDate: '2027-01-05' }));
    const statuses = (await backend.call('subscriber-list', {})) as { rows: { lastName: string; status: string; depots: string }[] };
    expect(statuses.rows.map((r) => [r.lastName, r.status])).toEqual([
      ['Le Goff', 'active'],
      ['Soutien', 'supporter'],
      ['Tanguy', 'upcoming'],
    ]);
    expect(statuses.rows[0]!.depots).toBe('Ploemeur');
    expect(await backend.call('subscriber-list', { status: 'upcoming' })).toMatchObject({ total: 1, rows: [{ lastName: 'Tanguy' }] });
    expect(await backend.call('subscriber-list', { depotId: basics.depot })).toMatchObject({ total: 2 });
    expect(supporter.status).toBe('supporter');
  });

  it('shows a subscriber whose every running subscription is inside an absence today as paused', async () => {
    const { backend } = await createTestBackend(); // today Friday 2026-12-04
    const basics = await createBasics(backend);
    const sub = (await backend.call('subscription-create', subscriptionFields(basics.subscriber, basics.formula, basics.depot))) as { chainId: number };
    await backend.call('cancellation-create', { chainId: sub.chainId, fromDate: '2026-11-30', toDate: '2026-12-13', reason: 'Vacances', confirmLate: true });
    expect(await backend.call('subscriber-get', { id: basics.subscriber })).toMatchObject({ status: 'paused' });
    expect(await backend.call('subscriber-list', { status: 'paused' })).toMatchObject({ total: 1 });
  });

  it('deletes a record without history, archives one with history', async () => {
    const { backend } = await createTestBackend();
    const basics = await createBasics(backend);
    const typo = (await backend.call('subscriber-create', subscriberFields({ lastName: 'Doublon' }))) as Subscriber;
    await backend.call('subscriber-delete', { id: typo.id });
    await backend.call('subscription-create', subscriptionFields(basics.subscriber, basics.formula, basics.depot, { startDate: '2026-01-06', endDate: '2026-06-30' }));
    await expect(backend.call('subscriber-delete', { id: basics.subscriber })).rejects.toThrow(/ne peut être qu’archivée/);
    const archived = (await backend.call('subscriber-archive', { id: basics.subscriber, archived: true })) as Subscriber;
    expect(archived.archivedAt).not.toBeNull();
    expect(await backend.call('subscriber-list', {})).toMatchObject({ total: 0 });
    expect(await backend.call('subscriber-list', { includeArchived: true })).toMatchObject({ total: 1 });
  });
});
