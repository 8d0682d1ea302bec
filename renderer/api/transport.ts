import type { SerializedError } from '../../core/api/errors';
import type { PaniersBridge } from '../../core/bridge';

/** What travels back from the backend, whatever the transport. */
export type CallResult = { data: unknown } | { error: SerializedError };

/** How the renderer reaches the backend: the preload bridge in Electron, HTTP in the web harness. */
export interface Transport {
  readonly kind: 'electron' | 'http';
  call(method: string, input: unknown): Promise<CallResult>;
}

/** The part of the preload bridge (`window.paniers`, core/bridge.ts) the API client uses. */
export type BridgeCall = Pick<PaniersBridge, 'call'>;

export function bridgeTransport(bridge: BridgeCall): Transport {
  return { kind: 'electron', call: (method, input) => bridge.call(method, input) };
}

const NETWORK_ERROR: SerializedError = {
  type: 'internal',
  message: 'Le serveur Paniers ne répond pas. Vérifiez qu’il est toujours lancé (npm run web), puis réessayez.',
};

/**
 * `POST /api/<method>` with a JSON body to the page's own origin (the web harness). The
 * harness always answers `{data}` or `{error}`; anything else is reported as unreachable.
 */
export function httpTransport(fetchImpl: typeof fetch = (...args) => fetch(...args), base = ''): Transport {
  return {
    kind: 'http',
    async call(method, input) {
      let response: Response;
      try {
        response = await fetchImpl(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { error: NETWORK_ERROR };
      }
      try {
        const body = (await response.json()) as CallResult;
        if (body && typeof body === 'object' && ('data' in body || 'error' in body)) return body;
      } catch {
        // fall through: not a harness answer
      }
      return { error: NETWORK_ERROR };
    },
  };
}

/** Picks the transport once, at start: the preload bridge when present, else HTTP. */
export function pickTransport(win: Window = window): Transport {
  const bridge = (win as Window & { paniers?: Partial<BridgeCall> }).paniers;
  if (bridge && typeof bridge.call === 'function') return bridgeTransport(bridge as BridgeCall);
  return httpTransport();
}
