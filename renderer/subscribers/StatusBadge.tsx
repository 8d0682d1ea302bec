import { Badge } from '@mantine/core';
import { SUBSCRIBER_STATUS_LABELS, type SubscriberStatus } from '../../core/subscribers/subscribers';

const COLOURS: Record<SubscriberStatus, string> = { active: 'leaf', paused: 'orange', upcoming: 'blue', ended: 'gray', supporter: 'grape', none: 'yellow' };

export function SubscriberStatusBadge({ status, archived }: { status: SubscriberStatus; archived?: boolean }) {
  if (archived) {
    return (
      <Badge color="gray" variant="outline" tt="none">
        Archivé
      </Badge>
    );
  }
  return (
    <Badge color={COLOURS[status]} variant="light" tt="none">
      {SUBSCRIBER_STATUS_LABELS[status]}
    </Badge>
  );
}
