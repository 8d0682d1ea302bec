import { Text, TextInput } from '@mantine/core';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { FormDialog } from '../../subscriptions/forms/FormDialog';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';

export interface CancellablePayment {
  id: number;
  date: string;
  label: string;
  amountCents: Cents;
}

/** « Annuler » a transfer, cash or card payment entered by mistake: a reversal with its reason. */
export function CancelPaymentDialog({ payment, onClose, onSaved }: { payment: CancellablePayment; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const form = useDialogForm<{ reason: string }>({
    initial: { reason: '' },
    submit: async () => {
      await api.call('payment-cancel', { entryId: payment.id, reason: form.values.reason });
      onSaved();
    },
  });
  return (
    <FormDialog opened danger title="Annuler ce règlement ?" submitLabel="Annuler le règlement" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={form.handleSubmit}>
      <Text size="sm">
        {payment.label} du {formatDateShortFr(payment.date as IsoDate)}, {formatEuros(payment.amountCents)} : une écriture d’annulation est ajoutée au compte (rien n’est effacé).
      </Text>
      <TextInput
        label="Motif de l’annulation"
        withAsterisk
        data-autofocus
        placeholder="ex. saisi sur le mauvais adhérent"
        value={form.values.reason}
        error={form.errors.reason}
        onChange={(e) => form.setField('reason', e.currentTarget.value)}
      />
    </FormDialog>
  );
}
