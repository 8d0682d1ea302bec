import { Badge, Group, Text } from '@mantine/core';
import type { PlannedBasket } from '../../../core/deliveries/plan';
import { dayShort } from '../week-dates';

const OFF_LABELS: Record<Exclude<PlannedBasket['status'], 'expected'>, { label: string; color: string }> = {
  cancelled: { label: 'Annulé', color: 'gray' },
  closure: { label: 'Fermeture', color: 'orange' },
  holiday_skipped: { label: 'Férié, pas de livraison', color: 'red' },
};

/** What makes a basket unusual this week: a temporary change, a holiday shift, or why it is off. */
export function BasketMarkers({ basket }: { basket: PlannedBasket }) {
  const shifted = basket.date !== basket.scheduledDate;
  const off = basket.status === 'expected' ? null : OFF_LABELS[basket.status];
  return (
    <Group gap={6} wrap="wrap">
      {off && (
        <Badge size="sm" variant="light" color={off.color}>
          {off.label}
        </Badge>
      )}
      {off && basket.reason && basket.status !== 'holiday_skipped' && (
        <Text size="xs" c="dimmed" span>
          {basket.reason}
        </Text>
      )}
      {basket.status === 'holiday_skipped' && basket.holidayName && (
        <Text size="xs" c="dimmed" span>
          {basket.holidayName}
        </Text>
      )}
      {shifted && (
        <Badge size="sm" variant="light" color="blue">
          Reporté du {dayShort(basket.scheduledDate)}
          {basket.holidayName ? ` (${basket.holidayName})` : ''}
        </Badge>
      )}
      {basket.temporary && (
        <Badge size="sm" variant="light" color="yellow">
          Changement temporaire
        </Badge>
      )}
      {basket.isDiscovery && (
        <Badge size="sm" variant="light" color="grape">
          Découverte
        </Badge>
      )}
    </Group>
  );
}
