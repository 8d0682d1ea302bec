import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFolder, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { PortalExportKind, PortalHostState } from '../../../core/bridge';
import type { OutputOf } from '../../../core/handlers';
import { useHost } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { formatInstantFr, KIND_LABELS, plural } from '../portal-text';

type Status = OutputOf<'portal-status'>;

function LastExport({ status }: { status: Status | undefined }) {
  const last = status?.lastWritten;
  if (!last) return <Text c="dimmed">Aucun export écrit pour l’instant : le premier sera complet.</Text>;
  const counts = last.counts;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" aria-label="Dernier export">
      <Stat label="Dernier export" value={`n° ${last.sequence} (${KIND_LABELS[last.kind]})`} />
      <Stat label="Écrit le" value={formatInstantFr(last.writtenAt)} />
      <Stat label="Fiches adhérent" value={`${counts.subscribers} sur ${counts.activeSubscribers}`} />
      <Stat
        label="Autres fichiers"
        value={[plural(counts.responses, 'réponse', 'réponses'), plural(counts.removed, 'retrait', 'retraits'), plural(counts.invoicePdfs, 'PDF', 'PDF')].join(', ')}
      />
    </SimpleGrid>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

/** The exchange folder and the two exports into it; the folder itself is chosen by the host, never typed. */
export function ExportPanel({
  folderState,
  status,
  readOnly,
  onChanged,
}: {
  folderState: PortalHostState | undefined;
  status: Status | undefined;
  readOnly: boolean;
  onChanged(next?: PortalHostState): void;
}) {
  const host = useHost();
  const [busy, setBusy] = useState<null | 'folder' | PortalExportKind>(null);
  const folder = folderState?.folder ?? null;

  const chooseFolder = async () => {
    setBusy('folder');
    try {
      const next = await host.portal.chooseFolder();
      if (next) onChanged(next);
    } catch (error) {
      notifyError(error, 'Le dossier n’a pas pu être choisi');
    } finally {
      setBusy(null);
    }
  };

  const runExport = async (kind: PortalExportKind) => {
    setBusy(kind);
    try {
      const done = await host.portal.export(kind);
      notifySuccess(`Export n° ${done.sequence} écrit : ${plural(done.files, 'fichier', 'fichiers')} dans le dossier du portail.${done.notice ? ` ${done.notice}` : ''}`, 'portal-export');
      onChanged();
    } catch (error) {
      notifyError(error, 'L’export n’a pas été écrit', 'portal-export');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} fz="h4">
          Export vers le portail
        </Title>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              Dossier d’échange
            </Text>
            {folder ? (
              <Code fz="sm" style={{ wordBreak: 'break-all' }}>
                {folder}
              </Code>
            ) : (
              <Text size="sm">Aucun dossier choisi : choisissez le dossier partagé avec le portail (souvent un dossier synchronisé).</Text>
            )}
          </div>
          {host.kind === 'electron' && (
            <Button variant="default" leftSection={<IconFolder size={16} />} loading={busy === 'folder'} onClick={() => void chooseFolder()}>
              {folder ? 'Changer de dossier' : 'Choisir le dossier'}
            </Button>
          )}
        </Group>
        <LastExport status={status} />
        {status?.prepared && (
          <Alert color="orange" title="Un export n’a pas été écrit jusqu’au bout">
            L’export n° {status.prepared.sequence} a été préparé mais pas écrit dans le dossier. Exportez à nouveau : il sera remplacé.
          </Alert>
        )}
        <Group>
          <Button leftSection={<IconUpload size={16} />} disabled={readOnly || !folder || busy !== null} loading={busy === 'incremental'} onClick={() => void runExport('incremental')}>
            Exporter les changements
          </Button>
          <Button variant="default" disabled={readOnly || !folder || busy !== null} loading={busy === 'full'} onClick={() => void runExport('full')}>
            Tout exporter
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
