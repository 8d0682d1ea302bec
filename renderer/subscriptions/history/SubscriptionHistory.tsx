import { Button, Text, Timeline } from '@mantine/core';
import { IconArrowsExchange, IconCalendarPlus, IconClockPause, IconFlag, IconPlayerPlay } from '@tabler/icons-react';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { subscriptionHistory, type HistoryKind } from './history';

const ICONS: Record<HistoryKind, typeof IconFlag> = {
  start: IconPlayerPlay,
  change: IconArrowsExchange,
  temporary: IconClockPause,
  renewal: IconCalendarPlus,
  end: IconFlag,
};

/** The timeline of one subscription; a temporary change not started yet may be withdrawn. */
export function SubscriptionHistory({
  subscription,
  today,
  readOnly,
  onWithdrawTemporary,
}: {
  subscription: Subscription;
  today: string;
  readOnly: boolean;
  onWithdrawTemporary(id: number): void;
}) {
  const events = subscriptionHistory(subscription, today);
  return (
    <Timeline bulletSize={22} lineWidth={2} active={events.filter((e) => e.date <= today).length - 1} aria-label="Historique de l’abonnement">
      {events.map((event) => {
        const Icon = ICONS[event.kind];
        return (
          <Timeline.Item key={`${event.kind}-${event.date}-${event.temporaryChangeId ?? ''}`} bullet={<Icon size={12} />} title={event.title}>
            {event.detail && (
              <Text size="sm" c="dimmed">
                {event.detail}
              </Text>
            )}
            {event.temporaryChangeId !== undefined && event.date > today && !readOnly && (
              <Button size="compact-xs" variant="subtle" color="red" mt={4} onClick={() => onWithdrawTemporary(event.temporaryChangeId!)}>
                Retirer ce changement temporaire
              </Button>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
