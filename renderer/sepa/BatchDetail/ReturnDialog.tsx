import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FieldErrors } from '../../../core/api/errors';
import { ValidationError } from '../../../core/api/errors';
import { isIsoDate } from '../../../core/dates/dates';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import { R_CODE_OPTIONS, RETURN_KIND_OPTIONS } from '../sepa-text';

export interface ReturnedDebit {
  id: number;
  name: string;
  invoiceNumber: string;
  amountCents: Cents;
}

type Kind = 'reject' | 'return' | 'refund';

/** « Enregistrer un rejet »: the bank's notice (type, R-code, date) for one debit. */
export function ReturnDialog({ debit, today, settled, onClose, onSaved }: { debit: ReturnedDebit; today: string; settled: boolean; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>(settled ? 'return' : 'reject');
  const [code, setCode] = useState<string | null>(null);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const local: FieldErrors = {};
    if (!code) local.code = 'Choisissez le motif (code R) indiqué par la banque.';
    if (!isIsoDate(date)) local.date = 'Date invalide : tapez-la sous la forme jj/mm/aaaa.';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('sepa-debit-return', { debitId: debit.id, kind, code: code as never, date, note });
      notifySuccess(
        result.reversed
          ? `Rejet enregistré : le paiement de ${debit.name} est annulé sur son compte, la facture ${debit.invoiceNumber} est de nouveau due.`
          : `Rejet enregistré : la facture ${debit.invoiceNumber} de ${debit.name} reste due.`,
      );
      onSaved();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields);
      notifyError(error, 'Le rejet n’a pas été enregistré');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Enregistrer un rejet" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Prélèvement de <b>{debit.name}</b>, facture {debit.invoiceNumber}, {formatEuros(debit.amountCents)}.
          </Text>
          <Select label="Type" data={RETURN_KIND_OPTIONS} value={kind} onChange={(value) => value && setKind(value as Kind)} allowDeselect={false} error={errors.kind} />
          <Select
            label="Motif"
            placeholder="Code indiqué par la banque"
            data={R_CODE_OPTIONS}
            searchable
            value={code}
            error={errors.code}
            onChange={(value) => {
              setCode(value);
              setErrors(({ code: _gone, ...rest }) => rest);
            }}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <DateField
            label="Date"
            value={date}
            error={errors.date}
            required
            onChange={(value) => {
              setDate(value);
              setErrors(({ date: _gone, ...rest }) => rest);
            }}
          />
          <TextInput label="Remarque" value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} maxLength={300} />
          <Text size="xs" c="dimmed">
            La facture redevient due : elle sera présentée dans le prochain lot de sa facturation, ou vous pourrez passer l’adhérent au chèque sur sa fiche.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Enregistrer le rejet
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
