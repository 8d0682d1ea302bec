import { ActionIcon, Badge, Button, Group, Paper, Switch, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MembershipType } from '../../../core/memberships/membership-handlers';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { runAction } from '../form/run-action';
import { MembershipTypeModal } from './MembershipTypeModal';

/** The kinds of membership fee an adherent can pay; archived ones stay on past records. */
export function MembershipTypes({ readOnly }: { readOnly: boolean }) {
  const api = useApi();
  const [showArchived, setShowArchived] = useState(false);
  const types = useApiQuery('membership-type-list', { includeArchived: showArchived });
  const [editing, setEditing] = useState<{ type: MembershipType | null } | null>(null);
  const list = types.data ?? [];

  async function archive(type: MembershipType, archived: boolean) {
    const done = await runAction(
      () => api.call('membership-type-archive', { id: type.id, archived }),
      archived ? `Cotisation ${type.label} archivée` : `Cotisation ${type.label} réactivée`,
      archived ? 'Cotisation non archivée' : 'Cotisation non réactivée',
    );
    if (done) await types.reload();
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="Types de cotisation">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} fz="h4">
            Types de cotisation
          </Title>
          <Text size="sm" c="dimmed">
            Le montant de l’adhésion à l’association, selon la situation de l’adhérent.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ type: null })} disabled={readOnly}>
          Nouvelle cotisation
        </Button>
      </Group>
      <Switch size="xs" mb="sm" label="Afficher les cotisations archivées" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
      <Table verticalSpacing={6} aria-label="Cotisations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th w={90}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((type) => (
            <Table.Tr key={type.id} c={type.archivedAt ? 'dimmed' : undefined}>
              <Table.Td>
                <Group gap={6}>
                  {type.label}
                  {type.archivedAt && (
                    <Badge size="xs" color="gray" variant="light">
                      Archivée
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatEuros(type.amountCents)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label="Modifier">
                    <ActionIcon variant="subtle" aria-label={`Modifier ${type.label}`} onClick={() => setEditing({ type })} disabled={readOnly}>
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={type.archivedAt ? 'Réactiver' : 'Archiver'}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={type.archivedAt ? `Réactiver ${type.label}` : `Archiver ${type.label}`}
                      onClick={() => void archive(type, !type.archivedAt)}
                      disabled={readOnly}
                    >
                      {type.archivedAt ? <IconArchiveOff size={18} /> : <IconArchive size={18} />}
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {types.data && list.length === 0 && (
        <Text c="dimmed" ta="center" p="md">
          Aucune cotisation pour le moment : créez au moins la cotisation standard.
        </Text>
      )}
      <MembershipTypeModal
        opened={editing !== null}
        type={editing?.type ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void types.reload();
        }}
      />
    </Paper>
  );
}
