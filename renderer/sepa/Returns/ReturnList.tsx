import { Alert, Card, Loader, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { formatEuros } from '../../../core/money/money';
import { RETURN_KIND_LABELS } from '../../../core/payments/sepa-returns';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../core/subscribers/subscribers';
import { useApiQuery } from '../../api/use-api-query';
import { SubscriberLink } from '../common/SubscriberLink';
import { shortDate } from '../sepa-text';

/** « Rejets à traiter »: debits the bank sent back whose invoice is still owed. */
export function ReturnList() {
  const query = useApiQuery('sepa-return-list', {});
  if (query.error) return <Alert color="red" title="Les rejets n’ont pas pu être lus">{query.error.message}</Alert>;
  if (!query.data) return <Loader size="sm" aria-label="Chargement des rejets" />;
  const rows = query.data.returns;
  return (
    <Card withBorder padding="lg">
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} mb="md">
        Chaque facture rejetée sera présentée à nouveau dans le prochain lot de sa facturation. Si l’adhérent préfère payer autrement, passez-le au chèque (ou au virement) sur sa fiche : elle sortira alors des prélèvements.
      </Alert>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun rejet à traiter : tous les prélèvements rejetés ont été présentés à nouveau ou réglés.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800} maxHeight={600}>
          <Table stickyHeader aria-label="Rejets à traiter" verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Adhérent</Table.Th>
                <Table.Th>Facture</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                <Table.Th>Motif</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Règlement</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.debitId}>
                  <Table.Td>
                    <SubscriberLink subscriberId={row.subscriberId} name={row.name} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.invoiceNumber}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(row.amountCents)}
                  </Table.Td>
                  <Table.Td>
                    {RETURN_KIND_LABELS[row.kind]} {row.code} — {row.codeLabel}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDate(row.date)}</Table.Td>
                  <Table.Td>{PAYMENT_METHOD_LABELS[row.paymentMethod as PaymentMethod] ?? row.paymentMethod}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
