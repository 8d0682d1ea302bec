import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ValidationError } from '../../../core/api/errors';
import { fromLocalDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../../subscriptions/forms/FormDialog';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';
import { readAmount } from './amount-text';

type Method = 'transfer' | 'cash' | 'card';

interface Values extends Record<string, unknown> {
  method: Method;
  date: string;
  amountCents: string;
  reference: string;
  label: string;
}

const METHODS: { value: Method; label: string }[] = [
  { value: 'transfer', label: 'Virement' },
  { value: 'cash', label: 'Espèces' },
  { value: 'card', label: 'Carte bancaire' },
];

/** « Enregistrer un règlement »: a transfer, cash or card payment credited to the subscriber. */
export function PaymentDialog({ subscriberId, onClose, onSaved }: { subscriberId: number; onClose(): void; onSaved(result: OutputOf<'payment-record'>): void }) {
  const api = useApi();
  const form = useDialogForm<Values>({
    initial: { method: 'transfer', date: fromLocalDate(new Date()), amountCents: '', reference: '', label: '' },
    submit: async () => {
      const { method, date, amountCents, reference, label } = form.values;
      const read = readAmount(amountCents, 'Indiquez le montant du règlement (exemple : 42,50).');
      if (read.problem !== null) throw new ValidationError(read.problem, { amountCents: read.problem });
      // The backend checks the rest (a transfer needs its reference) and names the field.
      onSaved(await api.call('payment-record', { subscriberId, method, date, amountCents: read.cents, reference, label }));
    },
  });
  const { values, errors, setField } = form;
  return (
    <FormDialog opened title="Enregistrer un règlement" submitLabel="Enregistrer le règlement" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={form.handleSubmit}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="payment-method-label">
          Mode de règlement
        </Text>
        <SegmentedControl aria-labelledby="payment-method-label" data={METHODS} value={values.method} onChange={(v) => setField('method', v as Method)} />
        <Text size="xs" c="dimmed">
          Chèques et prélèvements ont leurs propres écrans.
        </Text>
      </Stack>
      <SimpleGrid cols={2} spacing="md">
        <DateField label="Date du règlement" required value={values.date} error={errors.date} onChange={(v) => setField('date', v)} />
        <TextInput label="Montant (€)" withAsterisk placeholder="42,50" data-autofocus inputMode="decimal" value={values.amountCents} error={errors.amountCents} onChange={(e) => setField('amountCents', e.currentTarget.value)} />
      </SimpleGrid>
      <TextInput
        label={values.method === 'transfer' ? 'Référence du virement' : 'Référence'}
        withAsterisk={values.method === 'transfer'}
        description={values.method === 'transfer' ? 'Telle qu’elle figure sur le relevé bancaire.' : undefined}
        value={values.reference}
        error={errors.reference}
        onChange={(e) => setField('reference', e.currentTarget.value)}
      />
      <TextInput label="Libellé" placeholder="Par défaut : le mode et la référence" value={values.label} error={errors.label} onChange={(e) => setField('label', e.currentTarget.value)} />
    </FormDialog>
  );
}
