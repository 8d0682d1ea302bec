import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import type { PortalRequestsRead } from '../../../core/bridge';
import { useHost } from '../../api/api-context';
import { notifyError } from '../../notify/notify';
import { readSummary } from '../portal-text';

/** « Lire les demandes du portail »: imports the files of `demandes/`, then says what became of them. */
export function ReadRequests({ readOnly, onRead }: { readOnly: boolean; onRead(): void }) {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PortalRequestsRead | null>(null);

  const read = async () => {
    setBusy(true);
    try {
      setResult(await host.portal.readRequests());
      onRead();
    } catch (error) {
      notifyError(error, 'Les demandes n’ont pas pu être lues');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group>
        <Button leftSection={<IconInbox size={16} />} loading={busy} disabled={readOnly} onClick={() => void read()}>
          Lire les demandes du portail
        </Button>
        <Text size="sm" c="dimmed">
          Les fichiers lus sont rangés dans « demandes/traitees ».
        </Text>
      </Group>
      {result && (
        <Alert color={result.files.length > 0 ? 'orange' : 'leaf'} title="Demandes lues" role="status">
          <Text size="sm">{readSummary(result)}</Text>
          {result.waiting > 0 && (
            <Text size="sm">Les demandes en attente sont listées ci-dessous : acceptez-les ou refusez-les avec un motif.</Text>
          )}
          {result.files.map((file) => (
            <Stack key={file.name} gap={2} mt="xs">
              <Text size="sm" fw={600}>
                Fichier {file.name} refusé (rien n’en a été appliqué ; il reste dans « demandes » jusqu’à ce que le portail le corrige) :
              </Text>
              <List size="sm">
                {file.problems.map((problem, i) => (
                  <List.Item key={i}>
                    {problem.path !== '$' && <code>{problem.path}</code>} {problem.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
