import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { addDays, addMonths, formatDateFr, fromLocalDate, type IsoDate } from '../../../core/dates/dates';
import type { InputOf } from '../../../core/handlers';
import { discoveryRenewInput, SUBSCRIPTION_LABELS, type Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../forms/FormDialog';
import { useDialogForm } from '../forms/use-dialog-form';

interface Values extends Record<string, unknown> {
  months: 3 | 6;
  ccasReference: string;
  ccasAgreedOn: string;
  agreedBy: string;
}

/** Découverte renewal: 3 or 6 more months, with the CCAS's agreement recorded (the letter). */
export function RenewDialog({ subscription, onClose, onSaved }: { subscription: Subscription; onClose(): void; onSaved(subscription: Subscription): void }) {
  const api = useApi();
  const form = useDialogForm<Values>({
    initial: { months: 3, ccasReference: '', ccasAgreedOn: fromLocalDate(new Date()), agreedBy: '' },
    schema: discoveryRenewInput,
    labels: SUBSCRIPTION_LABELS,
    toInput: (v) => ({ chainId: subscription.chainId, ...v }),
    submit: async (input) => onSaved(await api.call('discovery-renew', input as InputOf<'discovery-renew'>)),
  });
  const { values, errors, setField } = form;
  // Shown for the office's information; the backend computes the real end the same way.
  const newEnd = subscription.endDate ? addDays(addMonths(addDays(subscription.endDate as IsoDate, 1), values.months), -1) : null;

  return (
    <FormDialog
      opened
      title="Renouveler l’offre Découverte"
      submitLabel="Renouveler"
      submitting={form.submitting}
      formError={form.formError}
      onClose={onClose}
      onSubmit={form.handleSubmit}
    >
      <Text size="sm">
        {subscription.subscriberName} — {subscription.current.formulaName}, {subscription.current.depotName}.
        {subscription.endDate && ` Se termine le ${formatDateFr(subscription.endDate as IsoDate)}.`}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {SUBSCRIPTION_LABELS.months}
        </Text>
        <SegmentedControl
          aria-label={SUBSCRIPTION_LABELS.months}
          data={[
            { value: '3', label: '3 mois' },
            { value: '6', label: '6 mois' },
          ]}
          value={String(values.months)}
          onChange={(v) => setField('months', v === '6' ? 6 : 3)}
        />
        {newEnd && (
          <Text size="sm" c="dimmed">
            Nouvelle fin : {formatDateFr(newEnd)}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={2} spacing="md">
        <TextInput
          label={SUBSCRIPTION_LABELS.ccasReference}
          withAsterisk
          data-autofocus
          value={values.ccasReference}
          error={errors.ccasReference}
          onChange={(e) => setField('ccasReference', e.currentTarget.value)}
        />
        <DateField label={SUBSCRIPTION_LABELS.ccasAgreedOn} required value={values.ccasAgreedOn} error={errors.ccasAgreedOn} onChange={(v) => setField('ccasAgreedOn', v)} />
      </SimpleGrid>
      <TextInput
        label={SUBSCRIPTION_LABELS.agreedBy}
        withAsterisk
        placeholder="ex. Mme Le Floch, assistante sociale"
        value={values.agreedBy}
        error={errors.agreedBy}
        onChange={(e) => setField('agreedBy', e.currentTarget.value)}
      />
    </FormDialog>
  );
}
