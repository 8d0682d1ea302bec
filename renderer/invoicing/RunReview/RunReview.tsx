import { Alert, Badge, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { monthLabel, RUN_STATUS_LABELS } from '../invoicing-text';
import { PrintPdfButton } from '../print/PrintPdfButton';
import { IssueConfirm } from './IssueConfirm';
import { RunInvoiceTable } from './RunInvoiceTable';
import { RunTotals } from './RunTotals';

/** One month's run: the drafts to review and issue, or the issued invoices with their numbers. */
export function RunReview({ runId, onBack, onOpenInvoice }: { runId: number; onBack(): void; onOpenInvoice(id: number): void }) {
  const api = useApi();
  const query = useApiQuery('invoice-run-get', { runId });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = query.data;

  if (!run) {
    return query.error ? (
      <Alert color="red" title="Facturation introuvable">
        {query.error.message}
      </Alert>
    ) : (
      <Loader aria-label="Chargement de la facturation" />
    );
  }
  const draft = run.status === 'draft';

  const act = async (action: () => Promise<unknown>, failure: string) => {
    setBusy(true);
    try {
      await action();
      await query.reload();
    } catch (error) {
      notifyError(error, failure);
    } finally {
      setBusy(false);
    }
  };
  const issue = () =>
    act(async () => {
      const result = await api.call('invoice-run-issue', { runId });
      setConfirming(false);
      notifySuccess(result.issued > 0 ? `${result.issued} factures émises, de ${result.firstNumber} à ${result.lastNumber}` : 'Aucune facture à émettre');
    }, 'Les factures n’ont pas été émises');

  return (
    <Stack gap="md">
      <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content" px={0}>
        Toutes les facturations
      </Button>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} fz="h2">
            Facturation de {monthLabel(run.month)}</Title>
          <Badge variant="light" color={draft ? 'yellow' : 'leaf'}>
            {RUN_STATUS_LABELS[run.status]}
          </Badge>
        </Group>
        {!draft && (
          <PrintPdfButton
            label="Imprimer les factures"
            readyTitle="Factures prêtes"
            variant="filled"
            load={() => api.call('document-invoice-run', { runId })}
          />
        )}
        {draft && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void act(() => api.call('invoice-run-prepare', { month: run.month }), 'Les factures n’ont pas été préparées à nouveau')}>
              Préparer à nouveau
            </Button>
            <Button leftSection={<IconSend size={16} />} disabled={run.totals.count === 0} onClick={() => setConfirming(true)}>
              Émettre les factures
            </Button>
          </Group>
        )}
      </Group>
      {draft && (
        <Alert color="blue" variant="light">
          Brouillons à relire : ouvrez une facture pour voir ses lignes, excluez celles qui ne doivent pas partir ce mois-ci, puis émettez.
        </Alert>
      )}
      <RunTotals run={run} />
      <RunInvoiceTable invoices={run.invoices} editable={draft} onOpen={onOpenInvoice} onExclude={(id, excluded) => void act(() => api.call('invoice-exclude', { id, excluded }), 'La facture n’a pas été modifiée')} />
      <IssueConfirm opened={confirming} month={run.month} count={run.totals.count} totalCents={run.totals.grossCents} busy={busy} onCancel={() => setConfirming(false)} onConfirm={() => void issue()} />
    </Stack>
  );
}
