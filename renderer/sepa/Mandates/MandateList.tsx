import { ActionIcon, Alert, Badge, Card, Group, Loader, Menu, Pagination, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutputOf } from '../../../core/handlers';
import type { CsvColumn } from '../../../core/export/csv';
import type { MandateStatus } from '../../../core/payments/mandates';
import { CsvButton } from '../../shared/CsvButton';
import { csvDate } from '../../shared/csv-values';
import { useApiQuery } from '../../api/use-api-query';
import { SubscriberLink } from '../common/SubscriberLink';
import { usePaged } from '../common/paged';
import { shortDate } from '../sepa-text';
import { AmendDialog } from './AmendDialog';
import { HistoryDialog } from './HistoryDialog';
import { RevokeDialog } from './RevokeDialog';

type Mandate = OutputOf<'mandate-list'>['mandates'][number];

const MANDATE_COLUMNS: CsvColumn<Mandate>[] = [
  { header: 'Adhérent', value: (m) => m.name },
  { header: 'RUM', value: (m) => m.rum },
  { header: 'IBAN', value: (m) => m.iban },
  { header: 'BIC', value: (m) => m.bic },
  { header: 'Signé le', value: (m) => csvDate(m.signedOn) },
  { header: 'Dernier prélèvement', value: (m) => csvDate(m.lastCollection) },
  { header: 'Caduc après le', value: (m) => csvDate(m.lapsesOn) },
  { header: 'Révoqué le', value: (m) => csvDate(m.revokedOn) },
  { header: 'État', value: (m) => m.statusLabel },
];
type Filter = 'all' | MandateStatus;

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'Tous' },
  { value: 'active', label: 'Actifs' },
  { value: 'lapsing', label: 'Bientôt caducs' },
  { value: 'lapsed', label: 'Caducs' },
  { value: 'revoked', label: 'Révoqués' },
  { value: 'incomplete', label: 'Incomplets' },
];

const COLOURS: Record<MandateStatus, string> = { active: 'leaf', lapsing: 'orange', lapsed: 'red', revoked: 'gray', incomplete: 'yellow' };

/** « Mandats »: every SEPA mandate with its state, to amend, revoke, or see what changed. */
export function MandateList({ today, readOnly }: { today: string; readOnly: boolean }) {
  const [status, setStatus] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const query = useApiQuery('mandate-list', { status, search: debounced.trim() });
  const [dialog, setDialog] = useState<{ kind: 'amend' | 'revoke' | 'history'; mandate: Mandate } | null>(null);
  const rows = query.data?.mandates ?? [];
  const { shown, pages, page, setPage } = usePaged(rows);
  const counts = query.data?.counts;
  const total = query.data?.total ?? 0;
  const saved = () => {
    setDialog(null);
    void query.reload();
  };

  if (query.error) return <Alert color="red" title="Les mandats n’ont pas pu être lus">{query.error.message}</Alert>;

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm" gap="sm">
        <TextInput
          aria-label="Rechercher un mandat"
          placeholder="Nom, RUM…"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {query.data ? `${rows.length} mandat${rows.length > 1 ? 's' : ''}` : ''}
          </Text>
          <CsvButton fileName={`mandats-${status}.csv`} columns={MANDATE_COLUMNS} rows={rows} />
        </Group>
      </Group>
      <SegmentedControl
        aria-label="État des mandats"
        mb="sm"
        value={status}
        onChange={(value) => {
          setStatus(value as Filter);
          setPage(1);
        }}
        data={FILTERS.map((f) => ({ value: f.value, label: `${f.label} (${f.value === 'all' ? total : (counts?.[f.value] ?? 0)})` }))}
        size="sm"
      />
      {!query.data ? (
        <Loader size="sm" aria-label="Chargement des mandats" />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {debounced.trim() ? `Aucun mandat ne correspond à « ${debounced.trim()} ».` : 'Aucun mandat dans cette catégorie.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} maxHeight={600}>
          <Table stickyHeader highlightOnHover aria-label="Mandats" verticalSpacing={5} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Adhérent</Table.Th>
                <Table.Th>RUM</Table.Th>
                <Table.Th>IBAN</Table.Th>
                <Table.Th>Signé · prélevé</Table.Th>
                <Table.Th>État</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => (
                <Table.Tr key={m.subscriberId}>
                  <Table.Td>
                    <SubscriberLink subscriberId={m.subscriberId} name={m.name} />
                    {!m.paysBySepa && (
                      <Text size="xs" c="dimmed">
                        Ne paie plus par prélèvement
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.rum || '—'}</Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {m.iban || '—'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {shortDate(m.signedOn) || '—'}
                    <Text size="xs" c="dimmed">
                      {m.lastCollection ? `prélevé le ${shortDate(m.lastCollection)}` : 'jamais prélevé'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge styles={{ label: { overflow: 'visible' } }} size="sm" variant="light" tt="none" color={COLOURS[m.status]} title={m.lapsesOn && m.status !== 'revoked' ? `Caduc après le ${shortDate(m.lapsesOn)} sans prélèvement` : undefined}>
                      {m.status === 'revoked' && m.revokedOn ? `Révoqué le ${shortDate(m.revokedOn)}` : m.statusLabel}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions pour le mandat de ${m.name}`}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item disabled={readOnly} onClick={() => setDialog({ kind: 'amend', mandate: m })}>
                          Modifier (nouvel IBAN / nouveau mandat)
                        </Menu.Item>
                        <Menu.Item disabled={readOnly || m.status === 'revoked' || !m.rum} color="red" onClick={() => setDialog({ kind: 'revoke', mandate: m })}>
                          Révoquer
                        </Menu.Item>
                        <Menu.Item onClick={() => setDialog({ kind: 'history', mandate: m })}>Historique{m.changes > 0 ? ` (${m.changes})` : ''}</Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" mt="sm" />}
      {dialog?.kind === 'amend' && (
        <AmendDialog mandate={{ subscriberId: dialog.mandate.subscriberId, name: dialog.mandate.name, iban: dialog.mandate.iban, bic: dialog.mandate.bic, rum: dialog.mandate.rum }} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'revoke' && <RevokeDialog mandate={dialog.mandate} today={today} onClose={() => setDialog(null)} onSaved={saved} />}
      {dialog?.kind === 'history' && <HistoryDialog subscriberId={dialog.mandate.subscriberId} name={dialog.mandate.name} onClose={() => setDialog(null)} />}
    </Card>
  );
}
