import { Alert, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { IMPORT_KIND_LABELS, IMPORT_MODE_LABELS } from '../../../core/import/import-report-types';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApiQuery } from '../../api/use-api-query';
import { formatInstantFr, plural, type ImportListRow } from './import-text';
import { ReportButtons } from './ReportButtons';

function outcome(row: ImportListRow): string {
  const s = row.summary;
  const parts = [
    (s.created ?? 0) > 0 && plural(s.created ?? 0, 'ligne créée', 'lignes créées'),
    (s.matched ?? 0) > 0 && plural(s.matched ?? 0, 'reconnue', 'reconnues'),
    (s.updated ?? 0) > 0 && plural(s.updated ?? 0, 'mise à jour', 'mises à jour'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : '—';
}

function balances(row: ImportListRow): string {
  const s = row.summary;
  if (s.creditCount + s.debtCount === 0) return '—';
  return `+${formatEuros(s.creditCents as Cents)} / −${formatEuros(s.debtCents as Cents)}`;
}

/** « Historique des imports »: every import kept with the database, newest first, with its report. */
export function ImportHistory({ version }: { version: number }) {
  const list = useApiQuery('import-list', {});
  const { reload } = list;
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  return (
    <Stack gap="sm" component="section" aria-label="Historique des imports">
      <Group gap="sm">
        <Title order={2} fz="h4">
          Historique des imports
        </Title>
        {list.data && list.data.length > 0 && <Badge variant="light">{list.data.length}</Badge>}
      </Group>
      {list.error && (
        <Alert color="red" icon={<IconAlertCircle />}>
          {list.error.message}
        </Alert>
      )}
      {!list.data && !list.error && <Loader size="sm" aria-label="Chargement de l’historique" />}
      {list.data && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun import pour l’instant. Chaque import réussi apparaîtra ici avec son rapport.
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={860} maxHeight={420}>
          <Table stickyHeader striped verticalSpacing={4} aria-label="Imports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>N°</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Fichier</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Résultat</Table.Th>
                <Table.Th>Avances / dettes</Table.Th>
                <Table.Th>Rapport</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.id}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstantFr(row.importedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} title={row.fileName}>
                      {row.fileName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{IMPORT_KIND_LABELS[row.kind]}</Text>
                    {row.mode !== 'create' && (
                      <Text size="xs" c="dimmed">
                        {IMPORT_MODE_LABELS[row.mode]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{outcome(row)}</Text>
                    {row.cutoverDate && (
                      <Text size="xs" c="dimmed">
                        Reprise au {formatDateShortFr(row.cutoverDate as IsoDate)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{balances(row)}</Table.Td>
                  <Table.Td>
                    <ReportButtons importId={row.id} size="xs" labelled />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
