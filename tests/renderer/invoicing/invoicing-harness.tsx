import type { Backend } from '../../../core';
import { ServicesProvider } from '../../../renderer/api/api-context';
import { createApiClient } from '../../../renderer/api/client';
import type { Transport } from '../../../renderer/api/transport';
import type { Host, HostState } from '../../../renderer/host/host';
import { AppFrame } from '../../../renderer/shell/AppFrame';
import { AppStoreProvider, type AppStatus } from '../../../renderer/state/app-store';
import type { RecordedCall } from '../app-harness';
import { render } from '../render';

/** The core tests' clock (Friday 4 December 2026): « Nouvelle facturation » proposes November. */
export const now = () => new Date(2026, 11, 4, 10, 30);

/** The whole window on « Facturation », against a backend the test has filled, so the fix links can navigate. */
export function renderInvoicing(backend: Backend) {
  const calls: RecordedCall[] = [];
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push({ method, input });
      return backend.handle(method, input);
    },
  };
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
    organisationName: 'Jardin',
    isConfigured: true,
  };
  const view = render(
    <ServicesProvider services={{ api: createApiClient(transport), host }}>
      <AppStoreProvider initial={{ host: hostState, status, screen: 'invoicing' }}>
        <AppFrame now={now} />
      </AppStoreProvider>
    </ServicesProvider>,
  );
  return { ...view, calls };
}
