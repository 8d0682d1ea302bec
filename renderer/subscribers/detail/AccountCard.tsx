import { Badge, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { LEDGER_KIND_LABELS } from '../../../core/ledger/ledger-labels';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';

/** The subscriber's account: balance and dated entries (invoices, credit notes, payments), printable. */
export function AccountCard({ subscriberId }: { subscriberId: number }) {
  const api = useApi();
  const statement = useApiQuery('ledger-statement', { subscriberId });
  const entries = statement.data?.entries ?? [];
  const balance = (statement.data?.closingCents ?? 0) as Cents;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Compte">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={2} fz="h4">
            Compte
          </Title>
          {statement.data && (
            <Badge color={balance < 0 ? 'red' : balance > 0 ? 'leaf' : 'gray'} variant="light" tt="none" size="lg">
              {balance < 0 ? `Doit ${formatEuros((-balance) as Cents)}` : balance > 0 ? `En sa faveur : ${formatEuros(balance)}` : 'Solde nul'}
            </Badge>
          )}
        </Group>
        <PrintPdfButton
          size="xs"
          label="Imprimer le relevé"
          readyTitle="Relevé de compte prêt"
          disabled={entries.length === 0}
          load={() => api.call('document-ledger-statement', { subscriberId })}
        />
      </Group>
      {statement.data && entries.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucune écriture pour l’instant : les factures, avoirs et règlements apparaîtront ici.
        </Text>
      )}
      {entries.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <Table verticalSpacing={4} fz="sm" aria-label="Écritures du compte">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Libellé</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                <Table.Th ta="right">Solde</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...entries].reverse().map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateShortFr(e.date as IsoDate)}</Table.Td>
                  <Table.Td>{e.label || LEDGER_KIND_LABELS[e.kind]}</Table.Td>
                  <Table.Td ta="right" c={e.amountCents < 0 ? 'red.8' : undefined}>
                    {formatEuros(e.amountCents)}
                  </Table.Td>
                  <Table.Td ta="right">{formatEuros(e.balanceCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
