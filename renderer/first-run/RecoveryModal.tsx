import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import type { RecoveryOffer } from '../../core/api/errors';

/** A refused base and the backup that can replace it: the one place where the office decides. */
export interface RefusedBase {
  message: string;
  recovery: RecoveryOffer;
}

/** Reads the recovery offer a refused open carries (core/api/errors.ts), if any. */
export function refusedBaseOf(error: unknown): RefusedBase | null {
  const recovery = (error as { recovery?: RecoveryOffer } | null)?.recovery;
  return recovery && error instanceof Error ? { message: error.message, recovery } : null;
}

export function RecoveryModal({ refused, busy, onRecover, onClose }: { refused: RefusedBase | null; busy: boolean; onRecover(): void; onClose(): void }) {
  const when = refused ? format(new Date(refused.recovery.backupCreatedAt), 'EEEE d MMMM yyyy à HH:mm', { locale: fr }) : '';
  return (
    <Modal opened={refused !== null} onClose={onClose} title="Cette base ne peut pas être ouverte" centered size="lg">
      {refused && (
        <Stack gap="md">
          <Alert color="red" icon={<IconAlertTriangle />}>
            {refused.message}
          </Alert>
          <Text size="sm">
            Paniers peut remettre en place la sauvegarde du <b>{when}</b>. Le fichier actuel ({refused.recovery.file}) n’est ni effacé ni
            modifié : il est renommé « …-endommage-… » à côté, au cas où il contiendrait encore quelque chose d’utile.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button onClick={onRecover} loading={busy} data-autofocus>
              Restaurer la sauvegarde du {format(new Date(refused.recovery.backupCreatedAt), 'd MMMM', { locale: fr })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
