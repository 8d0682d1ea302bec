import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { formatEuros, MoneyError, parseEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import type { ChequeRow } from './AllCheques';

/** « Corriger »: a typing mistake on a cheque still in hand. The amount is shown; the backend explains why it stays. */
export function ChequeEditDialog({ cheque, onClose, onSaved }: { cheque: ChequeRow; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [values, setValues] = useState({
    number: cheque.number,
    bank: cheque.bank,
    drawer: cheque.drawer,
    plannedDepositOn: cheque.plannedDepositOn,
    amount: formatEuros(cheque.amountCents, { symbol: false }),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async () => {
    setErrors({});
    let amountCents: number;
    try {
      amountCents = parseEuros(values.amount);
    } catch (error) {
      setErrors({ amountCents: error instanceof MoneyError ? error.message : 'Montant invalide (exemple : 45,00).' });
      return;
    }
    setBusy(true);
    try {
      const { amount: _amount, ...rest } = values;
      await api.call('cheque-update', { id: cheque.id, ...rest, ...(amountCents !== cheque.amountCents ? { amountCents } : {}) });
      notifySuccess(`Chèque n° ${values.number} corrigé`);
      onSaved();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields);
      else notifyError(error, 'Le chèque n’a pas été corrigé');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Corriger le chèque n° ${cheque.number}`} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="Numéro" value={values.number} error={errors.number} data-autofocus onChange={(e) => set({ number: e.currentTarget.value })} />
            <TextInput label="Banque" value={values.bank} error={errors.bank} onChange={(e) => set({ bank: e.currentTarget.value })} />
            <TextInput label="Tireur" value={values.drawer} error={errors.drawer} onChange={(e) => set({ drawer: e.currentTarget.value })} />
            <DateField label="Encaissement prévu le" value={values.plannedDepositOn} error={errors.plannedDepositOn} onChange={(plannedDepositOn) => set({ plannedDepositOn })} />
            <TextInput label="Montant (€)" value={values.amount} error={errors.amountCents} onChange={(e) => set({ amount: e.currentTarget.value })} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={busy}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
