import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { capitalise, dayLabel, weekNumber } from '../week-dates';
import { plural } from '../week-groups';

/** Past delivery days not validated yet: invoices bill only validated days. */
export function OpenDaysBanner({ days, onGo }: { days: OutputOf<'delivery-open-days'>; onGo(day: IsoDate): void }) {
  if (days.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title={`${plural(days.length, 'journée passée n’est pas validée', 'journées passées ne sont pas validées')}`}>
      <Text size="sm" mb={6}>
        Seules les livraisons validées seront facturées. Ouvrez chaque journée après la livraison, corrigez les paniers non retirés ou non livrés, puis validez.
      </Text>
      <Group gap="md" style={{ rowGap: 2 }}>
        {days.map(({ date, baskets }) => (
          <Anchor key={date} component="button" type="button" size="sm" onClick={() => onGo(date as IsoDate)}>
            {capitalise(dayLabel(date as IsoDate))} (sem. {weekNumber(date as IsoDate)}, {plural(baskets, 'panier', 'paniers')})
          </Anchor>
        ))}
      </Group>
    </Alert>
  );
}
