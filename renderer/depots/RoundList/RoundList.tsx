import { ActionIcon, Alert, Badge, Button, ColorSwatch, Group, Paper, SimpleGrid, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Round } from '../../../core/depots/depots';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { weekdayLabel } from '../../settings/form/labels';
import { runAction } from '../../settings/form/run-action';
import { useAppState } from '../../state/app-store';
import { RoundDepotsEditor } from '../RoundDepots/RoundDepotsEditor';
import { RoundFormModal } from '../RoundForm/RoundFormModal';

/** The rounds, grouped by delivery day (the backend lists them by weekday, then code). */
export function RoundList() {
  const api = useApi();
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [showArchived, setShowArchived] = useState(false);
  const rounds = useApiQuery('round-list', { includeArchived: showArchived });
  const depots = useApiQuery('depot-list', {});
  const [editing, setEditing] = useState<{ round: Round | null } | null>(null);
  const list = rounds.data ?? [];
  const days = [...new Set(list.map((round) => round.weekday))];

  async function archive(round: Round, archived: boolean) {
    const done = await runAction(
      () => api.call('round-archive', { id: round.id, archived }),
      archived ? `Tournée ${round.name} archivée` : `Tournée ${round.name} réactivée`,
      archived ? 'Tournée non archivée' : 'Tournée non réactivée',
    );
    if (done) await rounds.reload();
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Group gap="md">
          <Switch label="Afficher les tournées archivées" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
          <Text size="sm" c="dimmed">
            {rounds.data ? `${list.length} tournée${list.length > 1 ? 's' : ''}` : ''}
          </Text>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ round: null })} disabled={readOnly}>
          Nouvelle tournée
        </Button>
      </Group>
      {rounds.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="Les tournées n’ont pas pu être lues" mb="md">
          {rounds.error.message}
        </Alert>
      )}
      {rounds.data && list.length === 0 && (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            Aucune tournée pour le moment. Créez-en une avec « Nouvelle tournée », puis ajoutez-y ses dépôts dans l’ordre de livraison.
          </Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
        {days.map((day) => (
          <section key={day} aria-label={weekdayLabel(day)}>
            <Title order={2} fz="h4" mb="xs">
              {weekdayLabel(day)}
            </Title>
            <Stack gap="md">
              {list
                .filter((round) => round.weekday === day)
                .map((round) => (
                  <Paper key={round.id} withBorder p="md" component="article" aria-label={`Tournée ${round.name}`} opacity={round.archivedAt ? 0.6 : 1}>
                    <Group justify="space-between" mb="sm" wrap="nowrap">
                      <Group gap="xs" wrap="nowrap">
                        <ColorSwatch color={round.colour} size={18} aria-hidden />
                        <Text fw={650}>{round.name}</Text>
                        <Badge variant="light" color="gray" size="sm">
                          {round.code}
                        </Badge>
                        {round.archivedAt && (
                          <Badge variant="light" color="gray" size="sm">
                            Archivée
                          </Badge>
                        )}
                      </Group>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label="Modifier">
                          <ActionIcon variant="subtle" aria-label={`Modifier ${round.name}`} onClick={() => setEditing({ round })} disabled={readOnly || !!round.archivedAt}>
                            <IconPencil size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={round.archivedAt ? 'Réactiver' : 'Archiver'}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={round.archivedAt ? `Réactiver ${round.name}` : `Archiver ${round.name}`}
                            onClick={() => void archive(round, !round.archivedAt)}
                            disabled={readOnly}
                          >
                            {round.archivedAt ? <IconArchiveOff size={18} /> : <IconArchive size={18} />}
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Group>
                    <RoundDepotsEditor round={round} depots={depots.data ?? []} readOnly={readOnly || !!round.archivedAt} onChanged={() => void rounds.reload()} />
                  </Paper>
                ))}
            </Stack>
          </section>
        ))}
      </SimpleGrid>
      <RoundFormModal
        opened={editing !== null}
        round={editing?.round ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void rounds.reload();
        }}
      />
    </>
  );
}
