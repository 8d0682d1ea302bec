import { Text, TextInput } from '@mantine/core';
import { fromLocalDate } from '../../../core/dates/dates';
import type { InputOf } from '../../../core/handlers';
import { SUBSCRIPTION_LABELS, subscriptionEndInput, type Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../forms/FormDialog';
import { useDialogForm } from '../forms/use-dialog-form';

/** « Terminer l’abonnement » (résiliation) at any date, with its reason kept in the history. */
export function EndDialog({ subscription, onClose, onSaved }: { subscription: Subscription; onClose(): void; onSaved(subscription: Subscription): void }) {
  const api = useApi();
  const form = useDialogForm<{ endDate: string; reason: string }>({
    initial: { endDate: subscription.endDate ?? fromLocalDate(new Date()), reason: subscription.endReason },
    schema: subscriptionEndInput,
    labels: SUBSCRIPTION_LABELS,
    toInput: (v) => ({ chainId: subscription.chainId, endDate: v.endDate, reason: v.reason }),
    submit: async (input) => onSaved(await api.call('subscription-end', input as InputOf<'subscription-end'>)),
  });
  const { values, errors, setField } = form;
  return (
    <FormDialog
      opened
      danger
      title="Terminer l’abonnement"
      submitLabel="Terminer l’abonnement"
      submitting={form.submitting}
      formError={form.formError}
      onClose={onClose}
      onSubmit={form.handleSubmit}
    >
      <Text size="sm" c="dimmed">
        {subscription.current.formulaName} au dépôt {subscription.current.depotName}. Le dernier panier est celui du jour de fin ou d’avant ;
        les changements prévus après cette date sont retirés.
      </Text>
      <DateField label="Dernier jour de l’abonnement" required autoFocus value={values.endDate} error={errors.endDate} onChange={(v) => setField('endDate', v)} />
      <TextInput label="Motif de fin" placeholder="ex. déménagement hors du secteur" value={values.reason} error={errors.reason} onChange={(e) => setField('reason', e.currentTarget.value)} />
    </FormDialog>
  );
}
