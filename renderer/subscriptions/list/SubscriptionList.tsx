import { Alert, Button, Group, Pagination, Paper, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconDownload, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { Frequency } from '../../../core/formulas/formulas';
import type { InputOf } from '../../../core/handlers';
import { SUBSCRIPTION_STATUS_LABELS, type SubscriptionStatus } from '../../../core/subscriptions/subscriptions';
import { useApiQuery } from '../../api/use-api-query';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { downloadText, formatCount } from '../../shared/download';
import { subscriptionsCsv } from './subscription-csv';
import { useCatalogue } from '../forms/use-catalogue';
import { SubscriptionBadges } from '../SubscriptionCard/SubscriptionBadges';

const PAGE_SIZE = 50;
// One line per row; the subscriber's page gives the full wording.
const FREQUENCY_SHORT: Record<Frequency, string> = { weekly: 'Hebdomadaire', biweekly_even: 'Sem. paires', biweekly_odd: 'Sem. impaires', monthly: 'Mensuelle' };
type Sort = NonNullable<InputOf<'subscription-list'>['sort']>;
const SORTS: { value: Sort; label: string }[] = [
  { value: 'name', label: 'Tri : adhérent' },
  { value: 'depot', label: 'Tri : dépôt' },
  { value: 'start', label: 'Tri : derniers commencés' },
  { value: 'end', label: 'Tri : fin la plus proche' },
];

/** Every subscription with its terms today: search by subscriber, filters, pages, count. */
export function SubscriptionList({ version, onOpenSubscriber }: { version: number; onOpenSubscriber(id: number): void }) {
  const catalogue = useCatalogue();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const [depotId, setDepotId] = useState<string | null>(null);
  const [formulaId, setFormulaId] = useState<string | null>(null);
  const [status, setStatus] = useState<SubscriptionStatus | null>('active');
  const [discoveryOnly, setDiscoveryOnly] = useState(false);
  const [sort, setSort] = useState<Sort>('name');
  const [page, setPage] = useState(1);
  const api = useApi();
  const [exporting, setExporting] = useState(false);
  const filters: InputOf<'subscription-list'> = {
    query,
    depotId: depotId ? Number(depotId) : undefined,
    formulaId: formulaId ? Number(formulaId) : undefined,
    status: status ?? undefined,
    discoveryOnly,
    sort,
  };
  const list = useApiQuery('subscription-list', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  async function exportCsv() {
    setExporting(true);
    try {
      const { csv, count } = await subscriptionsCsv(api, filters);
      downloadText('abonnements.csv', csv);
      notifySuccess(`${formatCount(count)} abonnement${count > 1 ? 's' : ''} exporté${count > 1 ? 's' : ''}`);
    } catch (error) {
      notifyError(error, 'Export impossible');
    } finally {
      setExporting(false);
    }
  }
  // `version` changes when a renewal elsewhere on the screen was saved: read the list again.
  const { reload } = list;
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    void reload();
  }, [version, reload]);
  const filter = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setPage(1);
  };
  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];

  return (
    <Paper withBorder component="section" aria-label="Liste des abonnements">
      <Group gap="sm" p="sm" align="flex-end" wrap="wrap">
        <TextInput
          aria-label="Rechercher un abonnement par adhérent"
          placeholder="Nom de l’adhérent"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select aria-label="Dépôt" placeholder="Tous les dépôts" data={catalogue.depotOptions} value={depotId} clearable searchable w={190} onChange={filter(setDepotId)} />
        <Select aria-label="Formule" placeholder="Toutes les formules" data={catalogue.formulaOptions} value={formulaId} clearable w={170} onChange={filter(setFormulaId)} />
        <Select
          aria-label="Statut"
          placeholder="Tous les statuts"
          data={(['active', 'upcoming', 'ended'] as const).map((s) => ({ value: s, label: SUBSCRIPTION_STATUS_LABELS[s] }))}
          value={status}
          clearable
          w={150}
          onChange={(v) => filter(setStatus)(v as SubscriptionStatus | null)}
        />
        <Select aria-label="Tri" data={SORTS} value={sort} allowDeselect={false} w={200} onChange={(v) => v && filter(setSort)(v as Sort)} />
        <Switch label="Découverte seulement" checked={discoveryOnly} onChange={(e) => filter(setDiscoveryOnly)(e.currentTarget.checked)} mb={8} />
      </Group>
      <Group justify="space-between" px="sm" pb="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.data ? `${formatCount(total)} abonnement${total > 1 ? 's' : ''}` : 'Chargement…'}
        </Text>
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={exporting} disabled={total === 0} onClick={() => void exportCsv()}>
          Exporter (CSV)
        </Button>
      </Group>
      {list.error && (
        <Alert color="red" icon={<IconAlertCircle />} m="sm" title="La liste n’a pas pu être lue">
          {list.error.message}
        </Alert>
      )}
      <Table stickyHeader stickyHeaderOffset={64} highlightOnHover fz="sm" verticalSpacing={6} aria-label="Abonnements" aria-busy={list.loading}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Adhérent</Table.Th>
            <Table.Th>Formule</Table.Th>
            <Table.Th>Dépôt</Table.Th>
            <Table.Th>Fréquence</Table.Th>
            <Table.Th>Qté</Table.Th>
            <Table.Th>Début</Table.Th>
            <Table.Th>Fin</Table.Th>
            <Table.Th>Statut</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.chainId}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              aria-label={`Ouvrir la fiche de ${r.subscriberName}`}
              onClick={() => onOpenSubscriber(r.subscriberId)}
              onKeyDown={(e) => e.key === 'Enter' && onOpenSubscriber(r.subscriberId)}
            >
              <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>{r.subscriberName}</Table.Td>
              <Table.Td>{r.formulaName}</Table.Td>
              <Table.Td>{r.depotName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{FREQUENCY_SHORT[r.frequency]}</Table.Td>
              <Table.Td>{r.quantity}</Table.Td>
              <Table.Td>{formatDateShortFr(r.startDate as IsoDate)}</Table.Td>
              <Table.Td>{r.endDate ? formatDateShortFr(r.endDate as IsoDate) : '—'}</Table.Td>
              <Table.Td>
                <SubscriptionBadges status={r.status} isDiscovery={r.isDiscovery} endDate={null} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && rows.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          Aucun abonnement ne correspond. Retirez un filtre ou changez la recherche.
        </Text>
      )}
      {total > PAGE_SIZE && (
        <Group justify="space-between" p="sm">
          <Text size="sm" c="dimmed">
            {formatCount((page - 1) * PAGE_SIZE + 1)}–{formatCount(Math.min(page * PAGE_SIZE, total))} sur {formatCount(total)}
          </Text>
          <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
        </Group>
      )}
    </Paper>
  );
}
