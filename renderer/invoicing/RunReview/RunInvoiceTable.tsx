import { Button, Group, Pagination, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import { INVOICE_STATUS_LABELS } from '../invoicing-text';

type Row = OutputOf<'invoice-run-get'>['invoices'][number];
const PAGE = 100;

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The run's invoices, filtered as one types; a page of 100 rows keeps a 2,000-invoice run smooth. */
export function RunInvoiceTable({ invoices, editable, onOpen, onExclude }: { invoices: Row[]; editable: boolean; onOpen(id: number): void; onExclude(id: number, excluded: boolean): void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [page, setPage] = useState(1);
  const shown = useMemo(() => {
    const q = fold(debounced.trim());
    return q === '' ? invoices : invoices.filter((row) => fold(`${row.name} ${row.number ?? ''}`).includes(q));
  }, [invoices, debounced]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages);

  return (
    <>
      <Group justify="space-between">
        <TextInput
          aria-label="Rechercher dans la facturation"
          placeholder="Adhérent ou numéro de facture"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Text size="sm" c="dimmed">
          {shown.length === invoices.length ? `${invoices.length} factures` : `${shown.length} sur ${invoices.length} factures`}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={800} maxHeight={560}>
        <Table stickyHeader highlightOnHover aria-label="Factures de la facturation" verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Adhérent</Table.Th>
              <Table.Th ta="right">Paniers et cotisation</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                Report de solde
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                Avance déduite
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                Montant dû
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice((current - 1) * PAGE, current * PAGE).map((row) => (
              <Table.Tr key={row.id} c={row.status === 'excluded' ? 'dimmed' : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {row.number ?? (
                    // No number before issuing: say which state the row is in instead.
                    <Text span size="sm" c={row.status === 'excluded' ? 'red.8' : 'dimmed'} fs="italic" aria-label={INVOICE_STATUS_LABELS[row.status]}>
                      {row.status === 'excluded' ? INVOICE_STATUS_LABELS.excluded : '—'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(row.id)}>
                    {row.name}
                  </Button>
                </Table.Td>
                <Table.Td ta="right">{formatEuros(row.grossCents)}</Table.Td>
                <Table.Td ta="right">{row.balanceForwardCents ? formatEuros(row.balanceForwardCents) : ''}</Table.Td>
                <Table.Td ta="right">{row.creditAppliedCents ? formatEuros(row.creditAppliedCents) : ''}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatEuros(row.amountDueCents)}
                </Table.Td>
                <Table.Td ta="right">
                  {editable && (
                    <Button variant="subtle" size="compact-xs" color={row.status === 'excluded' ? 'leaf' : 'gray'} onClick={() => onExclude(row.id, row.status !== 'excluded')} aria-label={`${row.status === 'excluded' ? 'Réintégrer' : 'Exclure'} la facture de ${row.name}`}>
                      {row.status === 'excluded' ? 'Réintégrer' : 'Exclure'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune facture ne correspond à « {debounced} ».
        </Text>
      )}
      {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} size="sm" />}
    </>
  );
}
