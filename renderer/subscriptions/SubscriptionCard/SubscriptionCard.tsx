import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconCalendarPlus, IconClockPause, IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateFr, type IsoDate } from '../../../core/dates/dates';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { ChangeDialog } from '../dialogs/ChangeDialog';
import { EndDialog } from '../dialogs/EndDialog';
import { RenewDialog } from '../dialogs/RenewDialog';
import { TemporaryChangeDialog } from '../dialogs/TemporaryChangeDialog';
import { termsText } from '../history/history';
import { SubscriptionHistory } from '../history/SubscriptionHistory';
import { SubscriptionBadges } from './SubscriptionBadges';

type DialogName = 'change' | 'temporary' | 'end' | 'renew';

/** One subscription on the subscriber's page: its terms today, its actions, its history. */
export function SubscriptionCard({
  subscription,
  today,
  readOnly,
  onChanged,
}: {
  subscription: Subscription;
  today: string;
  readOnly: boolean;
  onChanged(): void;
}) {
  const api = useApi();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const sub = subscription;
  const ended = sub.status === 'ended';
  const close = () => setDialog(null);
  const saved = (message: string) => () => {
    setDialog(null);
    notifySuccess(message);
    onChanged();
  };

  async function withdraw(id: number) {
    try {
      await api.call('subscription-temporary-change-delete', { id });
      notifySuccess('Changement temporaire retiré');
      onChanged();
    } catch (error) {
      notifyError(error, 'Changement temporaire non retiré');
    }
  }

  const since = `Depuis le ${formatDateFr(sub.startDate as IsoDate, 'd MMMM yyyy')}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={`Abonnement ${sub.current.formulaName}`}>
      <Stack gap="xs" mb="sm">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={3} fz="h5">
              {sub.current.formulaName} — {sub.current.depotName}
            </Title>
            <SubscriptionBadges status={sub.status} isDiscovery={sub.isDiscovery} endDate={sub.endDate} />
          </Group>
          <Text size="sm" c="dimmed">
            {termsText(sub.current)} · {sub.status === 'upcoming' ? `À partir du ${formatDateFr(sub.startDate as IsoDate, 'd MMMM yyyy')}` : since}
          </Text>
        </Stack>
        {!readOnly && !ended && (
          <Group gap={6}>
            <Button size="xs" variant="default" leftSection={<IconArrowsExchange size={14} />} onClick={() => setDialog('change')}>
              Changement définitif
            </Button>
            <Button size="xs" variant="default" leftSection={<IconClockPause size={14} />} onClick={() => setDialog('temporary')}>
              Changement temporaire
            </Button>
            {sub.isDiscovery && sub.endDate && (
              <Button size="xs" variant="default" leftSection={<IconCalendarPlus size={14} />} onClick={() => setDialog('renew')}>
                Renouveler (CCAS)
              </Button>
            )}
            <Button size="xs" variant="default" color="red" leftSection={<IconFlag size={14} />} onClick={() => setDialog('end')}>
              Terminer
            </Button>
          </Group>
        )}
      </Stack>
      <SubscriptionHistory subscription={sub} today={today} readOnly={readOnly} onWithdrawTemporary={(id) => void withdraw(id)} />
      {dialog === 'change' && <ChangeDialog subscription={sub} onClose={close} onSaved={saved('Changement définitif enregistré')} />}
      {dialog === 'temporary' && <TemporaryChangeDialog subscription={sub} onClose={close} onSaved={saved('Changement temporaire enregistré')} />}
      {dialog === 'end' && <EndDialog subscription={sub} onClose={close} onSaved={saved('Fin de l’abonnement enregistrée')} />}
      {dialog === 'renew' && <RenewDialog subscription={sub} onClose={close} onSaved={saved('Offre Découverte renouvelée')} />}
    </Paper>
  );
}
