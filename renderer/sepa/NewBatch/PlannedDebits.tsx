import { Badge, Group, Pagination, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import { SubscriberLink } from '../common/SubscriberLink';
import { usePaged } from '../common/paged';

type Debit = OutputOf<'sepa-batch-preview'>['debits'][number];

/** The debits the batch would make, by name; RCUR/FRST and the badges the bank file will carry. */
export function PlannedDebits({ debits }: { debits: Debit[] }) {
  const { shown, pages, page, setPage } = usePaged(debits);
  if (debits.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Aucune facture à prélever dans cette facturation : voyez les factures écartées ci-dessous.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={700} maxHeight={420}>
        <Table stickyHeader aria-label="Prélèvements prévus" verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Adhérent</Table.Th>
              <Table.Th>Facture</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th>Séquence</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((debit) => (
              <Table.Tr key={debit.invoiceId}>
                <Table.Td>
                  <SubscriberLink subscriberId={debit.subscriberId} name={debit.name} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{debit.invoiceNumber}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatEuros(debit.amountCents)}
                </Table.Td>
                <Table.Td>{debit.sequenceType}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {debit.representation && (
                      <Badge styles={{ label: { overflow: 'visible' } }} size="sm" color="orange" variant="light" tt="none" title="Prélèvement rejeté auparavant, présenté à nouveau">
                        Représentation
                      </Badge>
                    )}
                    {debit.amended && (
                      <Badge styles={{ label: { overflow: 'visible' } }} size="sm" color="grape" variant="light" tt="none" title="IBAN ou référence du mandat changé depuis le dernier prélèvement : la banque en est informée">
                        Mandat modifié
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </>
  );
}
