import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateFr, type IsoDate } from '../../../core/dates/dates';
import type { PlannedBasket } from '../../../core/deliveries/plan';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { CancellationDialog } from './CancellationDialog';

function StatusCell({ basket }: { basket: PlannedBasket }) {
  switch (basket.status) {
    case 'expected':
      return <Badge color="leaf" variant="light" tt="none">Prévu</Badge>;
    case 'cancelled':
      return <Badge color="orange" variant="light" tt="none">{basket.reason ? `Absent : ${basket.reason}` : 'Absent'}</Badge>;
    case 'closure':
      return <Badge color="red" variant="light" tt="none">{`Fermeture${basket.reason ? ` : ${basket.reason}` : ''}`}</Badge>;
    case 'holiday_skipped':
      return <Badge color="gray" variant="light" tt="none">{`Férié${basket.holidayName ? ` : ${basket.holidayName}` : ''}, pas de livraison`}</Badge>;
  }
}

/** The next 8 weeks of baskets, with absences, closures and holidays; « Absent du … au … ». */
export function UpcomingDeliveries({
  baskets,
  subscriptions,
  readOnly,
  onChanged,
}: {
  baskets: PlannedBasket[];
  subscriptions: Subscription[];
  readOnly: boolean;
  onChanged(): void;
}) {
  const api = useApi();
  const [dialog, setDialog] = useState(false);
  const canCancel = !readOnly && subscriptions.some((s) => s.status !== 'ended');

  async function undo(basket: PlannedBasket) {
    if (basket.cancellationId === null) return;
    try {
      await api.call('cancellation-delete', { id: basket.cancellationId });
      notifySuccess('Absence retirée : les paniers sont de nouveau prévus');
      onChanged();
    } catch (error) {
      notifyError(error, 'Absence non retirée');
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Prochaines livraisons">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          Prochaines livraisons
        </Title>
        <Button size="xs" variant="default" leftSection={<IconCalendarOff size={14} />} disabled={!canCancel} onClick={() => setDialog(true)}>
          Absent du … au …
        </Button>
      </Group>
      {baskets.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun panier prévu dans les 8 prochaines semaines.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Livraisons des 8 prochaines semaines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Dépôt et formule</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {baskets.map((b) => (
              <Table.Tr key={`${b.chainId}-${b.date}`} c={b.status === 'expected' ? undefined : 'dimmed'}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateFr(b.date as IsoDate, 'EEE d MMM yyyy')}</Table.Td>
                <Table.Td>
                  {b.depotName}
                  {b.temporary && (
                    <Badge size="xs" variant="outline" ml={6} tt="none">
                      temporaire
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {b.formulaName}
                    {b.quantity > 1 ? ` × ${b.quantity}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusCell basket={b} />
                </Table.Td>
                <Table.Td ta="right">
                  {b.status === 'cancelled' && b.cancellationId !== null && !readOnly && (
                    <Button size="compact-xs" variant="subtle" onClick={() => void undo(b)}>
                      Rétablir
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog && (
        <CancellationDialog
          subscriptions={subscriptions}
          onClose={() => setDialog(false)}
          onSaved={(result) => {
            setDialog(false);
            notifySuccess(`${result.cancelledBaskets} panier${result.cancelledBaskets > 1 ? 's' : ''} annulé${result.cancelledBaskets > 1 ? 's' : ''}`);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
