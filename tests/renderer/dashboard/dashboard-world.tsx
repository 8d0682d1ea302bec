import type { Backend } from '../../../core';
import { DashboardPage } from '../../../renderer/screens/Dashboard/Dashboard.page';
import { useAppState } from '../../../renderer/state/app-store';
import { createWorld } from '../../support/world';
import { renderAgainst } from '../app-harness';

/** The core tests' clock (Friday 4 December 2026, morning), as the office's wall clock. */
export const now = () => new Date(2026, 11, 4, 10, 30);

/** Where the app is: the screen on show and the day « Semaine » will open on. */
export function WhereAmI() {
  const screen = useAppState((s) => s.screen);
  const weekDay = useAppState((s) => s.weekDay);
  const tab = useAppState((s) => s.settingsTab);
  return <output aria-label="Écran">{`${screen} ${weekDay ?? '-'} ${tab}`}</output>;
}

/**
 * Four weekly subscribers from Monday 30 November: Ploemeur ×2 and Riantec on Tuesdays
 * (Pont-Scorff, Riantec gardens), Port-Louis on Thursdays. Tuesday 1 and Thursday 3 are
 * past and not validated.
 */
export async function createDashboardWorld() {
  const world = await createWorld();
  for (const depot of [world.depots.ploemeur, world.depots.ploemeur, world.depots.riantec, world.depots.portLouis]) {
    await world.subscribe(depot, { startDate: '2026-11-30' });
  }
  return world;
}

export function renderDashboard(backend: Backend) {
  return renderAgainst(
    backend,
    <>
      <DashboardPage now={now} />
      <WhereAmI />
    </>,
    { status: { organisationName: 'Jardin', isConfigured: true } },
  );
}
