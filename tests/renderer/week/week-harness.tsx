import type { Backend } from '../../../core';
import { WeekPage } from '../../../renderer/week/Week/Week.page';
import { renderAgainst } from '../app-harness';

/** The core tests' clock (Friday 4 December 2026, morning), as the office's wall clock. */
export const now = () => new Date(2026, 11, 4, 10, 30);

/** The Semaine screen against a backend the test has already filled (tests/support/world.ts). */
export function renderWeek(backend: Backend, options: { weekDay?: string } = {}) {
  return renderAgainst(backend, <WeekPage now={now} />, {
    status: { organisationName: 'Jardin', isConfigured: true },
    initial: { screen: 'week', ...(options.weekDay ? { weekDay: options.weekDay } : {}) },
  });
}
