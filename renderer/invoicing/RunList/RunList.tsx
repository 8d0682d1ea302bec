import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { formatEuros } from '../../../core/money/money';
import type { OutputOf } from '../../../core/handlers';
import { monthLabel, RUN_STATUS_LABELS } from '../invoicing-text';

type Run = OutputOf<'invoice-run-list'>[number];

/** The month runs, newest first as the backend sends them; a row opens its review. */
export function RunList({ runs, onOpen, onNew }: { runs: Run[] | undefined; onOpen(runId: number): void; onNew(): void }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">Facturations par mois</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
          Nouvelle facturation
        </Button>
      </Group>
      {runs && runs.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucune facturation pour l’instant. Validez les livraisons du mois, puis cliquez sur « Nouvelle facturation ».
        </Text>
      ) : (
        <Table highlightOnHover aria-label="Facturations" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mois</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th ta="right">Factures</Table.Th>
              <Table.Th ta="right">Total TTC</Table.Th>
              <Table.Th ta="right">Montant dû</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(runs ?? []).map((run) => (
              <Table.Tr key={run.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(run.id)}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(run.id)} tt="capitalize">
                    {monthLabel(run.month)}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={run.status === 'issued' ? 'leaf' : 'yellow'}>
                    {RUN_STATUS_LABELS[run.status]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{run.count}</Table.Td>
                <Table.Td ta="right">{formatEuros(run.grossCents)}</Table.Td>
                <Table.Td ta="right">{formatEuros(run.amountDueCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
