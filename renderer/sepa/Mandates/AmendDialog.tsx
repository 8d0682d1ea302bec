import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ValidationError, type FieldErrors } from '../../../core/api/errors';
import { isIsoDate } from '../../../core/dates/dates';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';

export interface AmendedMandate {
  subscriberId: number;
  name: string;
  iban: string;
  bic: string;
  rum: string;
}

const ID = 'mandate-amend';

/**
 * « Modifier »: a new IBAN (the debtor's signed notice) or a new mandate (new RUM and its
 * signature date). The old state is kept in the history; the next debit informs the bank.
 */
export function AmendDialog({ mandate, onClose, onSaved }: { mandate: AmendedMandate; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [values, setValues] = useState({ iban: mandate.iban, bic: mandate.bic, rum: mandate.rum, signedOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values, value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const save = async () => {
    if (values.signedOn !== '' && !isIsoDate(values.signedOn)) {
      setErrors({ signedOn: 'Date de signature invalide : tapez-la sous la forme jj/mm/aaaa.' });
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('mandate-amend', {
        subscriberId: mandate.subscriberId,
        iban: values.iban,
        bic: values.bic,
        rum: values.rum.trim() === '' ? undefined : values.rum,
        signedOn: values.signedOn === '' ? undefined : values.signedOn,
      });
      notifySuccess(
        result.readyBatches.length > 0
          ? `Mandat de ${mandate.name} modifié. Il est dans le lot n° ${result.readyBatches.join(', ')} pas encore envoyé : annulez ce lot et refaites-le pour utiliser le nouveau mandat.`
          : `Mandat de ${mandate.name} modifié : la banque en sera informée au prochain prélèvement.`,
      );
      onSaved();
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.fields);
        const first = Object.keys(error.fields)[0];
        if (first) document.getElementById(`${ID}-${first}`)?.focus();
      }
      notifyError(error, 'Le mandat n’a pas été modifié');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Modifier le mandat — ${mandate.name}`} size="lg" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Nouvel IBAN : changez seulement l’IBAN (et le BIC). Nouveau mandat : indiquez aussi sa référence (RUM) et sa date de signature.
          </Text>
          <TextInput id={`${ID}-iban`} label="IBAN" value={values.iban} error={errors.iban} onChange={(e) => set('iban', e.currentTarget.value)} data-autofocus ff="monospace" />
          <SimpleGrid cols={3} spacing="sm">
            <TextInput id={`${ID}-bic`} label="BIC" description="Facultatif" value={values.bic} error={errors.bic} onChange={(e) => set('bic', e.currentTarget.value)} />
            <TextInput id={`${ID}-rum`} label="Référence du mandat (RUM)" value={values.rum} error={errors.rum} onChange={(e) => set('rum', e.currentTarget.value)} />
            <DateField id={`${ID}-signedOn`} label="Date de signature" description="Pour un nouveau mandat" value={values.signedOn} error={errors.signedOn} onChange={(v) => set('signedOn', v)} />
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
