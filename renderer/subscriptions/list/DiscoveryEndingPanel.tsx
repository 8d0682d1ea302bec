import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { differenceInCalendarDays } from 'date-fns';
import { formatDateFr, fromLocalDate, toLocalNoon, type IsoDate } from '../../../core/dates/dates';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../notify/notify';
import { RenewDialog } from '../dialogs/RenewDialog';

function daysLeft(endDate: string): string {
  const days = differenceInCalendarDays(toLocalNoon(endDate as IsoDate), toLocalNoon(fromLocalDate(new Date())));
  if (days <= 0) return 'dernier jour';
  return days === 1 ? 'demain' : `dans ${days} jours`;
}

/** Découverte offers ending within 4 weeks: the office asks the CCAS before they lapse. */
export function DiscoveryEndingPanel({ readOnly, onOpenSubscriber, onChanged }: { readOnly: boolean; onOpenSubscriber(id: number): void; onChanged(): void }) {
  const ending = useApiQuery('discovery-ending-list', { weeks: 4 });
  const [renewing, setRenewing] = useState<Subscription | null>(null);
  const rows = ending.data ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-label="Offres Découverte se terminant dans les 4 semaines">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4">
          Offres Découverte se terminant dans les 4 semaines
        </Title>
        {ending.data && <Badge variant="light" color="grape">{rows.length}</Badge>}
      </Group>
      {ending.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune offre Découverte ne se termine dans les 4 prochaines semaines.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Adhérent</Table.Th>
              <Table.Th>Formule et dépôt</Table.Th>
              <Table.Th>Fin</Table.Th>
              <Table.Th>Renouvellements</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((sub) => (
              <Table.Tr key={sub.chainId}>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => onOpenSubscriber(sub.subscriberId)}>
                    {sub.subscriberName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {sub.current.formulaName}, {sub.current.depotName}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Stack gap={0}>
                    <span>{formatDateFr(sub.endDate as IsoDate, 'EEE d MMM yyyy')}</span>
                    <Text size="xs" c="dimmed">
                      {daysLeft(sub.endDate!)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{sub.renewals.length === 0 ? 'aucun' : `${sub.renewals.length}`}</Table.Td>
                <Table.Td ta="right">
                  {!readOnly && (
                    <Button size="compact-sm" variant="light" leftSection={<IconCalendarPlus size={14} />} onClick={() => setRenewing(sub)} aria-label={`Renouveler l’offre de ${sub.subscriberName}`}>
                      Renouveler
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {renewing && (
        <RenewDialog
          subscription={renewing}
          onClose={() => setRenewing(null)}
          onSaved={(saved) => {
            setRenewing(null);
            notifySuccess(`Offre Découverte de ${saved.subscriberName} renouvelée`);
            void ending.reload();
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
