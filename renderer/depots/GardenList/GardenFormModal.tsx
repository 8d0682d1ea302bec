import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { GARDEN_LABELS, gardenInput, type Garden } from '../../../core/depots/depots';
import { useApi } from '../../api/api-context';
import { fieldDomId, useSubmit } from '../../settings/form/use-submit';

const ID = 'garden';

/** Creates a garden, or renames one (`garden` given). */
export function GardenFormModal({ opened, garden, onClose, onSaved }: { opened: boolean; garden: Garden | null; onClose(): void; onSaved(): void }) {
  const api = useApi();
  const [values, setValues] = useState({ name: '', address: '' });
  const form = useSubmit({
    idPrefix: ID,
    schema: gardenInput,
    labels: GARDEN_LABELS,
    failureTitle: 'Jardin non enregistré',
    successMessage: `Jardin ${values.name.trim()} enregistré`,
    send: (input: { name: string; address: string }) =>
      garden ? api.call('garden-update', { ...input, id: garden.id }) : api.call('garden-create', input),
  });
  const { setErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(garden ? { name: garden.name, address: garden.address } : { name: '', address: '' });
    setErrors({});
  }, [opened, garden, setErrors]);

  return (
    <Modal opened={opened} onClose={onClose} title={garden ? `Modifier le jardin ${garden.name}` : 'Nouveau jardin'}>
      <form
        noValidate
        aria-label={garden ? 'Modifier le jardin' : 'Nouveau jardin'}
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit(values).then((saved) => saved && onSaved());
        }}
      >
        <Stack gap="md">
          <TextInput
            id={fieldDomId(ID, 'name')}
            label={GARDEN_LABELS.name}
            placeholder="ex. Pont-Scorff"
            withAsterisk
            data-autofocus
            value={values.name}
            error={form.errors.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setValues((v) => ({ ...v, name }));
              form.clearError('name');
            }}
          />
          <TextInput
            id={fieldDomId(ID, 'address')}
            label={GARDEN_LABELS.address}
            placeholder="ex. Route de Cléguer, 56620 Pont-Scorff"
            value={values.address}
            error={form.errors.address}
            onChange={(event) => {
              const address = event.currentTarget.value;
              setValues((v) => ({ ...v, address }));
              form.clearError('address');
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={form.submitting}>
              {garden ? 'Enregistrer' : 'Créer le jardin'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
