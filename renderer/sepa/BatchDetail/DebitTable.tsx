import { Badge, Button, Pagination, Table, Text, TextInput, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CsvColumn } from '../../../core/export/csv';
import type { OutputOf } from '../../../core/handlers';
import { CsvButton } from '../../shared/CsvButton';
import { csvDate, csvEuros } from '../../shared/csv-values';
import { formatEuros } from '../../../core/money/money';
import { R_CODES, RETURN_KIND_LABELS, type RCode } from '../../../core/payments/sepa-returns';
import { formatIban } from '../../../core/validation/bank';
import { SubscriberLink } from '../common/SubscriberLink';
import { usePaged } from '../common/paged';
import { DEBIT_STATUS_COLOURS, DEBIT_STATUS_LABELS, shortDate } from '../sepa-text';

type Debit = OutputOf<'sepa-batch-get'>['debits'][number];

const DEBIT_COLUMNS: CsvColumn<Debit>[] = [
  { header: 'Adhérent', value: (d) => d.name },
  { header: 'Facture', value: (d) => d.invoiceNumber },
  { header: 'Référence (EndToEndId)', value: (d) => d.endToEndId },
  { header: 'RUM', value: (d) => d.rum },
  { header: 'IBAN', value: (d) => formatIban(d.iban) },
  { header: 'Montant (€)', value: (d) => csvEuros(d.amountCents) },
  { header: 'Séquence', value: (d) => d.sequenceType },
  { header: 'État', value: (d) => DEBIT_STATUS_LABELS[d.status] },
  { header: 'Rejet', value: (d) => (d.returnCode ? `${d.returnCode} ${R_CODES[d.returnCode as RCode] ?? ''}`.trim() : '') },
  { header: 'Date du rejet', value: (d) => csvDate(d.returnDate) },
];

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The batch's debits; once the bank has the file, each can receive its reject. */
export function DebitTable({ debits, canReturn, onReturn }: { debits: Debit[]; canReturn: boolean; onReturn(debit: Debit): void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const filtered = useMemo(() => {
    const q = fold(debounced.trim());
    return q === '' ? debits : debits.filter((d) => fold(`${d.name} ${d.invoiceNumber}`).includes(q));
  }, [debits, debounced]);
  const { shown, pages, page, setPage } = usePaged(filtered);

  return (
    <>
      <Group justify="space-between">
        <TextInput
          aria-label="Rechercher dans le lot"
          placeholder="Adhérent ou numéro de facture"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {filtered.length === debits.length ? `${debits.length} prélèvements` : `${filtered.length} sur ${debits.length} prélèvements`}
          </Text>
          <CsvButton fileName="prelevements-du-lot.csv" columns={DEBIT_COLUMNS} rows={filtered} />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={860} maxHeight={560}>
        <Table stickyHeader highlightOnHover aria-label="Prélèvements du lot" verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Adhérent</Table.Th>
              <Table.Th>Facture</Table.Th>
              <Table.Th>IBAN</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((debit) => (
              <Table.Tr key={debit.id}>
                <Table.Td>
                  <SubscriberLink subscriberId={debit.subscriberId} name={debit.name} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{debit.invoiceNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} ff="monospace" fz="xs">
                  {formatIban(debit.iban)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatEuros(debit.amountCents)}
                </Table.Td>
                <Table.Td>
                  <Badge styles={{ label: { overflow: 'visible' } }} size="sm" variant="light" tt="none" color={DEBIT_STATUS_COLOURS[debit.status]}>
                    {DEBIT_STATUS_LABELS[debit.status]}
                  </Badge>
                  {debit.status === 'rejected' && debit.returnKind && debit.returnCode && (
                    <Text size="xs" c="red.8">
                      {RETURN_KIND_LABELS[debit.returnKind]} {debit.returnCode} — {R_CODES[debit.returnCode as RCode] ?? ''} ({shortDate(debit.returnDate)})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {canReturn && debit.status !== 'rejected' && debit.status !== 'cancelled' && (
                    <Button variant="subtle" color="red" size="compact-xs" onClick={() => onReturn(debit)} aria-label={`Enregistrer un rejet pour ${debit.name}`}>
                      Enregistrer un rejet
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {filtered.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun prélèvement ne correspond à « {debounced} ».
        </Text>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </>
  );
}
