import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { parseInput } from '../../../core/api/zod-fr';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { creditNoteCreate } from '../../../core/invoicing/credit-notes';
import { cents, formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';

type Invoice = OutputOf<'invoice-get'>;

/** « Avoir »: credit some lines of an issued invoice, or all of it, with a reason (required). */
export function CreditNoteDialog({ invoice, opened, onClose, onCreated }: { invoice: Invoice; opened: boolean; onClose(): void; onCreated(): void }) {
  const api = useApi();
  const creditable = invoice.lines.filter((line) => (line.kind === 'basket' || line.kind === 'membership') && !line.creditNoteNumber);
  const [all, setAll] = useState(true);
  const [picked, setPicked] = useState<number[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const anyCredited = invoice.lines.some((line) => line.creditNoteNumber);
  const chosen = all ? creditable : creditable.filter((line) => picked.includes(line.id));
  const total = cents(chosen.reduce((sum, line) => sum + line.grossCents, 0));

  const submit = async () => {
    setErrors({});
    try {
      // Checked here first, with the backend's own schema: nothing is sent while the reason is missing.
      const input = parseInput(creditNoteCreate.input, { invoiceId: invoice.id, lineIds: all ? 'all' : chosen.map((line) => line.id), reason }, creditNoteCreate.labels);
      setBusy(true);
      const note = await api.call('credit-note-create', input);
      notifySuccess(`Avoir ${note.number} émis`);
      setReason('');
      setPicked([]);
      onCreated();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields);
      else notifyError(error, 'L’avoir n’a pas été émis');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Avoir sur la facture ${invoice.number ?? ''}`} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Checkbox label={anyCredited ? 'Toutes les lignes pas encore remboursées' : 'Toute la facture'} checked={all} onChange={(event) => setAll(event.currentTarget.checked)} />
          {!all && (
            <Checkbox.Group label="Lignes à rembourser" value={picked.map(String)} onChange={(values) => setPicked(values.map(Number))} error={errors.lineIds}>
              <Stack gap={4} mt={4}>
                {creditable.map((line) => (
                  <Checkbox
                    key={line.id}
                    value={String(line.id)}
                    label={`${line.date ? `${formatDateShortFr(line.date as IsoDate)} · ` : ''}${line.label} · ${formatEuros(line.grossCents)}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {all && errors.lineIds && (
            <Text size="sm" c="red">
              {errors.lineIds}
            </Text>
          )}
          <TextInput label="Raison" withAsterisk placeholder="Exemple : panier non livré le 14/04" value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={errors.reason} data-autofocus />
          <Text size="sm">
            Montant de l’avoir : <b>{formatEuros(total)}</b> TTC, crédité sur le compte de l’adhérent.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={busy} disabled={chosen.length === 0}>
              Émettre l’avoir
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
