import { Alert, Button, ColorInput, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ROUND_LABELS, roundInput, type Round } from '../../../core/depots/depots';
import { useApi } from '../../api/api-context';
import { WEEKDAY_OPTIONS } from '../../settings/form/labels';
import { fieldDomId, useSubmit } from '../../settings/form/use-submit';

const ID = 'round';
// Mantine's palette at shade 8/9: distinct from one another and readable behind white text.
const SWATCHES = ['#2f9e44', '#1971c2', '#e8590c', '#9c36b5', '#c92a2a', '#0c8599', '#f08c00', '#5c940d', '#3b5bdb', '#a61e4d', '#495057'];

interface RoundValues {
  code: string;
  name: string;
  weekday: string;
  colour: string;
}

/** Creates or edits a round's identity (its depots are edited on the list itself). */
export function RoundFormModal({ opened, round, onClose, onSaved }: { opened: boolean; round: Round | null; onClose(): void; onSaved(round: Round): void }) {
  const api = useApi();
  const [values, setValues] = useState<RoundValues>({ code: '', name: '', weekday: '', colour: SWATCHES[0]! });
  const form = useSubmit({
    idPrefix: ID,
    schema: roundInput,
    labels: ROUND_LABELS,
    failureTitle: 'Tournée non enregistrée',
    successMessage: `Tournée ${values.name.trim()} enregistrée`,
    send: (input: { code: string; name: string; weekday: number; colour: string }) =>
      round ? api.call('round-update', { ...input, id: round.id }) : api.call('round-create', input),
  });
  const { setErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(round ? { ...round, weekday: String(round.weekday) } : { code: '', name: '', weekday: '', colour: SWATCHES[0]! });
    setErrors({});
  }, [opened, round, setErrors]);

  function set<K extends keyof RoundValues>(key: K, value: RoundValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    form.clearError(key);
    if (key === 'weekday') form.clearError('depotIds');
  }

  return (
    <Modal opened={opened} onClose={onClose} title={round ? `Modifier la tournée ${round.name}` : 'Nouvelle tournée'} size="lg">
      <form
        noValidate
        aria-label={round ? 'Modifier la tournée' : 'Nouvelle tournée'}
        onSubmit={(event) => {
          event.preventDefault();
          const input = { ...values, weekday: values.weekday === '' ? (undefined as unknown as number) : Number(values.weekday) };
          void form.submit(input).then((saved) => saved && onSaved(saved));
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            <TextInput
              id={fieldDomId(ID, 'code')}
              label={ROUND_LABELS.code}
              description="Court, imprimé sur les feuilles de livraison."
              placeholder="ex. PS-MAR"
              withAsterisk
              data-autofocus
              value={values.code}
              error={form.errors.code}
              onChange={(event) => set('code', event.currentTarget.value)}
            />
            <TextInput
              id={fieldDomId(ID, 'name')}
              label={ROUND_LABELS.name}
              description="Tel que l’équipe le dit."
              placeholder="ex. Pont-Scorff – mardi"
              withAsterisk
              value={values.name}
              error={form.errors.name}
              onChange={(event) => set('name', event.currentTarget.value)}
            />
            <Select
              id={fieldDomId(ID, 'weekday')}
              label={ROUND_LABELS.weekday}
              withAsterisk
              data={WEEKDAY_OPTIONS}
              value={values.weekday || null}
              allowDeselect={false}
              error={form.errors.weekday}
              onChange={(value) => set('weekday', value ?? '')}
            />
            <ColorInput
              id={fieldDomId(ID, 'colour')}
              label={ROUND_LABELS.colour}
              description="Repère la tournée sur les listes et les feuilles."
              format="hex"
              swatches={SWATCHES}
              swatchesPerRow={11}
              withEyeDropper={false}
              value={values.colour}
              error={form.errors.colour}
              onChange={(value) => set('colour', value)}
            />
          </SimpleGrid>
          {form.errors.depotIds && (
            // Changing the day can put a depot in two rounds of the same day: the backend names it.
            <Alert color="red" icon={<IconAlertCircle />}>
              {form.errors.depotIds}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={form.submitting}>
              {round ? 'Enregistrer' : 'Créer la tournée'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
