import type { OutputOf } from '../../../../core/handlers';
import type { ScreenId } from '../../../shell/screens';
import { useAppState } from '../../../state/app-store';

export type DashboardTask = OutputOf<'dashboard-get'>['tasks'][number];

/** The button's word for each destination: what the person will do there. */
export function taskAction(task: DashboardTask): string {
  switch (task.screen) {
    case 'week':
      return 'Ouvrir la semaine';
    case 'invoicing':
      return 'Facturer';
    case 'sepa':
      return 'Prélèvements';
    case 'payments':
      return 'Règlements';
    case 'subscriptions':
      return task.target?.subscriberId ? 'Ouvrir la fiche' : 'Abonnements';
    case 'depots':
      return 'Dépôts';
    case 'settings':
      return 'Paramètres';
  }
}

/**
 * Goes where a task is done, on the record it names: the Semaine screen on the day to
 * validate (as the invoicing blockers do), a Découverte subscriber's page, a tab of Paramètres.
 */
export function useOpenTask(): (task: DashboardTask) => void {
  const navigate = useAppState((s) => s.navigate);
  const setWeekDay = useAppState((s) => s.setWeekDay);
  const openSubscriber = useAppState((s) => s.openSubscriber);
  const setSettingsTab = useAppState((s) => s.setSettingsTab);
  return (task) => {
    const target = task.target ?? {};
    const screen: ScreenId = task.screen;
    if (screen === 'week') {
      if (target.day) setWeekDay(target.day);
      navigate('week');
    } else if (target.subscriberId) {
      openSubscriber(target.subscriberId);
    } else if (screen === 'settings') {
      setSettingsTab(target.settingsTab ?? 'organisation');
      navigate('settings');
    } else {
      navigate(screen);
    }
  };
}
