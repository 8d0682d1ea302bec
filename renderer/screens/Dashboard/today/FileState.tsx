import { Button, Group, Paper, Text } from '@mantine/core';
import { format, isSameDay } from 'date-fns';
import { fr } from 'date-fns/locale';
import { fileNameOf, saveStateLabel } from '../../../shell/save-state';
import { useAppState } from '../../../state/app-store';

/** « Sauvegarde d’aujourd’hui à 09:12 », or that there is none yet. */
export function backupLabel(lastBackupAt: string | null, now: Date): string {
  if (!lastBackupAt) return 'Aucune sauvegarde pour l’instant';
  const at = new Date(lastBackupAt);
  if (Number.isNaN(at.getTime())) return 'Dernière sauvegarde : date illisible';
  if (isSameDay(at, now)) return `Dernière sauvegarde aujourd’hui à ${format(at, 'HH:mm', { locale: fr })}`;
  return `Dernière sauvegarde le ${format(at, 'd MMMM yyyy à HH:mm', { locale: fr })}`;
}

/** The open file: its name, when it was last saved and backed up, read-only or not. */
export function FileState({ lastBackupAt, now }: { lastBackupAt: string | null; now: () => Date }) {
  const status = useAppState((s) => s.status);
  const navigate = useAppState((s) => s.navigate);
  const setSettingsTab = useAppState((s) => s.setSettingsTab);
  return (
    <Paper withBorder p="lg" component="section" aria-label="Base de données">
      <Text fw={600} mb={4}>
        Base de données
      </Text>
      <Text size="sm">{fileNameOf(status?.file ?? null) ?? 'Base sans fichier'}</Text>
      <Text size="sm" c="dimmed">
        {status?.readOnly ? 'Ouverte en lecture seule' : saveStateLabel(status?.lastSavedAt ?? null, now())}
      </Text>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {backupLabel(lastBackupAt, now())}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          style={{ flexShrink: 0 }}
          onClick={() => {
            setSettingsTab('backups');
            navigate('settings');
          }}
        >
          Sauvegardes
        </Button>
      </Group>
    </Paper>
  );
}
