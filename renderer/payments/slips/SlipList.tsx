import { Button, Group, Loader, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';
import { MoneyTd } from '../common/Money';
import { usePaged } from '../common/paged';
import { useReloadOn } from '../common/use-reload-on';
import { plural } from '../payments-text';
import { SlipDialog } from './SlipDialog';

/** « Bordereaux »: every deposit slip, newest first, to print again or to look into. */
export function SlipList({ version }: { version: number }) {
  const api = useApi();
  const list = useApiQuery('deposit-slip-list', {});
  useReloadOn(version, list.reload);
  const slips = list.data?.slips ?? [];
  const paged = usePaged(slips);
  const [openId, setOpenId] = useState<number | null>(null);

  if (!list.data) return <Loader size="sm" />;
  if (slips.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Aucun bordereau de remise pour l’instant : créez-en un depuis l’onglet Chèques, « À remettre en banque ».
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {list.data && (
        <Text size="sm" c="dimmed">
          {plural(list.data.totals.count, 'bordereau', 'bordereaux')} · {plural(list.data.totals.chequeCount, 'chèque')} · {formatEuros(list.data.totals.amountCents)}
        </Text>
      )}
      <Paper withBorder>
        <Table stickyHeader stickyHeaderOffset={64} highlightOnHover verticalSpacing={5} fz="sm" aria-label="Bordereaux de remise" aria-busy={list.loading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Date de remise</Table.Th>
              <Table.Th ta="right">Chèques</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th ta="right">Impayés</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paged.shown.map((slip) => (
              <Table.Tr key={slip.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpenId(slip.id)}>
                    {slip.number}
                  </Button>
                </Table.Td>
                <Table.Td>{formatDateShortFr(slip.depositDate as IsoDate)}</Table.Td>
                <Table.Td ta="right">{slip.chequeCount}</Table.Td>
                <MoneyTd amount={slip.totalCents} />
                <Table.Td ta="right" c={slip.returnedCount ? 'red.8' : 'dimmed'}>
                  {slip.returnedCount || '—'}
                </Table.Td>
                <Table.Td ta="right">
                  <PrintPdfButton
                    label="Imprimer"
                    aria-label={`Imprimer le bordereau ${slip.number}`}
                    size="compact-sm"
                    readyTitle={`Bordereau ${slip.number} prêt`}
                    load={() => api.call('document-deposit-slip', { slipId: slip.id })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {paged.pages > 1 && (
          <Group justify="center" p="sm">
            <Pagination total={paged.pages} value={paged.page} onChange={paged.setPage} size="sm" />
          </Group>
        )}
      </Paper>
      {openId !== null && <SlipDialog slipId={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
