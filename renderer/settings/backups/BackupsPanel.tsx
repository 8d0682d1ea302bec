import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { useState } from 'react';
import type { BackupInfo, BackupReason } from '../../../core/api/backend';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { useRefreshStatus } from '../../shell/use-status';
import { ConfirmDialog } from '../form/ConfirmDialog';
import { runAction } from '../form/run-action';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  open: 'À l’ouverture',
  daily: 'Quotidienne',
  manual: 'Manuelle',
  'before-restore': 'Avant une restauration',
  'before-migration': 'Avant une mise à jour',
};

const when = (iso: string) => format(new Date(iso), 'EEEE d MMMM yyyy à HH:mm', { locale: fr });
const size = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

/**
 * The open file's backups (taken at each opening, daily, and on demand), newest first, and
 * their restoration: the current base is kept aside first, so a restore can itself be undone.
 */
export function BackupsPanel({ readOnly }: { readOnly: boolean }) {
  const api = useApi();
  const refreshStatus = useRefreshStatus();
  const backups = useApiQuery('backup-list', {});
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  async function createNow() {
    setBusy(true);
    const done = await runAction(() => api.call('backup-create', {}), 'Sauvegarde créée', 'Sauvegarde impossible');
    setBusy(false);
    if (done) await Promise.all([backups.reload(), refreshStatus()]);
  }

  async function restore(backup: BackupInfo) {
    const done = await runAction(
      () => api.call('backup-restore', { id: backup.id }),
      `Base restaurée telle qu’elle était le ${when(backup.createdAt)}`,
      'Restauration impossible',
    );
    // Other screens read the restored base when they are next shown (they load on mount).
    if (done) await Promise.all([backups.reload(), refreshStatus()]);
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="Sauvegardes">
      <Group justify="space-between" mb="sm" align="flex-start">
        <div>
          <Title order={2} fz="h4">
            Sauvegardes
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            Paniers sauvegarde la base à chaque ouverture et au moins une fois par jour, dans le dossier « …-sauvegardes » à côté du fichier. Il garde les dix plus récentes et une par jour sur un mois.
          </Text>
        </div>
        <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void createNow()} loading={busy} disabled={readOnly || Boolean(backups.error)}>
          Sauvegarder maintenant
        </Button>
      </Group>
      {backups.error && (
        <Alert color="orange" icon={<IconInfoCircle />} mt="md">
          {backups.error.message}
        </Alert>
      )}
      {backups.data && backups.data.length === 0 && (
        <Text c="dimmed" mt="md">
          Aucune sauvegarde pour l’instant.
        </Text>
      )}
      {backups.data && backups.data.length > 0 && (
        <Table verticalSpacing={6} mt="md" aria-label="Liste des sauvegardes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Occasion</Table.Th>
              <Table.Th ta="right">Taille</Table.Th>
              <Table.Th w={140} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.data.map((backup) => (
              <Table.Tr key={backup.id}>
                <Table.Td>{when(backup.createdAt)}</Table.Td>
                <Table.Td>{BACKUP_REASON_LABELS[backup.reason] ?? backup.reason}</Table.Td>
                <Table.Td ta="right">{size(backup.sizeBytes)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="default" leftSection={<IconHistory size={14} />} disabled={readOnly} onClick={() => setRestoring(backup)}>
                    Restaurer
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={restoring !== null}
        title="Restaurer cette sauvegarde ?"
        message={
          restoring
            ? `La base reviendra à son état du ${when(restoring.createdAt)}. Les modifications faites depuis seront retirées, mais la base actuelle est d’abord mise de côté dans une sauvegarde « avant une restauration » : vous pourrez y revenir.`
            : ''
        }
        confirmLabel="Restaurer"
        danger
        onConfirm={() => (restoring ? restore(restoring) : Promise.resolve())}
        onClose={() => setRestoring(null)}
      />
    </Paper>
  );
}
