import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconExternalLink, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { notifyError, notifySuccess } from '../../notify/notify';
import { pickPdfOutput, type PdfFile, type PdfOutput } from './pdf-output';

/** The PDF is ready: save, open or print it, the way the host allows. */
export function PdfReadyDialog({ file, title, onClose, output: given }: { file: PdfFile | null; title: string; onClose(): void; output?: PdfOutput }) {
  const output = useMemo(() => given ?? pickPdfOutput(), [given]);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, failure: string) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notifyError(error, failure);
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setSavedPath(null);
    onClose();
  };

  return (
    <Modal opened={file !== null} onClose={close} title={title} centered>
      {file && (
        <Stack gap="md">
          <Text size="sm">
            <Text span fw={600}>
              {file.fileName}
            </Text>{' '}
            — {file.pages} {file.pages > 1 ? 'pages' : 'page'} A4.
          </Text>
          {savedPath && (
            <Text size="sm" c="dimmed">
              Enregistré dans {savedPath}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Fermer
            </Button>
            {output.kind === 'web' ? (
              <>
                <Button variant="light" leftSection={<IconExternalLink size={16} />} onClick={() => output.open(file)}>
                  Ouvrir
                </Button>
                <Button
                  leftSection={<IconDownload size={16} />}
                  data-autofocus
                  onClick={() => {
                    output.download(file);
                    notifySuccess(`${file.fileName} téléchargé`);
                  }}
                >
                  Télécharger
                </Button>
              </>
            ) : (
              <>
                {savedPath ? (
                  <Button variant="light" leftSection={<IconExternalLink size={16} />} loading={busy} onClick={() => void run(() => output.open(savedPath), 'Le PDF ne s’est pas ouvert')}>
                    Ouvrir le PDF
                  </Button>
                ) : (
                  <Button
                    variant="light"
                    leftSection={<IconDownload size={16} />}
                    loading={busy}
                    onClick={() => void run(async () => setSavedPath(await output.save(file)), 'Le PDF n’a pas été enregistré')}
                  >
                    Enregistrer…
                  </Button>
                )}
                <Button leftSection={<IconPrinter size={16} />} data-autofocus loading={busy} onClick={() => void run(() => output.print(file), 'Le PDF n’a pas pu être imprimé')}>
                  Imprimer
                </Button>
              </>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
