import { ActionIcon, Badge, Button, Checkbox, Group, Loader, Pagination, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { Fragment, useEffect, useRef, useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { toCsv, type CsvColumn } from '../../../core/export/csv';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros, type Cents } from '../../../core/money/money';
import { PAYMENT_METHOD_LABELS } from '../../../core/subscribers/subscribers';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';
import { csvEuros as euros } from '../../shared/csv-values';
import { downloadText } from '../../shared/download';
import { MoneyTd } from '../common/Money';
import { NameLink } from '../common/NameLink';
import { usePaged } from '../common/paged';
import { useSelection } from '../common/selection';
import { useReloadOn } from '../common/use-reload-on';
import { ageColour, plural } from '../payments-text';
import { UnpaidDetail } from './UnpaidDetail';

type Row = OutputOf<'unpaid-list'>['subscribers'][number];

const CSV_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'Adhérent', value: (r) => r.name },
  { header: 'E-mail', value: (r) => r.email },
  { header: 'Mode de règlement', value: (r) => PAYMENT_METHOD_LABELS[r.paymentMethod] },
  { header: 'Dû (€)', value: (r) => euros(r.owedCents) },
  { header: '0 à 30 jours (€)', value: (r) => euros(r.buckets.upTo30Cents) },
  { header: '31 à 60 jours (€)', value: (r) => euros(r.buckets.from31To60Cents) },
  { header: 'Plus de 60 jours (€)', value: (r) => euros(r.buckets.over60Cents) },
  { header: 'Plus ancienne facture', value: (r) => (r.oldestUnpaidInvoiceDate ? formatDateShortFr(r.oldestUnpaidInvoiceDate as IsoDate) : '') },
  { header: 'Âge (jours)', value: (r) => r.debtAgeDays },
];

function Stat({ label, amount, colour }: { label: string; amount: Cents; colour: string }) {
  return (
    <Paper withBorder p="md" style={{ borderLeft: `4px solid var(--mantine-color-${colour}-4)` }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatEuros(amount)}
      </Text>
    </Paper>
  );
}

/** « Impayés »: negative balances aged 0–30, 31–60 and over 60 days, with reminders for the chosen ones. */
export function Unpaid({ version }: { version: number }) {
  const api = useApi();
  const list = useApiQuery('unpaid-list', {});
  useReloadOn(version, list.reload);
  const rows = list.data?.subscribers ?? [];
  const { selected, toggle, setAll } = useSelection();
  const paged = usePaged(rows);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const preselected = useRef(false);
  const chosen = rows.filter((r) => selected.has(r.subscriberId));

  // A reminder is for debts past the month's grace: those over 30 days are checked to start with.
  useEffect(() => {
    if (!list.data || preselected.current) return;
    preselected.current = true;
    setAll(
      list.data.subscribers.filter((r) => r.debtAgeDays > 30).map((r) => r.subscriberId),
      true,
    );
  }, [list.data, setAll]);

  const flip = (id: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const totals = list.data?.totals;
  return (
    <Stack gap="md">
      {totals && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} aria-label="Impayés par ancienneté">
          <Stat label="0 à 30 jours" amount={totals.upTo30Cents as Cents} colour="gray" />
          <Stat label="31 à 60 jours" amount={totals.from31To60Cents as Cents} colour="orange" />
          <Stat label="Plus de 60 jours" amount={totals.over60Cents as Cents} colour="red" />
        </SimpleGrid>
      )}
      {!list.data ? (
        <Loader size="sm" />
      ) : rows.length === 0 ? (
        <Text size="sm">Aucun impayé : aucun adhérent n’a de solde négatif au {formatDateShortFr(list.data.at as IsoDate)}.</Text>
      ) : (
        <>
          <Group gap="sm">
            <PrintPdfButton
              label={`Relances (PDF) · ${chosen.length}`}
              readyTitle="Relances prêtes"
              disabled={chosen.length === 0}
              load={() => api.call('document-payment-reminders', { subscriberIds: chosen.map((r) => r.subscriberId) })}
            />
            <Button variant="default" leftSection={<IconDownload size={16} />} disabled={rows.length === 0} onClick={() => downloadText(`impayes-${list.data?.at ?? ''}.csv`, toCsv(CSV_COLUMNS, rows))}>
              Exporter (CSV)
            </Button>
            {totals && (
              <Text size="sm" c="dimmed" ml="auto">
                {plural(totals.count, 'adhérent')} · {formatEuros(totals.owedCents)} dus · {chosen.length} sélectionné{chosen.length > 1 ? 's' : ''}
              </Text>
            )}
          </Group>
          <Paper withBorder>
            <Table stickyHeader stickyHeaderOffset={64} highlightOnHover verticalSpacing={5} fz="sm" aria-label="Impayés" aria-busy={list.loading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label="Tout sélectionner"
                      checked={rows.length > 0 && chosen.length === rows.length}
                      indeterminate={chosen.length > 0 && chosen.length < rows.length}
                      onChange={(event) => setAll(rows.map((r) => r.subscriberId), event.currentTarget.checked)}
                    />
                  </Table.Th>
                  <Table.Th w={32} />
                  <Table.Th>Adhérent</Table.Th>
                  <Table.Th>Mode de règlement</Table.Th>
                  <Table.Th ta="right">Dû</Table.Th>
                  <Table.Th>Plus ancienne facture</Table.Th>
                  <Table.Th ta="right">Âge</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paged.shown.map((r) => (
                  <Fragment key={r.subscriberId}>
                    <Table.Tr>
                      <Table.Td>
                        <Checkbox aria-label={`Relancer ${r.name}`} checked={selected.has(r.subscriberId)} onChange={(event) => toggle(r.subscriberId, event.currentTarget.checked)} />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Détail des impayés de ${r.name}`} aria-expanded={open.has(r.subscriberId)} onClick={() => flip(r.subscriberId)}>
                          {open.has(r.subscriberId) ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <NameLink subscriberId={r.subscriberId} name={r.name} />
                        {r.archived && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · archivé
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{PAYMENT_METHOD_LABELS[r.paymentMethod]}</Table.Td>
                      <MoneyTd amount={r.owedCents} bold />
                      <Table.Td>{r.oldestUnpaidInvoiceDate ? formatDateShortFr(r.oldestUnpaidInvoiceDate as IsoDate) : '—'}</Table.Td>
                      <Table.Td ta="right">
                        <Badge variant="light" color={ageColour(r.debtAgeDays)}>
                          {plural(r.debtAgeDays, 'jour')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                    {open.has(r.subscriberId) && (
                      <Table.Tr>
                        <Table.Td colSpan={2} />
                        <Table.Td colSpan={5}>
                          <UnpaidDetail row={r} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
            {paged.pages > 1 && (
              <Group justify="center" p="sm">
                <Pagination total={paged.pages} value={paged.page} onChange={paged.setPage} size="sm" />
              </Group>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
