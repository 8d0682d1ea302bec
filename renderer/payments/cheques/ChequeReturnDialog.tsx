import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import type { ChequeRow } from './AllCheques';

/** « Chèque impayé »: the bank sent it back; the credit it gave is reversed on the subscriber's account. */
export function ChequeReturnDialog({ cheque, today, onClose, onReturned }: { cheque: ChequeRow; today: IsoDate; onClose(): void; onReturned(): void }) {
  const api = useApi();
  const [returnedOn, setReturnedOn] = useState<string>(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setErrors({});
    setBusy(true);
    try {
      await api.call('cheque-return', { id: cheque.id, returnedOn, reason });
      notifySuccess(`Chèque n° ${cheque.number} marqué impayé : ${formatEuros(cheque.amountCents)} débités du compte de ${cheque.subscriberName}`);
      onReturned();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields);
      else notifyError(error, 'Le chèque n’a pas été marqué impayé');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Chèque impayé" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Chèque n° {cheque.number} ({cheque.bank}) de {cheque.drawer}, {formatEuros(cheque.amountCents)}, reçu le {formatDateShortFr(cheque.receivedOn as IsoDate)}
            {cheque.depositSlipNumber ? `, remis sur le bordereau ${cheque.depositSlipNumber}` : ''}.
          </Text>
          <DateField label="Date du retour" value={returnedOn} error={errors.returnedOn} onChange={setReturnedOn} />
          <TextInput label="Motif" withAsterisk placeholder="Exemple : provision insuffisante" value={reason} error={errors.reason} data-autofocus onChange={(e) => setReason(e.currentTarget.value)} />
          <Text size="sm" c="dimmed">
            Le crédit de {formatEuros(cheque.amountCents)} sera annulé sur le compte de {cheque.subscriberName} (une écriture inverse, l’historique reste).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Marquer impayé
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
