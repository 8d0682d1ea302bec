import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { formatDateFr, fromLocalDate, type IsoDate } from '../../../core/dates/dates';
import type { InputOf } from '../../../core/handlers';
import { SUBSCRIPTION_LABELS, subscriptionChangeInput, type Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { CapacityOverride } from '../forms/CapacityOverride';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../forms/FormDialog';
import { TermsFields, type TermsValues } from '../forms/TermsFields';
import { useCatalogue } from '../forms/use-catalogue';
import { useDialogForm } from '../forms/use-dialog-form';

type Values = TermsValues & { fromDate: string; reason: string; capacityOverrideReason: string };

/**
 * « Changement définitif »: new terms from a date. The backend ends the version in force the
 * day before and starts a new one, so the history keeps both.
 */
export function ChangeDialog({ subscription, onClose, onSaved }: { subscription: Subscription; onClose(): void; onSaved(subscription: Subscription): void }) {
  const api = useApi();
  const catalogue = useCatalogue();
  const last = subscription.versions[subscription.versions.length - 1] ?? subscription.current;
  const today = fromLocalDate(new Date());
  const form = useDialogForm<Values>({
    initial: {
      formulaId: last.formulaId,
      depotId: last.depotId,
      frequency: last.frequency,
      quantity: last.quantity,
      fromDate: today > last.startDate ? today : '',
      reason: '',
      capacityOverrideReason: '',
    },
    schema: subscriptionChangeInput,
    labels: SUBSCRIPTION_LABELS,
    toInput: (v) => ({
      chainId: subscription.chainId,
      fromDate: v.fromDate,
      formulaId: v.formulaId ?? undefined,
      depotId: v.depotId ?? undefined,
      frequency: v.frequency ?? undefined,
      quantity: v.quantity,
      reason: v.reason,
      capacityOverrideReason: v.capacityOverrideReason,
    }),
    submit: async (input) => onSaved(await api.call('subscription-change', input as InputOf<'subscription-change'>)),
  });
  const { values, errors, setField } = form;
  const askOverride = errors.capacityOverrideReason !== undefined || values.capacityOverrideReason !== '';

  return (
    <FormDialog
      opened
      title="Changement définitif"
      submitLabel="Enregistrer le changement"
      submitting={form.submitting}
      formError={form.formError}
      size="lg"
      onClose={onClose}
      onSubmit={form.handleSubmit}
    >
      <Text size="sm" c="dimmed">
        Les livraisons avant la date d’effet gardent les conditions actuelles (depuis le {formatDateFr(last.startDate as IsoDate, 'd MMMM yyyy')}) ;
        l’historique garde les deux versions.
      </Text>
      <SimpleGrid cols={2} spacing="md">
        <DateField label={SUBSCRIPTION_LABELS.fromDate} required autoFocus value={values.fromDate} error={errors.fromDate} onChange={(v) => setField('fromDate', v)} />
        <TextInput label={SUBSCRIPTION_LABELS.reason} placeholder="ex. déménagement" value={values.reason} error={errors.reason} onChange={(e) => setField('reason', e.currentTarget.value)} />
      </SimpleGrid>
      <TermsFields
        values={values}
        errors={errors}
        catalogue={catalogue}
        onChange={(patch) => (Object.entries(patch) as [keyof TermsValues, never][]).forEach(([k, v]) => setField(k, v))}
      />
      {askOverride && <CapacityOverride value={values.capacityOverrideReason} error={errors.capacityOverrideReason} onChange={(v) => setField('capacityOverrideReason', v)} />}
    </FormDialog>
  );
}
