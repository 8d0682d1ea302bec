import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ValidationError } from '../../../core/api/errors';
import { fromLocalDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { FormDialog } from '../../subscriptions/forms/FormDialog';
import { useDialogForm } from '../../subscriptions/forms/use-dialog-form';
import { readAmount } from './amount-text';

type Method = 'transfer' | 'cheque' | 'cash';

interface Values extends Record<string, unknown> {
  method: Method;
  date: string;
  amountCents: string;
  reference: string;
}

const METHODS: { value: Method; label: string }[] = [
  { value: 'transfer', label: 'Virement' },
  { value: 'cheque', label: 'Chèque' },
  { value: 'cash', label: 'Espèces' },
];

/**
 * « Rembourser l’avance »: pays back (part of) the credit. The whole credit is proposed; the
 * backend refuses more than the credit and says so on the amount.
 */
export function RefundDialog({ subscriberId, creditCents, onClose, onSaved }: { subscriberId: number; creditCents: Cents; onClose(): void; onSaved(result: OutputOf<'refund-record'>): void }) {
  const api = useApi();
  const form = useDialogForm<Values>({
    initial: { method: 'transfer', date: fromLocalDate(new Date()), amountCents: formatEuros(creditCents).replace(/\s?€$/, ''), reference: '' },
    submit: async () => {
      const { method, date, amountCents, reference } = form.values;
      const read = readAmount(amountCents, 'Indiquez le montant à rembourser (exemple : 15,00).');
      if (read.problem !== null) throw new ValidationError(read.problem, { amountCents: read.problem });
      onSaved(await api.call('refund-record', { subscriberId, method, date, amountCents: read.cents, reference, label: '' }));
    },
  });
  const { values, errors, setField } = form;
  return (
    <FormDialog opened title="Rembourser l’avance" submitLabel="Enregistrer le remboursement" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={form.handleSubmit}>
      <Text size="sm">
        Avance en faveur de l’adhérent : <b>{formatEuros(creditCents)}</b>.
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="refund-method-label">
          Mode de remboursement
        </Text>
        <SegmentedControl aria-labelledby="refund-method-label" data={METHODS} value={values.method} onChange={(v) => setField('method', v as Method)} />
      </Stack>
      <SimpleGrid cols={2} spacing="md">
        <DateField label="Date du remboursement" required value={values.date} error={errors.date} onChange={(v) => setField('date', v)} />
        <TextInput label="Montant (€)" withAsterisk data-autofocus inputMode="decimal" value={values.amountCents} error={errors.amountCents} onChange={(e) => setField('amountCents', e.currentTarget.value)} />
      </SimpleGrid>
      <TextInput
        label="Référence"
        description={values.method === 'cheque' ? 'Le numéro du chèque remis à l’adhérent.' : undefined}
        value={values.reference}
        error={errors.reference}
        onChange={(e) => setField('reference', e.currentTarget.value)}
      />
    </FormDialog>
  );
}
