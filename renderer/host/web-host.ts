import { fromSerializedError, type SerializedError } from '../../core/api/errors';
import type { Host, HostState } from './host';

type HostReply = { data: HostState } | { error: SerializedError };

const UNREACHABLE = 'Le serveur Paniers ne répond pas. Vérifiez qu’il est toujours lancé (npm run web), puis réessayez.';

/** The web harness's `/host/*` endpoints (same origin, JSON). */
export function webHost(fetchImpl: typeof fetch = (...args) => fetch(...args)): Host {
  async function request(path: string, body?: unknown): Promise<HostState> {
    let reply: HostReply;
    try {
      const response = await fetchImpl(path, body === undefined
        ? { method: 'GET' }
        : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      reply = (await response.json()) as HostReply;
    } catch {
      throw fromSerializedError({ type: 'internal', message: UNREACHABLE });
    }
    if ('error' in reply) throw fromSerializedError(reply.error);
    return reply.data;
  }
  return {
    kind: 'web',
    asksForFileName: true,
    state: () => request('/host/state'),
    createDatabase: (name) => request('/host/create', { path: name ?? '' }),
    openDatabase: (name) => request('/host/open', { path: name ?? '' }),
    openDemo: () => request('/host/demo', {}),
    recoverRefused: () => request('/host/recover', {}),
  };
}
