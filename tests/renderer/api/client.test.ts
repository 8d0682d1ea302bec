import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/api/errors';
import { createApiClient } from '../../../renderer/api/client';
import { httpTransport, pickTransport } from '../../../renderer/api/transport';

function fakeFetch(reply: () => Promise<Response>, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return reply();
  }) as typeof fetch;
}

describe('the API client', () => {
  it('posts JSON to /api/<method> and returns the data', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = createApiClient(httpTransport(fakeFetch(async () => Response.json({ data: { legalName: 'Jardin' } }), seen)));
    await expect(api.call('organisation-get', {})).resolves.toEqual({ legalName: 'Jardin' });
    expect(seen.url).toBe('/api/organisation-get');
    expect(seen.init).toMatchObject({ method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
  });

  it('rethrows a backend refusal as a typed error with its field messages', async () => {
    const api = createApiClient(
      httpTransport(fakeFetch(async () => Response.json({ error: { type: 'validation', message: 'IBAN : invalide.', fields: { iban: 'invalide.' } } }, { status: 422 }))),
    );
    const error = await api.call('organisation-get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ iban: 'invalide.' });
  });

  it('says in French that the server is unreachable when the network fails or answers garbage', async () => {
    for (const reply of [() => Promise.reject(new TypeError('Failed to fetch')), async () => new Response('<html>proxy</html>')]) {
      const api = createApiClient(httpTransport(fakeFetch(reply)));
      await expect(api.call('app-status', {})).rejects.toThrow('Le serveur Paniers ne répond pas');
    }
  });

  it('uses the preload bridge when Electron provides one, else HTTP', () => {
    const bridge = { platform: 'electron', call: async () => ({ data: null }) };
    expect(pickTransport({ paniers: bridge } as unknown as Window).kind).toBe('electron');
    expect(pickTransport({} as Window).kind).toBe('http');
  });
});
