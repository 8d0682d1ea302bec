import { Badge, Group, Loader, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros } from '../../../core/money/money';
import { formatIban } from '../../../core/validation/bank';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';
import { MoneyTd } from '../common/Money';
import { CHEQUE_STATUS_COLOURS, CHEQUE_STATUS_LABELS, plural } from '../payments-text';

/** One deposit slip as it was taken to the bank: the account, each cheque, and those returned since. */
export function SlipDialog({ slipId, onClose }: { slipId: number; onClose(): void }) {
  const api = useApi();
  const found = useApiQuery('deposit-slip-get', { id: slipId });
  const slip = found.data?.slip;

  return (
    <Modal opened onClose={onClose} title={slip ? `Bordereau ${slip.number}` : 'Bordereau'} size="xl" centered>
      {!found.data ? (
        <Loader size="sm" />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Text size="sm">
              Remis le <b>{formatDateShortFr(slip!.depositDate as IsoDate)}</b> sur le compte de {slip!.accountHolder}
              <br />
              IBAN {formatIban(slip!.accountIban)}
              {slip!.accountBic ? ` · BIC ${slip!.accountBic}` : ''}
              <br />
              {plural(slip!.chequeCount, 'chèque')} · total <b>{formatEuros(slip!.totalCents)}</b>
            </Text>
            <PrintPdfButton label="Imprimer" readyTitle={`Bordereau ${slip!.number} prêt`} load={() => api.call('document-deposit-slip', { slipId })} />
          </Group>
          <ScrollArea.Autosize mah={420}>
            <Table stickyHeader verticalSpacing={4} fz="sm" aria-label="Chèques du bordereau">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tireur</Table.Th>
                  <Table.Th>Adhérent</Table.Th>
                  <Table.Th>Banque</Table.Th>
                  <Table.Th>N°</Table.Th>
                  <Table.Th ta="right">Montant</Table.Th>
                  <Table.Th>Statut</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.data.cheques.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.drawer}</Table.Td>
                    <Table.Td>{c.subscriberName}</Table.Td>
                    <Table.Td>{c.bank}</Table.Td>
                    <Table.Td>{c.number}</Table.Td>
                    <MoneyTd amount={c.amountCents} />
                    <Table.Td>
                      <Badge variant="light" color={CHEQUE_STATUS_COLOURS[c.status]}>
                        {c.status === 'returned' ? `Impayé le ${formatDateShortFr(c.returnedOn as IsoDate)}` : CHEQUE_STATUS_LABELS[c.status]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Modal>
  );
}
