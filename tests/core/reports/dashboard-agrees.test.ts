import { describe, expect, it } from 'vitest';
import { Backend, createRegistry, fixedClock } from '../../../core';
import type { Dashboard } from '../../../core/reports/dashboard';
import { createDemoTestDb } from '../../support/demo';

// The dashboard counts by shorter paths (one shared plan, counts without lists): on a demo
// database, on days early, mid and late in a month, its figures are those of the screens.

type Task = Dashboard['tasks'][number];

describe('the dashboard agrees with Règlements and Abonnements', () => {
  it.each(['2026-12-04', '2026-11-30', '2026-10-31', '2026-09-16'])('on %s', async (day) => {
    const { db, sqlite } = await createDemoTestDb({ seed: 7 });
    const backend = new Backend({ db, sqlite, clock: fixedClock(`${day}T09:30:00.000Z`), registry: createRegistry(), randomId: () => 'test' });
    const dashboard = (await backend.call('dashboard-get', {})) as Dashboard;
    const task = (kind: Task['kind']) => dashboard.tasks.find((t) => t.kind === kind);

    const low = (await backend.call('low-balance-list', {})) as { subscribers: unknown[] };
    expect(task('low_balances')?.count ?? 0).toBe(low.subscribers.length);

    const unpaid = (await backend.call('unpaid-list', {})) as { subscribers: { debtAgeDays: number; owedCents: number }[] };
    const late = unpaid.subscribers.filter((s) => s.debtAgeDays > 30);
    expect(task('unpaid_over_30')?.count ?? 0).toBe(late.length);
    expect(task('unpaid_over_30')?.amountCents ?? 0).toBe(late.reduce((sum, s) => sum + s.owedCents, 0));

    const ending = (await backend.call('discovery-ending-list', { weeks: 4 })) as unknown[];
    expect(task('discovery_ending')?.count ?? 0).toBe(ending.length);
  });
});
