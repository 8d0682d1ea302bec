import type { Backend } from '../../../core';
import { AppFrame } from '../../../renderer/shell/AppFrame';
import { renderAgainst } from '../app-harness';

/** The payments world's clock: Friday 4 December 2026. */
export const now = () => new Date(2026, 11, 4, 10, 30);

/** The whole window on « Règlements », so that names and settings links can navigate. */
export function renderPayments(backend: Backend) {
  return renderAgainst(backend, <AppFrame now={now} />, {
    status: { organisationName: 'Optim’ism', isConfigured: true },
    initial: { screen: 'payments' },
  });
}
