import { Badge } from '@mantine/core';
import { BATCH_STATUS_LABELS, type BatchStatus } from '../../../core/payments/sepa-batches';
import { BATCH_STATUS_COLOURS } from '../sepa-text';

export function BatchStatusBadge({ status, size }: { status: BatchStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge styles={{ label: { overflow: 'visible' } }} color={BATCH_STATUS_COLOURS[status]} variant="light" tt="none" size={size}>
      {BATCH_STATUS_LABELS[status]}
    </Badge>
  );
}
