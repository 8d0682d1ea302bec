import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { isIsoDate } from '../../../core/dates/dates';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';

/** « Révoquer »: the subscriber withdrew the mandate; no debit collects after that date. */
export function RevokeDialog({ mandate, today, onClose, onSaved }: { mandate: { subscriberId: number; name: string; rum: string }; today: string; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!isIsoDate(date)) {
      setError('Date de révocation invalide : tapez-la sous la forme jj/mm/aaaa.');
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('mandate-revoke', { subscriberId: mandate.subscriberId, date });
      notifySuccess(
        result.readyBatches.length > 0
          ? `Mandat révoqué. ${mandate.name} est encore dans le lot n° ${result.readyBatches.join(', ')} pas encore envoyé : annulez ce lot et refaites-le.`
          : `Mandat de ${mandate.name} révoqué : il ne sera plus prélevé. Pensez à changer son mode de règlement sur sa fiche.`,
      );
      onSaved();
    } catch (e) {
      if (e instanceof ValidationError) setError(e.fields.date);
      notifyError(e, 'Le mandat n’a pas été révoqué');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Révoquer le mandat — ${mandate.name}`} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Le mandat {mandate.rum} ne servira plus à partir de cette date. Pour reprendre les prélèvements, il faudra un nouveau mandat signé.
          </Text>
          <DateField
            label="Date de révocation"
            value={date}
            error={error}
            required
            autoFocus
            onChange={(value) => {
              setDate(value);
              setError(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Révoquer le mandat
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
