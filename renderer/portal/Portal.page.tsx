import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { PortalHostState } from '../../core/bridge';
import { useHost } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { notifyError } from '../notify/notify';
import { useAppState } from '../state/app-store';
import { ExportPanel } from './Export/ExportPanel';
import { ReadRequests } from './Requests/ReadRequests';
import { WaitingRequests } from './Requests/WaitingRequests';
import { PortalSettingsForm } from './Settings/PortalSettingsForm';
import { PushPanel } from './Settings/PushPanel';

/**
 * « Portail »: what the subscribers' web space receives (exports into the exchange folder,
 * optional push) and what it sends back (requests, applied or waiting for the office).
 */
export function PortalPage() {
  const host = useHost();
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const status = useApiQuery('portal-status', {});
  const waiting = useApiQuery('portal-request-list', { status: 'waiting' });
  const [folderState, setFolderState] = useState<PortalHostState | undefined>(undefined);

  const loadFolder = useCallback(() => {
    host.portal.state().then(setFolderState, (error: unknown) => notifyError(error, 'Le dossier du portail n’a pas pu être lu'));
  }, [host]);
  useEffect(loadFolder, [loadFolder]);

  const reloadStatus = () => void status.reload();
  const afterRequests = () => {
    void status.reload();
    void waiting.reload();
  };

  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        Portail
      </Title>
      <ExportPanel
        folderState={folderState}
        status={status.data}
        readOnly={readOnly}
        onChanged={(next) => {
          if (next) setFolderState(next);
          reloadStatus();
        }}
      />
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={2} fz="h4">
            Demandes des adhérents
          </Title>
          <ReadRequests readOnly={readOnly || !folderState?.folder} onRead={afterRequests} />
          <WaitingRequests requests={waiting} readOnly={readOnly} onDecided={afterRequests} />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={2} fz="h4">
            Réglages et envoi
          </Title>
          <Text size="sm" c="dimmed">
            Le portail peut lire le dossier d’échange lui-même, ou recevoir chaque export par un envoi HTTPS.
          </Text>
          <PortalSettingsForm folderState={folderState} readOnly={readOnly} onToken={setFolderState} />
          <PushPanel status={status.data} canPush={!readOnly && Boolean(folderState?.folder && status.data?.lastWritten)} onPushed={reloadStatus} />
        </Stack>
      </Paper>
    </Stack>
  );
}
