import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { InputOf, OutputOf } from '../../../core/handlers';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../../subscriptions/forms/FormDialog';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';

const LABELS = { chainId: 'Abonnement', fromDate: 'Absent du', toDate: 'Au', reason: 'Motif', confirmLate: 'Confirmer malgré le délai' };

interface Values extends Record<string, unknown> {
  chainId: string | null;
  fromDate: string;
  toDate: string;
  reason: string;
  confirmLate: boolean;
}

/**
 * « Absent du … au … »: the baskets of one subscription in the range are cancelled. Past the
 * cancellation deadline the backend asks for a confirmation (`confirmLate`): the checkbox
 * appears with its message then.
 */
export function CancellationDialog({
  subscriptions,
  onClose,
  onSaved,
}: {
  subscriptions: Subscription[];
  onClose(): void;
  onSaved(result: OutputOf<'cancellation-create'>): void;
}) {
  const api = useApi();
  const running = subscriptions.filter((s) => s.status !== 'ended');
  const form = useDialogForm<Values>({
    initial: { chainId: running.length === 1 ? String(running[0]!.chainId) : null, fromDate: '', toDate: '', reason: '', confirmLate: false },
    // The schema lives with the handler (core/deliveries): the backend checks, and its field errors land here.
    toInput: (v) => ({ chainId: v.chainId ? Number(v.chainId) : undefined, fromDate: v.fromDate, toDate: v.toDate, reason: v.reason, confirmLate: v.confirmLate }),
    submit: async (input) => onSaved(await api.call('cancellation-create', input as InputOf<'cancellation-create'>)),
  });
  const { values, errors, setField } = form;
  const askLate = errors.confirmLate !== undefined || values.confirmLate;

  return (
    <FormDialog opened title="Signaler une absence" submitLabel="Annuler les paniers" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={form.handleSubmit}>
      {running.length > 1 && (
        <Select
          label={LABELS.chainId}
          withAsterisk
          data={running.map((s) => ({ value: String(s.chainId), label: `${s.current.formulaName} — ${s.current.depotName}` }))}
          value={values.chainId}
          error={errors.chainId}
          comboboxProps={{ withinPortal: true }}
          onChange={(v) => setField('chainId', v)}
        />
      )}
      <SimpleGrid cols={2} spacing="md">
        <DateField label={LABELS.fromDate} required autoFocus value={values.fromDate} error={errors.fromDate} onChange={(v) => setField('fromDate', v)} />
        <DateField label="Au (inclus)" required value={values.toDate} error={errors.toDate} onChange={(v) => setField('toDate', v)} />
      </SimpleGrid>
      <TextInput label={LABELS.reason} placeholder="ex. vacances" value={values.reason} error={errors.reason} onChange={(e) => setField('reason', e.currentTarget.value)} />
      {askLate && (
        <Checkbox
          label={LABELS.confirmLate}
          description="Le délai d’annulation est passé : le jardin a peut-être déjà préparé ce panier."
          checked={values.confirmLate}
          error={errors.confirmLate}
          onChange={(e) => setField('confirmLate', e.currentTarget.checked)}
        />
      )}
    </FormDialog>
  );
}
