import { fromSerializedError, type SerializedError } from '../../core/api/errors';
import type { PortalExportDone, PortalHostState, PortalPushDone, PortalRequestsRead } from '../../core/bridge';
import type { Host, HostState } from './host';

type HostReply<T> = { data: T } | { error: SerializedError };

const UNREACHABLE = 'Le serveur Paniers ne répond pas. Vérifiez qu’il est toujours lancé (npm run web), puis réessayez.';

/** The web harness's `/host/*` endpoints (same origin, JSON). */
export function webHost(fetchImpl: typeof fetch = (...args) => fetch(...args)): Host {
  async function request<T = HostState>(path: string, body?: unknown): Promise<T> {
    let reply: HostReply<T>;
    try {
      const response = await fetchImpl(path, body === undefined
        ? { method: 'GET' }
        : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      reply = (await response.json()) as HostReply<T>;
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
    portal: {
      state: () => request<PortalHostState>('/host/portal/state', {}),
      chooseFolder: () => request<PortalHostState | null>('/host/portal/choose-folder', {}),
      export: (kind) => request<PortalExportDone>('/host/portal/export', { kind }),
      readRequests: () => request<PortalRequestsRead>('/host/portal/read-requests', {}),
      push: () => request<PortalPushDone>('/host/portal/push', {}),
      setToken: (token) => request<PortalHostState>('/host/portal/token', { token }),
    },
  };
}
