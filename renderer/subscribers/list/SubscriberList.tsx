import { Alert, Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconDownload, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fromLocalDate } from '../../../core/dates/dates';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, SUBSCRIBER_STATUS_LABELS, SUBSCRIBER_STATUSES, type PaymentMethod, type SubscriberStatus } from '../../../core/subscribers/subscribers';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { useCatalogue } from '../../subscriptions/forms/use-catalogue';
import { SubscriberStatusBadge } from '../StatusBadge';
import { downloadText, formatCount } from '../../shared/download';
import { listInput, PAGE_SIZE, type SubscriberFilters } from './filters';
import { subscribersCsv } from './subscriber-csv';

// The e-mail is searchable, exported and on the subscriber's page; the table keeps to one line a row.
const NOWRAP = { whiteSpace: 'nowrap' } as const;
// Short enough for one line in the table; the filter and the page use the full labels.
const PAYMENT_SHORT: Record<PaymentMethod, string> = { sepa: 'SEPA', cheque: 'Chèques', transfer: 'Virement', other: 'Autre' };

const SORTS = [
  { value: 'name', label: 'Tri : nom' },
  { value: 'city', label: 'Tri : ville' },
  { value: 'status', label: 'Tri : statut' },
  { value: 'created', label: 'Tri : derniers créés' },
];

/** The Adhérents list: instant search, filters, sort, count, pages, CSV export. */
export function SubscriberList({
  filters,
  onFilters,
  readOnly,
  onOpen,
  onNew,
}: {
  filters: SubscriberFilters;
  onFilters(filters: SubscriberFilters): void;
  readOnly: boolean;
  onOpen(id: number): void;
  onNew(): void;
}) {
  const api = useApi();
  const catalogue = useCatalogue();
  const gardens = useApiQuery('garden-list', { includeArchived: false });
  // 150 ms: fast enough to feel instant, slow enough not to query on every keystroke.
  const [query] = useDebouncedValue(filters.query, 150);
  const list = useApiQuery('subscriber-list', listInput(filters, query));
  const [exporting, setExporting] = useState(false);
  const set = (patch: Partial<SubscriberFilters>) => onFilters({ ...filters, page: 1, ...patch });

  async function exportCsv() {
    setExporting(true);
    try {
      const { csv, count } = await subscribersCsv(api, { ...listInput(filters, filters.query), limit: undefined, offset: undefined });
      downloadText(`adherents-${fromLocalDate(new Date())}.csv`, csv);
      notifySuccess(`${formatCount(count)} adhérent${count > 1 ? 's' : ''} exporté${count > 1 ? 's' : ''} (fichier CSV pour Excel ou LibreOffice)`);
    } catch (error) {
      notifyError(error, 'Export impossible');
    } finally {
      setExporting(false);
    }
  }

  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (filters.page - 1) * PAGE_SIZE + 1;
  const filtered = query !== '' || filters.depotId || filters.gardenId || filters.formulaId || filters.paymentMethod || filters.status;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz="h2">
            Adhérents
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {list.data ? `${formatCount(total)} adhérent${total > 1 ? 's' : ''}${filtered ? ` trouvé${total > 1 ? 's' : ''}` : ''}` : 'Chargement…'}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} disabled={total === 0} onClick={() => void exportCsv()}>
            Exporter (CSV)
          </Button>
          <Button leftSection={<IconUserPlus size={16} />} disabled={readOnly} onClick={onNew}>
            Nouvel adhérent
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap">
            <TextInput
              aria-label="Rechercher un adhérent"
              placeholder="Nom, e-mail, téléphone, ville ou RUM"
              leftSection={<IconSearch size={16} />}
              value={filters.query}
              onChange={(event) => set({ query: event.currentTarget.value })}
              style={{ flex: 1 }}
              autoFocus
            />
            <Select aria-label="Tri" data={SORTS} value={filters.sort} allowDeselect={false} w={200} onChange={(v) => v && set({ sort: v as SubscriberFilters['sort'] })} />
            <Switch label="Archivés" checked={filters.includeArchived} onChange={(e) => set({ includeArchived: e.currentTarget.checked })} />
          </Group>
          <SimpleGrid cols={5} spacing="sm">
            <Select aria-label="Dépôt" placeholder="Tous les dépôts" data={catalogue.depotOptions} value={filters.depotId} clearable searchable onChange={(v) => set({ depotId: v })} />
            <Select
              aria-label="Jardin"
              placeholder="Tous les jardins"
              data={(gardens.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
              value={filters.gardenId}
              clearable
              onChange={(v) => set({ gardenId: v })}
            />
            <Select aria-label="Formule" placeholder="Toutes les formules" data={catalogue.formulaOptions} value={filters.formulaId} clearable onChange={(v) => set({ formulaId: v })} />
            <Select
              aria-label="Mode de règlement"
              placeholder="Tous les règlements"
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
              value={filters.paymentMethod}
              clearable
              comboboxProps={{ width: 220 }}
              onChange={(v) => set({ paymentMethod: v as PaymentMethod | null })}
            />
            <Select
              aria-label="Statut"
              placeholder="Tous les statuts"
              data={SUBSCRIBER_STATUSES.map((s) => ({ value: s, label: SUBSCRIBER_STATUS_LABELS[s] }))}
              value={filters.status}
              clearable
              onChange={(v) => set({ status: v as SubscriberStatus | null })}
            />
          </SimpleGrid>
        </Stack>
      </Paper>
      {list.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="La liste n’a pas pu être lue">
          {list.error.message}
        </Alert>
      )}
      <Paper withBorder>
        <Table stickyHeader stickyHeaderOffset={64} highlightOnHover verticalSpacing={6} fz="sm" aria-label="Liste des adhérents" aria-busy={list.loading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Ville</Table.Th>
              <Table.Th>Téléphone</Table.Th>
              <Table.Th>Dépôt</Table.Th>
              <Table.Th>Formule</Table.Th>
              <Table.Th>Règlement</Table.Th>
              <Table.Th>Statut</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const name = row.kind === 'organisation' ? row.lastName : `${row.lastName.toUpperCase()} ${row.firstName}`;
              return (
                <Table.Tr
                  key={row.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  aria-label={`Ouvrir la fiche de ${name}`}
                  onClick={() => onOpen(row.id)}
                  onKeyDown={(event) => event.key === 'Enter' && onOpen(row.id)}
                >
                  <Table.Td fw={500} style={NOWRAP} title={row.email || undefined}>
                    {name}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{row.city}</Table.Td>
                  <Table.Td style={NOWRAP}>{row.phone}</Table.Td>
                  <Table.Td style={NOWRAP}>{row.depots}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" maw={130} title={row.formulas}>
                      {row.formulas}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{PAYMENT_SHORT[row.paymentMethod]}</Table.Td>
                  <Table.Td style={{ minWidth: 130 }}>
                    <SubscriberStatusBadge status={row.status} archived={row.archived} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {list.data && rows.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {filtered ? 'Aucun adhérent ne correspond à cette recherche. Essayez moins de mots ou retirez un filtre.' : 'Aucun adhérent pour l’instant. Commencez par « Nouvel adhérent ».'}
          </Text>
        )}
      </Paper>
      {total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {formatCount(first)}–{formatCount(Math.min(first + PAGE_SIZE - 1, total))} sur {formatCount(total)}
          </Text>
          <Pagination total={pages} value={filters.page} onChange={(page) => onFilters({ ...filters, page })} getControlProps={(c) => ({ 'aria-label': c === 'previous' ? 'Page précédente' : 'Page suivante' })} />
        </Group>
      )}
    </Stack>
  );
}
