import { ActionIcon, Alert, Badge, Button, Group, Loader, Menu, Paper, Select, Switch, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconArchive, IconArchiveOff, IconDots, IconDownload, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Depot } from '../../../core/depots/depots';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../settings/form/ConfirmDialog';
import { weekdayLabel } from '../../settings/form/labels';
import { runAction } from '../../settings/form/run-action';
import { useAppState } from '../../state/app-store';
import { downloadText } from '../../shared/download';
import { DepotFormModal } from '../DepotForm/DepotFormModal';
import { depotsCsv } from './depot-csv';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The depots, filtered by garden; archived ones on demand, greyed. */
export function DepotList() {
  const api = useApi();
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [gardenId, setGardenId] = useState<number | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const gardens = useApiQuery('garden-list', { includeArchived: true });
  const depots = useApiQuery('depot-list', { includeArchived: showArchived, ...(gardenId ? { gardenId } : {}) });
  const [editing, setEditing] = useState<{ depot: Depot | null } | null>(null);
  const [deleting, setDeleting] = useState<Depot | null>(null);

  const activeGardens = (gardens.data ?? []).filter((garden) => !garden.archivedAt);
  const list = depots.data ?? [];

  async function archive(depot: Depot, archived: boolean) {
    const done = await runAction(
      () => api.call('depot-archive', { id: depot.id, archived }),
      archived ? `Dépôt ${depot.name} archivé` : `Dépôt ${depot.name} réactivé`,
      archived ? 'Dépôt non archivé' : 'Dépôt non réactivé',
    );
    if (done) await depots.reload();
  }

  return (
    <>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="md">
          <Select
            aria-label="Filtrer par jardin"
            placeholder="Tous les jardins"
            data={activeGardens.map((garden) => ({ value: String(garden.id), label: garden.name }))}
            value={gardenId ? String(gardenId) : null}
            onChange={(value) => setGardenId(value ? Number(value) : null)}
            clearable
            w={220}
          />
          <Switch label="Afficher les dépôts archivés" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
          <Text size="sm" c="dimmed" aria-live="polite">
            {depots.data ? plural(list.length, 'dépôt', 'dépôts') : ''}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" leftSection={<IconDownload size={16} />} disabled={list.length === 0} onClick={() => downloadText('depots.csv', depotsCsv(list))}>
            Exporter (CSV)
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ depot: null })} disabled={readOnly || activeGardens.length === 0}>
            Nouveau dépôt
          </Button>
        </Group>
      </Group>

      {depots.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="Les dépôts n’ont pas pu être lus" mb="md">
          {depots.error.message}
        </Alert>
      )}
      {gardens.data && activeGardens.length === 0 && (
        <Alert color="blue" mb="md" title="Créez d’abord un jardin">
          Chaque dépôt est servi par un jardin : ajoutez-en un dans l’onglet « Jardins », puis revenez ici.
        </Alert>
      )}

      <Paper withBorder>
        <Table.ScrollContainer minWidth={860} maxHeight="calc(100vh - 260px)">
          <Table stickyHeader highlightOnHover verticalSpacing={6} fz="sm" aria-label="Dépôts" style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Dépôt</Table.Th>
                <Table.Th>Jardin</Table.Th>
                <Table.Th>Jour</Table.Th>
                <Table.Th>Retrait</Table.Th>
                <Table.Th ta="right">Capacité</Table.Th>
                <Table.Th>Référent</Table.Th>
                <Table.Th w={90}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((depot) => (
                <Table.Tr key={depot.id} c={depot.archivedAt ? 'dimmed' : undefined} onDoubleClick={() => !depot.archivedAt && !readOnly && setEditing({ depot })}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {depot.name}
                      </Text>
                      {depot.archivedAt && (
                        <Badge size="xs" color="gray" variant="light">
                          Archivé
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" title={depot.addressLine1 || undefined}>
                      {[depot.postcode, depot.city].filter(Boolean).join(' ') || depot.addressLine1}
                    </Text>
                  </Table.Td>
                  <Table.Td>{depot.gardenName}</Table.Td>
                  <Table.Td>{weekdayLabel(depot.weekday)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{depot.pickupHours}</Text>
                    {depot.deliverySlot && (
                      <Text size="xs" c="dimmed">
                        livraison {depot.deliverySlot}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{depot.capacity === null ? <Text size="sm" c="dimmed">sans limite</Text> : depot.capacity}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{depot.referentName}</Text>
                    <Text size="xs" c="dimmed" title={depot.referentEmail || undefined}>
                      {depot.referentPhone || depot.referentEmail}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {!depot.archivedAt && (
                        <Tooltip label="Modifier">
                          <ActionIcon variant="subtle" aria-label={`Modifier ${depot.name}`} onClick={() => setEditing({ depot })} disabled={readOnly}>
                            <IconPencil size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Autres actions pour ${depot.name}`} disabled={readOnly}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {depot.archivedAt ? (
                            <Menu.Item leftSection={<IconArchiveOff size={16} />} onClick={() => void archive(depot, false)}>
                              Réactiver
                            </Menu.Item>
                          ) : (
                            <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => void archive(depot, true)}>
                              Archiver
                            </Menu.Item>
                          )}
                          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(depot)}>
                            Supprimer…
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {depots.loading && !depots.data && (
          <Group justify="center" p="lg">
            <Loader size="sm" aria-label="Chargement des dépôts" />
          </Group>
        )}
        {depots.data && list.length === 0 && (
          <Text c="dimmed" ta="center" p="xl">
            {gardenId ? 'Aucun dépôt pour ce jardin.' : 'Aucun dépôt pour le moment. Créez le premier avec « Nouveau dépôt ».'}
          </Text>
        )}
      </Paper>

      <DepotFormModal
        opened={editing !== null}
        depot={editing?.depot ?? null}
        gardens={gardens.data ?? []}
        defaultGardenId={gardenId ?? (activeGardens.length === 1 ? activeGardens[0]!.id : null)}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void depots.reload();
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={`Supprimer le dépôt ${deleting?.name ?? ''} ?`}
        message="La suppression est définitive. Elle n’est possible que si aucun abonnement ni aucune livraison n’a jamais concerné ce dépôt ; sinon, archivez-le."
        confirmLabel="Supprimer"
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const depot = deleting!;
          if (await runAction(() => api.call('depot-delete', { id: depot.id }), `Dépôt ${depot.name} supprimé`, 'Dépôt non supprimé')) await depots.reload();
        }}
      />
    </>
  );
}
