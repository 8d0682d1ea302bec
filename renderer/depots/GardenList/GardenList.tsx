import { ActionIcon, Alert, Badge, Button, Group, Paper, Switch, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Garden } from '../../../core/depots/depots';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { runAction } from '../../settings/form/run-action';
import { useAppState } from '../../state/app-store';
import { GardenFormModal } from './GardenFormModal';

/** The production sites; a garden that still serves depots cannot be archived (the backend says which). */
export function GardenList() {
  const api = useApi();
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [showArchived, setShowArchived] = useState(false);
  const gardens = useApiQuery('garden-list', { includeArchived: showArchived });
  const depots = useApiQuery('depot-list', {});
  const [editing, setEditing] = useState<{ garden: Garden | null } | null>(null);
  const list = gardens.data ?? [];

  async function archive(garden: Garden, archived: boolean) {
    const done = await runAction(
      () => api.call('garden-archive', { id: garden.id, archived }),
      archived ? `Jardin ${garden.name} archivé` : `Jardin ${garden.name} réactivé`,
      archived ? 'Jardin non archivé' : 'Jardin non réactivé',
    );
    if (done) await gardens.reload();
  }

  const depotCount = (gardenId: number) => (depots.data ?? []).filter((depot) => depot.gardenId === gardenId).length;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Group gap="md">
          <Switch label="Afficher les jardins archivés" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
          <Text size="sm" c="dimmed">
            {gardens.data ? `${list.length} jardin${list.length > 1 ? 's' : ''}` : ''}
          </Text>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ garden: null })} disabled={readOnly}>
          Nouveau jardin
        </Button>
      </Group>
      {gardens.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="Les jardins n’ont pas pu être lus" mb="md">
          {gardens.error.message}
        </Alert>
      )}
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing="xs" aria-label="Jardins">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Jardin</Table.Th>
              <Table.Th>Adresse</Table.Th>
              <Table.Th ta="right">Dépôts actifs</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((garden) => (
              <Table.Tr key={garden.id} c={garden.archivedAt ? 'dimmed' : undefined}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {garden.name}
                    </Text>
                    {garden.archivedAt && (
                      <Badge size="xs" color="gray" variant="light">
                        Archivé
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{garden.address}</Table.Td>
                <Table.Td ta="right">{depotCount(garden.id)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Renommer">
                      <ActionIcon variant="subtle" aria-label={`Modifier ${garden.name}`} onClick={() => setEditing({ garden })} disabled={readOnly}>
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={garden.archivedAt ? 'Réactiver' : 'Archiver'}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={garden.archivedAt ? `Réactiver ${garden.name}` : `Archiver ${garden.name}`}
                        onClick={() => void archive(garden, !garden.archivedAt)}
                        disabled={readOnly}
                      >
                        {garden.archivedAt ? <IconArchiveOff size={18} /> : <IconArchive size={18} />}
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {gardens.data && list.length === 0 && (
          <Text c="dimmed" ta="center" p="xl">
            Aucun jardin pour le moment. Créez celui qui prépare vos paniers avec « Nouveau jardin ».
          </Text>
        )}
      </Paper>
      <GardenFormModal
        opened={editing !== null}
        garden={editing?.garden ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void gardens.reload();
        }}
      />
    </>
  );
}
