import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineHandler, HandlerRegistry, ValidationError } from '../../core';
import { createTestBackend } from '../support/core';
import { validOrganisation } from '../support/organisation';

describe('handler registry', () => {
  const ping = defineHandler({ name: 'ping-get', input: z.object({}), mutates: false, run: () => 'pong' });

  it('refuses a name registered twice', () => {
    expect(() => new HandlerRegistry([ping, ping])).toThrow(/registered twice: ping-get/);
  });

  it('refuses names that are not kebab-case, noun first', () => {
    expect(() => defineHandler({ name: 'getPing', input: z.object({}), mutates: false, run: () => 1 })).toThrow(/kebab-case/);
  });
});

describe('backend calls', () => {
  it('answers an unknown method with a typed not-found error in French', async () => {
    const { backend } = await createTestBackend();
    expect(await backend.handle('subscriber-explode', {})).toEqual({
      error: { type: 'not-found', message: 'Opération inconnue : « subscriber-explode ».' },
    });
  });

  it('answers bad input with a validation error naming each field in French', async () => {
    const { backend } = await createTestBackend();
    const result = await backend.handle('organisation-update', { legalName: '' });
    expect(result).toMatchObject({ error: { type: 'validation' } });
    const fields = (result as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields.legalName).toBe('Indiquez le nom de l’association.');
    expect(fields.vatStatus).toBe('Choisissez un régime de TVA.');
  });

  it('rolls back a mutation whose durable save failed, so nothing is half-saved', async () => {
    const failing = { save: () => Promise.reject(new Error('disk full')) };
    const { backend } = await createTestBackend({ persistence: failing });
    const input = validOrganisation();
    await expect(backend.call('organisation-update', input)).rejects.toMatchObject({ type: 'internal' });
    const org = (await backend.call('organisation-get', {})) as { legalName: string };
    expect(org.legalName).toBe('');
  });

  it('acknowledges a mutation only after the save resolved', async () => {
    const events: string[] = [];
    const persistence = {
      save: async () => {
        events.push('save-start');
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('save-done');
      },
    };
    const { backend } = await createTestBackend({ persistence });
    await backend.call('organisation-update', validOrganisation()).then(() => events.push('ack'));
    expect(events).toEqual(['save-start', 'save-done', 'ack']);
  });

  it('refuses mutations in read-only mode and says who holds the file', async () => {
    const { backend } = await createTestBackend({ readOnly: { holder: 'Marie sur BUREAU-2' } });
    await expect(backend.call('organisation-update', validOrganisation())).rejects.toThrow(/lecture seule : Marie sur BUREAU-2/);
    expect(await backend.call('app-status', {})).toMatchObject({ readOnly: true, lockHolder: 'Marie sur BUREAU-2' });
  });

  it('turns read-only when the lock is lost, and says who holds the file', async () => {
    const { backend } = await createTestBackend();
    await backend.call('organisation-update', validOrganisation());
    backend.setReadOnly('un autre programme');
    await expect(backend.call('organisation-update', validOrganisation())).rejects.toThrow(/lecture seule : un autre programme/);
    expect(await backend.call('app-status', {})).toMatchObject({ readOnly: true, lockHolder: 'un autre programme' });
  });

  it('hides unexpected errors behind a generic internal error', async () => {
    const { backend } = await createTestBackend();
    backend.registry.add(
      defineHandler({
        name: 'boom-run',
        input: z.object({}),
        mutates: false,
        run: () => {
          throw new Error('secret stack detail');
        },
      }),
    );
    const result = await backend.handle('boom-run', {});
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(result).toMatchObject({ error: { type: 'internal' } });
  });

  it('keeps ValidationError fields when thrown by a handler', () => {
    const error = ValidationError.field('iban', 'IBAN invalide.');
    expect(error.toJSON()).toEqual({ type: 'validation', message: 'IBAN invalide.', fields: { iban: 'IBAN invalide.' } });
  });
});
