import { Button, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import { monthLabel } from '../../invoicing/invoicing-text';
import { BatchStatusBadge } from '../common/BatchStatusBadge';
import { shortDate } from '../sepa-text';

type Batch = OutputOf<'sepa-batch-list'>[number];

/** The collection batches, latest collection date first; a row opens the batch. */
export function BatchList({ batches, readOnly, onOpen, onNew }: { batches: Batch[] | undefined; readOnly: boolean; onOpen(id: number): void; onNew(): void }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          Lots de prélèvements
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={onNew} disabled={readOnly}>
          Nouveau prélèvement
        </Button>
      </Group>
      {!batches ? (
        <Loader size="sm" aria-label="Chargement des lots" />
      ) : batches.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucun prélèvement pour l’instant. Émettez une facturation, puis cliquez sur « Nouveau prélèvement » pour préparer le fichier à déposer à la banque.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760} maxHeight={600}>
          <Table stickyHeader highlightOnHover aria-label="Lots de prélèvements" verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>N°</Table.Th>
                <Table.Th>Date de prélèvement</Table.Th>
                <Table.Th>Facturation</Table.Th>
                <Table.Th ta="right">Prélèvements</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th ta="right">Rejets</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.map((batch) => (
                <Table.Tr key={batch.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(batch.id)} c={batch.status === 'cancelled' ? 'dimmed' : undefined}>
                  <Table.Td>{batch.id}</Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => onOpen(batch.id)} aria-label={`Lot n° ${batch.id} du ${shortDate(batch.collectionDate)}`}>
                      {shortDate(batch.collectionDate)}
                    </Button>
                  </Table.Td>
                  <Table.Td tt="capitalize">{batch.month ? monthLabel(batch.month) : '—'}</Table.Td>
                  <Table.Td ta="right">{batch.count}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(batch.totalCents)}
                  </Table.Td>
                  <Table.Td>
                    <BatchStatusBadge status={batch.status} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} c={batch.rejectedCount > 0 ? 'red.8' : 'dimmed'}>
                    {batch.rejectedCount > 0 ? `${batch.rejectedCount} · ${formatEuros(batch.rejectedCents)}` : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
