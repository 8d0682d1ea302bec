import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutputOf } from '../../../core/handlers';
import { PUSH_SUCCEEDED } from '../../../core/portal/portal-push';
import { useHost } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { formatInstantFr } from '../portal-text';

type Status = OutputOf<'portal-status'>;

/** « Envoyer au portail »: the last written export over HTTPS, and what happened the last time. */
export function PushPanel({ status, canPush, onPushed }: { status: Status | undefined; canPush: boolean; onPushed(): void }) {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const last = status?.lastPush ?? null;

  const push = async () => {
    setBusy(true);
    try {
      const done = await host.portal.push();
      if (done.ok) notifySuccess(done.status, 'portal-push');
      else notifyError(new Error(done.status), 'L’envoi au portail a échoué', 'portal-push');
      onPushed();
    } catch (error) {
      notifyError(error, 'L’envoi au portail n’a pas pu commencer', 'portal-push');
    } finally {
      setBusy(false);
    }
  };

  const succeeded = last?.status.startsWith(PUSH_SUCCEEDED) ?? false;
  return (
    <Stack gap="sm">
      <Group>
        <Button leftSection={<IconSend size={16} />} variant="default" loading={busy} disabled={!canPush} onClick={() => void push()}>
          Envoyer au portail
        </Button>
        {!status?.lastWritten && (
          <Text size="sm" c="dimmed">
            Exportez d’abord : c’est le dernier export écrit qui est envoyé.
          </Text>
        )}
      </Group>
      {last && (
        <Alert color={succeeded ? 'leaf' : 'orange'} title={`Dernier envoi (export n° ${last.sequence})`} role="status">
          <Text size="sm">{last.status}</Text>
          {last.pushedAt && (
            <Text size="xs" c="dimmed">
              Dernier envoi réussi le {formatInstantFr(last.pushedAt)}.
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
