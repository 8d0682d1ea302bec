import { Button, Group, Tooltip } from '@mantine/core';
import { IconBan, IconCheck, IconDownload, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { ConfirmDialog } from '../../settings/form/ConfirmDialog';
import { downloadText } from '../../shared/download';
import { plural, shortDate } from '../sepa-text';

type Batch = OutputOf<'sepa-batch-get'>;

/**
 * The batch's next step as the primary button: export → deposit at the bank → mark sent →
 * (after the collection date) mark settled. Each refusal of the backend is shown as is.
 */
export function BatchActions({ batch, today, readOnly, onChanged }: { batch: Batch; today: string; readOnly: boolean; onChanged(): Promise<void> }) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'sent' | 'cancel' | null>(null);

  const run = async (key: string, action: () => Promise<string>, failure: string) => {
    setBusy(key);
    try {
      notifySuccess(await action());
      await onChanged();
    } catch (error) {
      notifyError(error, failure);
    } finally {
      setBusy(null);
    }
  };
  const exportFile = () =>
    run(
      'export',
      async () => {
        const file = await api.call('sepa-batch-export', { batchId: batch.id });
        downloadText(file.fileName, file.content, 'application/xml;charset=utf-8');
        return `Fichier ${file.fileName} enregistré dans vos téléchargements : déposez-le sur le site de votre banque.`;
      },
      'Le fichier n’a pas été exporté',
    );
  const exported = batch.exportedAt !== null;
  const early = today < batch.collectionDate;

  const download = (primary: boolean) => (
    <Button variant={primary ? 'filled' : 'default'} leftSection={<IconDownload size={16} />} loading={busy === 'export'} onClick={() => void exportFile()}>
      {exported ? 'Re-télécharger le fichier' : 'Exporter le fichier XML'}
    </Button>
  );

  return (
    <Group gap="sm">
      {batch.status === 'ready' && (
        <>
          <Button variant="outline" color="red" leftSection={<IconBan size={16} />} disabled={readOnly} onClick={() => setConfirm('cancel')}>
            Annuler le lot
          </Button>
          {download(!exported)}
          <Tooltip label="Exportez d’abord le fichier, puis déposez-le à la banque." disabled={exported}>
            <Button variant={exported ? 'filled' : 'default'} leftSection={<IconSend size={16} />} disabled={!exported || readOnly} onClick={() => setConfirm('sent')}>
              Marquer comme envoyé
            </Button>
          </Tooltip>
        </>
      )}
      {batch.status === 'sent' && (
        <>
          {download(false)}
          <Tooltip label={`Le prélèvement a lieu le ${shortDate(batch.collectionDate)} : il ne peut pas être encaissé avant.`} disabled={!early}>
            {/* A disabled button gets no pointer events: the wrapper keeps the tooltip working. */}
            <span>
              <Button
                leftSection={<IconCheck size={16} />}
                disabled={early || readOnly}
                loading={busy === 'settle'}
                onClick={() =>
                  void run(
                    'settle',
                    async () => {
                      await api.call('sepa-batch-settle', { batchId: batch.id });
                      return `Lot n° ${batch.id} encaissé : les factures sont réglées au ${shortDate(batch.collectionDate)}.`;
                    },
                    'Le lot n’a pas été marqué encaissé',
                  )
                }
              >
                Marquer comme encaissé
              </Button>
            </span>
          </Tooltip>
        </>
      )}
      {batch.status === 'settled' && download(false)}
      <ConfirmDialog
        opened={confirm === 'sent'}
        title="Marquer comme envoyé"
        message={`Avez-vous déposé le fichier sur le site de votre banque ? Faites-le d’abord : une fois le lot marqué envoyé, il ne peut plus être annulé. ${plural(batch.count, 'prélèvement')}, le ${shortDate(batch.collectionDate)}.`}
        confirmLabel="Le fichier est déposé"
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          run(
            'sent',
            async () => {
              await api.call('sepa-batch-mark-sent', { batchId: batch.id });
              return `Lot n° ${batch.id} marqué envoyé à la banque.`;
            },
            'Le lot n’a pas été marqué envoyé',
          )
        }
      />
      <ConfirmDialog
        opened={confirm === 'cancel'}
        title="Annuler le lot"
        message={`Annuler le lot n° ${batch.id} ? Ses ${plural(batch.count, 'facture')} pourront être mises dans un autre lot. Ne le faites pas si le fichier a déjà été déposé à la banque.`}
        confirmLabel="Annuler le lot"
        danger
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          run(
            'cancel',
            async () => {
              await api.call('sepa-batch-cancel', { batchId: batch.id });
              return `Lot n° ${batch.id} annulé.`;
            },
            'Le lot n’a pas été annulé',
          )
        }
      />
    </Group>
  );
}
