import { Badge, Button, Group, Loader, Pagination, Paper, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { CsvColumn } from '../../../core/export/csv';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import type { ChequeStatus } from '../../../core/payments/cheque-rows';
import { useApiQuery } from '../../api/use-api-query';
import { MoneyTd } from '../common/Money';
import { DrawerCell } from './DrawerCell';
import { CsvButton } from '../../shared/CsvButton';
import { csvDate, csvEuros } from '../../shared/csv-values';
import { usePaged } from '../common/paged';
import { useReloadOn } from '../common/use-reload-on';
import { CHEQUE_STATUS_COLOURS, CHEQUE_STATUS_LABELS, plural } from '../payments-text';
import { ChequeEditDialog } from './ChequeEditDialog';
import { ChequeReturnDialog } from './ChequeReturnDialog';

export type ChequeRow = OutputOf<'cheque-list'>['cheques'][number];

const STATUS_LABELS: Record<ChequeStatus, string> = { received: 'En attente de remise', deposited: 'Remis', returned: 'Impayé' };

const CHEQUE_COLUMNS: CsvColumn<ChequeRow>[] = [
  { header: 'Adhérent', value: (c) => c.subscriberName },
  { header: 'Tireur', value: (c) => c.drawer },
  { header: 'Banque', value: (c) => c.bank },
  { header: 'Numéro', value: (c) => c.number },
  { header: 'Montant (€)', value: (c) => csvEuros(c.amountCents) },
  { header: 'Reçu le', value: (c) => csvDate(c.receivedOn) },
  { header: 'Remise prévue', value: (c) => csvDate(c.plannedDepositOn) },
  { header: 'État', value: (c) => STATUS_LABELS[c.status] },
  { header: 'Bordereau', value: (c) => c.depositSlipNumber ?? '' },
  { header: 'Impayé le', value: (c) => csvDate(c.returnedOn) },
  { header: 'Motif', value: (c) => c.returnReason },
];

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const FILTERS = [
  { value: 'all', label: 'Tous' },
  { value: 'received', label: 'En main' },
  { value: 'deposited', label: 'Remis' },
  { value: 'returned', label: 'Impayés' },
];

/** « Tous les chèques »: every cheque by status and search, with the two corrections the office makes. */
export function AllCheques({ today, version, readOnly, onChanged }: { today: IsoDate; version: number; readOnly: boolean; onChanged(): void }) {
  const [status, setStatus] = useState('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const list = useApiQuery('cheque-list', { search: debounced, ...(status === 'all' ? {} : { status: status as ChequeStatus }) });
  useReloadOn(version, list.reload);
  const cheques = list.data?.cheques ?? [];
  const paged = usePaged(cheques);
  const [editing, setEditing] = useState<ChequeRow | null>(null);
  const [returning, setReturning] = useState<ChequeRow | null>(null);
  const done = () => {
    setEditing(null);
    setReturning(null);
    onChanged();
  };

  return (
    <Stack gap="md">
      <Group gap="md" wrap="wrap">
        <SegmentedControl aria-label="Statut des chèques" data={FILTERS} value={status} onChange={setStatus} size="sm" />
        <TextInput
          aria-label="Rechercher un chèque"
          placeholder="Numéro, banque, tireur ou adhérent"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
        />
        {list.data && (
          <Text size="sm" c="dimmed">
            {plural(list.data.totals.count, 'chèque')} · {formatEuros(list.data.totals.amountCents)}
          </Text>
        )}
        <CsvButton fileName={`cheques-${status}.csv`} columns={CHEQUE_COLUMNS} rows={list.data?.cheques ?? []} />
      </Group>
      {!list.data ? (
        <Loader size="sm" />
      ) : cheques.length === 0 ? (
        <Text size="sm" c="dimmed">
          {debounced ? `Aucun chèque ne correspond à « ${debounced} ».` : 'Aucun chèque dans cette liste.'}
        </Text>
      ) : (
        <Paper withBorder>
          <Table stickyHeader stickyHeaderOffset={64} highlightOnHover verticalSpacing={5} fz="sm" aria-label="Tous les chèques" aria-busy={list.loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reçu le</Table.Th>
                <Table.Th>Encaissement prévu</Table.Th>
                <Table.Th>Adhérent</Table.Th>
                <Table.Th>Banque</Table.Th>
                <Table.Th>N°</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paged.shown.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={NOWRAP}>{formatDateShortFr(c.receivedOn as IsoDate)}</Table.Td>
                  <Table.Td style={NOWRAP}>{formatDateShortFr(c.plannedDepositOn as IsoDate)}</Table.Td>
                  <Table.Td>
                    <DrawerCell cheque={c} />
                  </Table.Td>
                  <Table.Td>{c.bank}</Table.Td>
                  <Table.Td style={NOWRAP}>{c.number}</Table.Td>
                  <MoneyTd amount={c.amountCents} />
                  <Table.Td style={NOWRAP}>
                    <Tooltip
                      label={c.status === 'returned' ? `Le ${formatDateShortFr(c.returnedOn as IsoDate)} : ${c.returnReason}` : `Bordereau ${c.depositSlipNumber ?? ''}`}
                      disabled={c.status === 'received'}
                    >
                      <Badge variant="light" tt="none" color={CHEQUE_STATUS_COLOURS[c.status]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                        {CHEQUE_STATUS_LABELS[c.status]}
                        {c.status === 'deposited' && c.depositSlipNumber ? ` · ${c.depositSlipNumber}` : ''}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    {!readOnly && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {c.status === 'received' && (
                          <Button size="compact-xs" variant="subtle" aria-label={`Corriger le chèque n° ${c.number}`} onClick={() => setEditing(c)}>
                            Corriger
                          </Button>
                        )}
                        {c.status !== 'returned' && (
                          <Button size="compact-xs" variant="subtle" color="red" aria-label={`Chèque n° ${c.number} impayé`} onClick={() => setReturning(c)}>
                            Impayé…
                          </Button>
                        )}
                      </Group>
                    )}
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
      )}
      {editing && <ChequeEditDialog cheque={editing} onClose={() => setEditing(null)} onSaved={done} />}
      {returning && <ChequeReturnDialog cheque={returning} today={today} onClose={() => setReturning(null)} onReturned={done} />}
    </Stack>
  );
}
