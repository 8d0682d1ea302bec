import type { ReactElement } from 'react';
import { createTestBackend } from '../support/core';
import { ServicesProvider } from '../../renderer/api/api-context';
import { createApiClient } from '../../renderer/api/client';
import type { CallResult, Transport } from '../../renderer/api/transport';
import type { Host, HostState } from '../../renderer/host/host';
import { AppStoreProvider, type AppStatus } from '../../renderer/state/app-store';
import { render } from './render';

export interface RecordedCall {
  method: string;
  input: unknown;
}

/**
 * The renderer against a real in-memory backend; the only fake is the transport, which
 * records each call and may answer some methods itself (to simulate a backend refusal).
 */
export async function renderWithBackend(
  ui: ReactElement,
  options: { status?: Partial<AppStatus>; answer?: (method: string, input: unknown) => CallResult | undefined } = {},
) {
  const { backend } = await createTestBackend();
  const calls: RecordedCall[] = [];
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push({ method, input });
      return options.answer?.(method, input) ?? backend.handle(method, input);
    },
  };
  const api = createApiClient(transport);
  const hostState: HostState = { open: true, fileName: 'jardin.paniers', databases: [] };
  const host: Host = {
    kind: 'web',
    asksForFileName: true,
    state: async () => hostState,
    createDatabase: async () => hostState,
    openDatabase: async () => hostState,
    openDemo: async () => hostState,
    recoverRefused: async () => hostState,
  };
  const status: AppStatus = {
    file: '/données/jardin.paniers',
    readOnly: false,
    lockHolder: null,
    lastSavedAt: null,
    lastBackupAt: null,
    organisationName: '',
    isConfigured: false,
    ...options.status,
  };
  const view = render(
    <ServicesProvider services={{ api, host }}>
      <AppStoreProvider initial={{ host: hostState, status }}>{ui}</AppStoreProvider>
    </ServicesProvider>,
  );
  return { ...view, backend, calls };
}
