import { Card, Table, Text, Title } from '@mantine/core';
import type { Cents } from '../../../core/money/money';
import { formatEuros } from '../../../core/money/money';
import { SubscriberLink } from './SubscriberLink';

export interface Excluded {
  invoiceId: number;
  invoiceNumber: string;
  subscriberId: number;
  name: string;
  amountDueCents: Cents;
  reason: string;
}

/** Invoices of the run that are not collected, each with why: the office fixes them on the subscriber's page. */
export function ExcludedInvoices({ excluded, title = 'Factures écartées' }: { excluded: Excluded[]; title?: string }) {
  if (excluded.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h5" mb={4}>
        {title} ({excluded.length})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Ces factures ne sont pas prélevées. Ouvrez la fiche de l’adhérent pour corriger son mandat, ou encaissez-les autrement.
      </Text>
      <Table.ScrollContainer minWidth={700} maxHeight={320}>
        <Table stickyHeader aria-label={title} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Adhérent</Table.Th>
              <Table.Th>Facture</Table.Th>
              <Table.Th ta="right">Montant dû</Table.Th>
              <Table.Th>Raison</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {excluded.map((row) => (
              <Table.Tr key={row.invoiceId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <SubscriberLink subscriberId={row.subscriberId} name={row.name} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.invoiceNumber}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatEuros(row.amountDueCents)}
                </Table.Td>
                <Table.Td c="orange.9">{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
