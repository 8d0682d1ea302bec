import { Badge, Group } from '@mantine/core';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { SUBSCRIPTION_STATUS_LABELS, type SubscriptionStatus } from '../../../core/subscriptions/subscriptions';

const STATUS_COLOURS: Record<SubscriptionStatus, string> = { active: 'leaf', upcoming: 'blue', ended: 'gray' };

export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {SUBSCRIPTION_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Status, and for a Découverte offer its end date: the office watches those. */
export function SubscriptionBadges({ status, isDiscovery, endDate }: { status: SubscriptionStatus; isDiscovery: boolean; endDate: string | null }) {
  return (
    <Group gap={6} wrap="nowrap">
      <SubscriptionStatusBadge status={status} />
      {isDiscovery && (
        <Badge color="grape" variant="light">
          Découverte{endDate ? ` → ${formatDateShortFr(endDate as IsoDate)}` : ''}
        </Badge>
      )}
    </Group>
  );
}
