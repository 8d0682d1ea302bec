import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { InputOf } from '../../../core/handlers';
import { SUBSCRIPTION_LABELS, temporaryChangeInput, type Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../forms/FormDialog';
import { useCatalogue } from '../forms/use-catalogue';
import { useDialogForm } from '../forms/use-dialog-form';

interface Values extends Record<string, unknown> {
  fromDate: string;
  toDate: string;
  depotId: string | null;
  formulaId: string | null;
  reason: string;
}

/** « Changement temporaire »: another depot and/or formula for a date range, then back to normal. */
export function TemporaryChangeDialog({ subscription, onClose, onSaved }: { subscription: Subscription; onClose(): void; onSaved(subscription: Subscription): void }) {
  const api = useApi();
  const catalogue = useCatalogue();
  const form = useDialogForm<Values>({
    initial: { fromDate: '', toDate: '', depotId: null, formulaId: null, reason: '' },
    schema: temporaryChangeInput,
    labels: SUBSCRIPTION_LABELS,
    toInput: (v) => ({
      chainId: subscription.chainId,
      fromDate: v.fromDate,
      toDate: v.toDate,
      depotId: v.depotId ? Number(v.depotId) : null,
      formulaId: v.formulaId ? Number(v.formulaId) : null,
      reason: v.reason,
    }),
    submit: async (input) => onSaved(await api.call('subscription-temporary-change', input as InputOf<'subscription-temporary-change'>)),
  });
  const { values, errors, setField } = form;
  const current = subscription.current;

  return (
    <FormDialog
      opened
      title="Changement temporaire"
      submitLabel="Enregistrer le changement"
      submitting={form.submitting}
      formError={form.formError}
      size="lg"
      onClose={onClose}
      onSubmit={form.handleSubmit}
    >
      <Text size="sm" c="dimmed">
        Pendant la période, les paniers vont au dépôt ou dans la formule choisis ; ensuite l’abonnement reprend tel qu’il est
        ({current.formulaName}, {current.depotName}).
      </Text>
      <SimpleGrid cols={2} spacing="md">
        <DateField label="Du" required autoFocus value={values.fromDate} error={errors.fromDate} onChange={(v) => setField('fromDate', v)} />
        <DateField label="Au (inclus)" required value={values.toDate} error={errors.toDate} onChange={(v) => setField('toDate', v)} />
        <Select
          label="Dépôt pendant la période"
          placeholder={`Inchangé (${current.depotName})`}
          data={catalogue.depotOptions.filter((o) => o.value !== String(current.depotId))}
          value={values.depotId}
          error={errors.depotId}
          clearable
          searchable
          openOnFocus={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setField('depotId', v)}
        />
        <Select
          label="Formule pendant la période"
          placeholder={`Inchangée (${current.formulaName})`}
          data={catalogue.formulaOptions.filter((o) => o.value !== String(current.formulaId))}
          value={values.formulaId}
          error={errors.formulaId}
          clearable
          searchable
          openOnFocus={false}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setField('formulaId', v)}
        />
      </SimpleGrid>
      <TextInput label={SUBSCRIPTION_LABELS.reason} placeholder="ex. vacances chez sa fille à Guidel" value={values.reason} error={errors.reason} onChange={(e) => setField('reason', e.currentTarget.value)} />
    </FormDialog>
  );
}
