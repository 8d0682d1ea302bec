import type { Backend } from '../../../core';
import { AppFrame } from '../../../renderer/shell/AppFrame';
import { renderAgainst } from '../app-harness';

/** The core tests' clock (Friday 4 December 2026): « Nouvelle facturation » proposes November. */
export const now = () => new Date(2026, 11, 4, 10, 30);

/** The whole window on « Facturation », against a backend the test has filled, so the fix links can navigate. */
export function renderInvoicing(backend: Backend) {
  return renderAgainst(backend, <AppFrame now={now} />, {
    status: { organisationName: 'Jardin', isConfigured: true },
    initial: { screen: 'invoicing' },
  });
}
