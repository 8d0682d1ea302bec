import { Checkbox, Group, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { fromLocalDate } from '../../../core/dates/dates';
import type { InputOf } from '../../../core/handlers';
import { SUBSCRIPTION_LABELS, subscriptionCreateInput, type Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { CapacityOverride } from '../forms/CapacityOverride';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../forms/FormDialog';
import { TermsFields, type TermsValues } from '../forms/TermsFields';
import { useCatalogue } from '../forms/use-catalogue';
import { dateOrNull, useDialogForm } from '../forms/use-dialog-form';

type Values = TermsValues & {
  startDate: string;
  endDate: string;
  isDiscovery: boolean;
  discoveryMonths: 3 | 6;
  capacityOverrideReason: string;
};

/** « Nouvel abonnement »: formula, depot, frequency, quantity, dates, Découverte term. */
export function NewSubscriptionDialog({
  subscriberId,
  isEmployee,
  onClose,
  onSaved,
}: {
  subscriberId: number;
  isEmployee: boolean;
  onClose(): void;
  onSaved(subscription: Subscription): void;
}) {
  const api = useApi();
  const catalogue = useCatalogue();
  const form = useDialogForm<Values>({
    initial: {
      formulaId: null,
      depotId: null,
      frequency: null,
      quantity: 1,
      startDate: fromLocalDate(new Date()),
      endDate: '',
      isDiscovery: false,
      discoveryMonths: 3,
      capacityOverrideReason: '',
    },
    schema: subscriptionCreateInput,
    labels: SUBSCRIPTION_LABELS,
    toInput: (v) => ({
      subscriberId,
      formulaId: v.formulaId ?? undefined,
      depotId: v.depotId ?? undefined,
      frequency: v.frequency ?? undefined,
      quantity: v.quantity,
      startDate: v.startDate,
      endDate: dateOrNull(v.endDate),
      isDiscovery: v.isDiscovery,
      discoveryMonths: v.isDiscovery ? v.discoveryMonths : null,
      capacityOverrideReason: v.capacityOverrideReason,
    }),
    submit: async (input) => onSaved(await api.call('subscription-create', input as InputOf<'subscription-create'>)),
  });
  const { values, errors, setField } = form;
  const askOverride = errors.capacityOverrideReason !== undefined || values.capacityOverrideReason !== '';

  return (
    <FormDialog
      opened
      title="Nouvel abonnement"
      submitLabel="Créer l’abonnement"
      submitting={form.submitting}
      formError={form.formError}
      size="lg"
      onClose={onClose}
      onSubmit={form.handleSubmit}
    >
      <TermsFields
        values={values}
        errors={errors}
        catalogue={catalogue}
        autoFocus
        onChange={(patch) => (Object.entries(patch) as [keyof TermsValues, never][]).forEach(([k, v]) => setField(k, v))}
      />
      <SimpleGrid cols={2} spacing="md">
        <DateField label={SUBSCRIPTION_LABELS.startDate} required value={values.startDate} error={errors.startDate} onChange={(v) => setField('startDate', v)} />
        <DateField
          label={SUBSCRIPTION_LABELS.endDate}
          value={values.endDate}
          error={errors.endDate}
          description={values.isDiscovery && !isEmployee ? 'Laissez vide : Paniers la calcule à la fin de l’offre.' : 'Laissez vide pour un abonnement sans fin.'}
          onChange={(v) => setField('endDate', v)}
        />
      </SimpleGrid>
      <Group gap="lg" align="center">
        <Checkbox label={SUBSCRIPTION_LABELS.isDiscovery} checked={values.isDiscovery} onChange={(e) => setField('isDiscovery', e.currentTarget.checked)} />
        {values.isDiscovery && (
          <SegmentedControl
            aria-label={SUBSCRIPTION_LABELS.discoveryMonths}
            data={[
              { value: '3', label: '3 mois' },
              { value: '6', label: '6 mois' },
            ]}
            value={String(values.discoveryMonths)}
            onChange={(v) => setField('discoveryMonths', v === '6' ? 6 : 3)}
          />
        )}
      </Group>
      {values.isDiscovery && (
        <Text size="sm" c={errors.discoveryMonths ? 'red' : 'dimmed'}>
          {errors.discoveryMonths ??
            (isEmployee
              ? 'Salarié de l’association : l’offre Découverte n’a pas de durée imposée.'
              : 'La date de fin est calculée par Paniers ; le renouvellement demande l’accord du CCAS.')}
        </Text>
      )}
      {askOverride && <CapacityOverride value={values.capacityOverrideReason} error={errors.capacityOverrideReason} onChange={(v) => setField('capacityOverrideReason', v)} />}
    </FormDialog>
  );
}
