import { Badge, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { Cheque } from '../../../core/payments/cheque-rows';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros } from '../../../core/money/money';

function ChequeStatus({ cheque }: { cheque: Cheque }) {
  if (cheque.status === 'deposited') {
    return (
      <Badge variant="light" color="leaf" tt="none">
        Remis{cheque.depositSlipNumber ? ` (${cheque.depositSlipNumber})` : ''}
      </Badge>
    );
  }
  if (cheque.status === 'returned') {
    return (
      <Badge variant="light" color="red" tt="none" title={cheque.returnReason || undefined}>
        Impayé
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="gray" tt="none">
      En attente
    </Badge>
  );
}

/** The subscriber's cheques under the account: which are still to deposit, and when. */
export function SubscriberCheques({ cheques }: { cheques: readonly Cheque[] }) {
  if (cheques.length === 0) return null;
  // Latest first: the office looks for the cheques just handed in or still to come.
  const sorted = [...cheques].sort((a, b) => b.plannedDepositOn.localeCompare(a.plannedDepositOn) || b.id - a.id);
  return (
    <section aria-label="Chèques de l’adhérent">
      <Title order={3} fz="h5" mt="md" mb={4}>
        Chèques{' '}
        <Text span c="dimmed" fz="sm" fw={400}>
          ({cheques.length}, dont {cheques.filter((c) => c.status === 'received').length} en attente de remise)
        </Text>
      </Title>
      <ScrollArea.Autosize mah={200}>
        <Table verticalSpacing={2} fz="sm" aria-label="Chèques" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              <Table.Th>Banque</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th>Remise prévue</Table.Th>
              <Table.Th>État</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.number}</Table.Td>
                <Table.Td>{c.bank}</Table.Td>
                <Table.Td ta="right">{formatEuros(c.amountCents)}</Table.Td>
                <Table.Td>{formatDateShortFr(c.plannedDepositOn as IsoDate)}</Table.Td>
                <Table.Td>
                  <ChequeStatus cheque={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </section>
  );
}
