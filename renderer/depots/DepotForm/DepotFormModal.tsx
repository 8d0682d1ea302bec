import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEPOT_LABELS, depotInput, type Depot, type Garden } from '../../../core/depots/depots';
import type { InputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { WEEKDAY_OPTIONS } from '../../settings/form/labels';
import { fieldDomId, useSubmit } from '../../settings/form/use-submit';
import { depotInputOf, depotValues, emptyDepotValues, type DepotFormValues } from './depot-values';

const ID = 'depot';
type Key = keyof DepotFormValues;

/** Creates or edits a depot; `depot` null = a new one (in `defaultGardenId` when filtered). */
export function DepotFormModal({
  opened,
  depot,
  gardens,
  defaultGardenId,
  onClose,
  onSaved,
}: {
  opened: boolean;
  depot: Depot | null;
  gardens: Garden[];
  defaultGardenId: number | null;
  onClose(): void;
  onSaved(depot: Depot): void;
}) {
  const api = useApi();
  const [values, setValues] = useState<DepotFormValues>(() => emptyDepotValues(defaultGardenId));
  const form = useSubmit({
    idPrefix: ID,
    schema: depotInput,
    labels: DEPOT_LABELS,
    failureTitle: 'Dépôt non enregistré',
    successMessage: depot ? `Dépôt ${values.name.trim()} enregistré` : `Dépôt ${values.name.trim()} créé`,
    send: (input: Record<string, unknown>) =>
      depot
        ? api.call('depot-update', { ...(input as InputOf<'depot-create'>), id: depot.id })
        : api.call('depot-create', input as InputOf<'depot-create'>),
  });
  const { setErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(depot ? depotValues(depot) : emptyDepotValues(defaultGardenId));
    setErrors({});
  }, [opened, depot, defaultGardenId, setErrors]);

  function set<K extends Key>(key: K, value: DepotFormValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    form.clearError(key);
  }

  function text(key: Key, extra: { description?: string; placeholder?: string; required?: boolean; autoFocus?: boolean } = {}) {
    return (
      <TextInput
        id={fieldDomId(ID, key)}
        label={DEPOT_LABELS[key]}
        description={extra.description}
        placeholder={extra.placeholder}
        withAsterisk={extra.required}
        data-autofocus={extra.autoFocus || undefined}
        value={String(values[key])}
        error={form.errors[key]}
        onChange={(event) => set(key, event.currentTarget.value)}
      />
    );
  }

  // Archived gardens are offered only when the depot already belongs to one.
  const gardenOptions = gardens
    .filter((garden) => !garden.archivedAt || garden.id === depot?.gardenId)
    .map((garden) => ({ value: String(garden.id), label: garden.name }));

  async function submit() {
    const { input, errors } = depotInputOf(values);
    const saved = await form.submit(input, errors);
    if (saved) onSaved(saved);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={depot ? `Modifier le dépôt ${depot.name}` : 'Nouveau dépôt'} size="xl">
      <form
        noValidate
        aria-label={depot ? 'Modifier le dépôt' : 'Nouveau dépôt'}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            {text('name', { required: true, autoFocus: true, placeholder: 'ex. Quéven' })}
            <Select
              id={fieldDomId(ID, 'gardenId')}
              label={DEPOT_LABELS.gardenId}
              description="Le jardin qui prépare ses paniers."
              withAsterisk
              data={gardenOptions}
              value={values.gardenId || null}
              allowDeselect={false}
              error={form.errors.gardenId}
              onChange={(value) => set('gardenId', value ?? '')}
            />
            <Select
              id={fieldDomId(ID, 'weekday')}
              label={DEPOT_LABELS.weekday}
              withAsterisk
              data={WEEKDAY_OPTIONS}
              value={values.weekday || null}
              allowDeselect={false}
              error={form.errors.weekday}
              onChange={(value) => set('weekday', value ?? '')}
            />
            <NumberInput
              id={fieldDomId(ID, 'capacity')}
              label={DEPOT_LABELS.capacity}
              description="Nombre d’abonnements paniers au plus ; vide = pas de limite."
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={values.capacity}
              error={form.errors.capacity}
              onChange={(value) => set('capacity', value)}
            />
          </SimpleGrid>
          <Title order={3} fz="sm" c="dimmed" mt="xs">
            Adresse et horaires
          </Title>
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            <div style={{ gridColumn: '1 / -1' }}>{text('addressLine1', { placeholder: 'ex. Salle Jean-Pierre-Calloc’h, rue de Kerlébert' })}</div>
            {text('postcode', { placeholder: 'ex. 56530' })}
            {text('city')}
            {text('pickupHours', { description: 'Affichés aux adhérents.', placeholder: 'ex. 17h00 – 19h00' })}
            {text('deliverySlot', { description: 'Pour l’équipe de livraison seulement.', placeholder: 'ex. 15h30' })}
          </SimpleGrid>
          <Title order={3} fz="sm" c="dimmed" mt="xs">
            Référent du dépôt
          </Title>
          <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
            {text('referentName', { placeholder: 'ex. Anne Le Goff' })}
            {text('referentPhone', { placeholder: 'ex. 06 12 34 56 78' })}
            {text('referentEmail', { placeholder: 'ex. anne@exemple.fr' })}
          </SimpleGrid>
          <Textarea
            id={fieldDomId(ID, 'notes')}
            label={DEPOT_LABELS.notes}
            autosize
            minRows={2}
            maxRows={5}
            value={values.notes}
            error={form.errors.notes}
            onChange={(event) => set('notes', event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={form.submitting}>
              {depot ? 'Enregistrer' : 'Créer le dépôt'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
