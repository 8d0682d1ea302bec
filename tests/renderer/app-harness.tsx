import type { ReactElement } from 'react';
import type { Backend } from '../../core';
import { createTestBackend } from '../support/core';
import { ServicesProvider } from '../../renderer/api/api-context';
import { createApiClient } from '../../renderer/api/client';
import type { CallResult, Transport } from '../../renderer/api/transport';
import type { Host, HostState } from '../../renderer/host/host';
import { AppStoreProvider, type AppStatus } from '../../renderer/state/app-store';
import { fakePortal, type FakePortalFolder } from './fake-portal';
import { render } from './render';

export interface RecordedCall {
  method: string;
  input: unknown;
}

type StoreInitial = Parameters<typeof AppStoreProvider>[0]['initial'];

export interface HarnessOptions {
  status?: Partial<AppStatus>;
  /** Answers some methods itself (to simulate a backend refusal); undefined lets the backend answer. */
  answer?: (method: string, input: unknown) => CallResult | undefined;
  /** More of the store's initial state (the screen on show, the week…). */
  initial?: StoreInitial;
  /** The host's portal folder (default: an in-memory folder already chosen). */
  portal?: FakePortalFolder;
}

/**
 * The renderer against a given backend; the only fakes are the transport, which records each
 * call, and the host, which has one database open.
 */
export function renderAgainst(backend: Backend, ui: ReactElement, options: HarnessOptions = {}) {
  const calls: RecordedCall[] = [];
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push({ method, input });
      return options.answer?.(method, input) ?? backend.handle(method, input);
    },
  };
  const hostState: HostState = { open: true, fileName: 'jardin.paniers', databases: [] };
  const portal = options.portal ?? fakePortal(backend);
  const host: Host = {
    kind: 'web',
    asksForFileName: true,
    state: async () => hostState,
    createDatabase: async () => hostState,
    openDatabase: async () => hostState,
    openDemo: async () => hostState,
    recoverRefused: async () => hostState,
    portal: portal.operations,
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
    <ServicesProvider services={{ api: createApiClient(transport), host }}>
      <AppStoreProvider initial={{ host: hostState, status, ...options.initial }}>{ui}</AppStoreProvider>
    </ServicesProvider>,
  );
  return { ...view, calls, portal };
}

/** The renderer against a fresh in-memory backend with every migration. */
export async function renderWithBackend(ui: ReactElement, options: Omit<HarnessOptions, 'initial'> = {}) {
  const { backend } = await createTestBackend();
  return { ...renderAgainst(backend, ui, options), backend };
}
