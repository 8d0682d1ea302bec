import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FieldErrors } from '../../../core/api/errors';
import type { MembershipType } from '../../../core/memberships/membership-handlers';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { centsOf } from '../../formulas/FormulaForm/formula-values';
import { fieldDomId, useSubmit } from '../form/use-submit';

const ID = 'membership-type';
const LABELS = { label: 'Libellé', amountCents: 'Montant' };

/** Creates or edits a membership fee type (standard, solidarity…). */
export function MembershipTypeModal({ opened, type, onClose, onSaved }: { opened: boolean; type: MembershipType | null; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const form = useSubmit({
    idPrefix: ID,
    labels: LABELS,
    failureTitle: 'Cotisation non enregistrée',
    successMessage: `Cotisation ${label.trim()} enregistrée`,
    send: (input: { label: string; amountCents: number }) =>
      type ? api.call('membership-type-update', { ...input, id: type.id }) : api.call('membership-type-create', input),
  });
  const { setErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setLabel(type?.label ?? '');
    setAmount(type ? formatEuros(type.amountCents, { symbol: false }) : '');
    setErrors({});
  }, [opened, type, setErrors]);

  async function submit() {
    const errors: FieldErrors = {};
    if (label.trim() === '') errors.label = 'Indiquez le libellé de la cotisation (exemple : Cotisation solidaire).';
    const amountCents = centsOf(amount, 'amountCents', errors, 'Indiquez le montant de la cotisation (exemple : 15,00).');
    const saved = await form.submit({ label, amountCents: amountCents ?? 0 }, errors);
    if (saved) onSaved();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={type ? `Modifier la cotisation ${type.label}` : 'Nouvelle cotisation'}>
      <form
        noValidate
        aria-label={type ? 'Modifier la cotisation' : 'Nouvelle cotisation'}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            id={fieldDomId(ID, 'label')}
            label={LABELS.label}
            placeholder="ex. Cotisation solidaire"
            withAsterisk
            data-autofocus
            value={label}
            error={form.errors.label}
            onChange={(event) => {
              setLabel(event.currentTarget.value);
              form.clearError('label');
            }}
          />
          <TextInput
            id={fieldDomId(ID, 'amountCents')}
            label={LABELS.amountCents}
            description="Pour une période d’adhésion."
            placeholder="ex. 15,00"
            rightSection="€"
            withAsterisk
            value={amount}
            error={form.errors.amountCents}
            onChange={(event) => {
              setAmount(event.currentTarget.value);
              form.clearError('amountCents');
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={form.submitting}>
              {type ? 'Enregistrer' : 'Créer la cotisation'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
