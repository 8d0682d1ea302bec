import { Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { deliveryCorrect, RECORD_STATUS_LABELS, type DeliveryRecord } from '../../../core/deliveries/closing-handlers';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../../notify/notify';
import { useAppState } from '../../state/app-store';
import { FormDialog } from '../../subscriptions/forms/FormDialog';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';
import type { CreditNoteProposal } from './CreditNoteOffer';

export type CorrectionStatus = 'delivered' | 'not_collected' | 'not_delivered';

export interface CorrectionRequest {
  record: DeliveryRecord;
  status: CorrectionStatus;
}

/**
 * Changes a validated basket's status. The backend refuses a correction without a reason
 * or a name (it is traced), so nothing is saved until both are given.
 */
export function CorrectionDialog({
  request,
  onClose,
  onSaved,
}: {
  request: CorrectionRequest | null;
  onClose(): void;
  /** With the credit note to propose when the basket was already invoiced. */
  onSaved(proposal: CreditNoteProposal | null): void;
}) {
  const api = useApi();
  const correctorName = useAppState((s) => s.correctorName);
  const setCorrectorName = useAppState((s) => s.setCorrectorName);
  const form = useDialogForm({
    initial: { reason: '', by: correctorName },
    // The handler's own schema: its French messages on the fields, and nothing sent while they show.
    schema: deliveryCorrect.input,
    labels: deliveryCorrect.labels,
    toInput: (v) => ({ id: request?.record.id, status: request?.status, reason: v.reason, by: v.by }),
    submit: async (input) => {
      if (!request) return;
      const { reason, by } = input as { reason: string; by: string };
      await api.call('delivery-correct', { id: request.record.id, status: request.status, reason, by });
      setCorrectorName(by.trim());
      notifySuccess(`${request.record.subscriberName} : ${RECORD_STATUS_LABELS[request.status]}`);
      onSaved(await api.call('credit-note-proposal', { deliveryId: request.record.id }));
    },
  });
  const { reset } = form;
  useEffect(() => {
    if (request) reset({ reason: '', by: correctorName });
    // Reset only when another basket is chosen, not when the remembered name changes.
  }, [request, reset]);

  const title = request ? `Marquer « ${RECORD_STATUS_LABELS[request.status]} »` : '';
  return (
    <FormDialog opened={request !== null} title={title} submitLabel="Enregistrer la correction" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={form.handleSubmit}>
      {request && (
        <Text size="sm">
          {request.record.subscriberName} — {request.record.formulaName} × {request.record.quantity}, {request.record.depotName}. Actuellement «{' '}
          {RECORD_STATUS_LABELS[request.record.status]} ».
        </Text>
      )}
      <TextInput
        label="Raison"
        placeholder="ex. Panier resté au dépôt"
        withAsterisk
        data-autofocus
        value={form.values.reason}
        error={form.errors.reason}
        onChange={(event) => form.setField('reason', event.currentTarget.value)}
      />
      <TextInput
        label="Corrigé par"
        description="Votre nom : la correction est tracée. Il est retenu jusqu’à la fermeture de Paniers."
        withAsterisk
        value={form.values.by}
        error={form.errors.by}
        onChange={(event) => form.setField('by', event.currentTarget.value)}
      />
    </FormDialog>
  );
}
