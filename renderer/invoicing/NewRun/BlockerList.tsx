import { Alert, Button, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { OutputOf } from '../../../core/handlers';
import { useAppState } from '../../state/app-store';

type Blocker = OutputOf<'invoice-run-blockers'>[number];

/** What stops the month's invoicing, each with the way to the screen that fixes it. */
export function BlockerList({ blockers }: { blockers: Blocker[] }) {
  const setWeekDay = useAppState((s) => s.setWeekDay);
  const navigate = useAppState((s) => s.navigate);
  const openSubscriber = useAppState((s) => s.openSubscriber);
  const setSettingsTab = useAppState((s) => s.setSettingsTab);

  const fix = (blocker: Blocker) => {
    if (blocker.kind === 'open_day') {
      setWeekDay(blocker.date);
      navigate('week');
    } else if (blocker.kind === 'missing_address') {
      openSubscriber(blocker.subscriberId);
    } else if (blocker.kind === 'organisation') {
      setSettingsTab('organisation');
      navigate('settings');
    }
  };
  const action: Record<Blocker['kind'], string> = {
    open_day: 'Valider la semaine',
    missing_address: 'Ouvrir la fiche',
    organisation: 'Ouvrir les Paramètres',
    cutover: '',
  };

  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={`${blockers.length} point${blockers.length > 1 ? 's' : ''} à régler avant de facturer`}>
      <List spacing={6} size="sm" aria-label="Points à régler">
        {blockers.map((blocker) => (
          <List.Item key={`${blocker.kind}-${'date' in blocker ? blocker.date : 'subscriberId' in blocker ? blocker.subscriberId : blocker.field}`}>
            <Text span size="sm">
              {blocker.message}
            </Text>{' '}
            {action[blocker.kind] && (
              <Button variant="subtle" size="compact-xs" onClick={() => fix(blocker)}>
                {action[blocker.kind]}
              </Button>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
