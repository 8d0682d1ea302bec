import { Alert, Button, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DeliverySettings } from '../../../core/deliveries/delivery-settings';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { normaliseTime } from '../form/date-text';
import { parseWholeNumber, weekdayLabel } from '../form/labels';
import { fieldDomId, useSubmit } from '../form/use-submit';

const ID = 'delivery-settings';
const LABELS = { cancelDeadlineDays: 'Délai d’annulation (jours)', cancelDeadlineTime: 'Heure limite', billNotCollected: 'Facturer les paniers non retirés' };

interface Values {
  cancelDeadlineDays: number | string;
  cancelDeadlineTime: string;
  billNotCollected: boolean;
}

/** « Pour un panier livré le mardi : jusqu’au dimanche à 12:00. » */
function deadlineExample(days: number, time: string): string {
  if (days === 0) return `Pour un panier livré le mardi, l’adhérent peut encore l’annuler le mardi même jusqu’à ${time}.`;
  const weekday = ((((2 - days - 1) % 7) + 7) % 7) + 1; // ISO weekday `days` before a Tuesday
  const weeks = days >= 7 ? ' de la semaine précédente' : '';
  return `Pour un panier livré le mardi, l’adhérent peut l’annuler jusqu’au ${weekdayLabel(weekday).toLowerCase()}${weeks} à ${time}.`;
}

/** Paramètres → Livraisons: until when a basket may be cancelled, and what a basket left at the depot costs. */
export function DeliverySettingsForm({ readOnly }: { readOnly: boolean }) {
  const api = useApi();
  const saved = useApiQuery('delivery-settings-get', {});
  const [values, setValues] = useState<Values | null>(null);
  const form = useSubmit({
    idPrefix: ID,
    labels: LABELS,
    failureTitle: 'Réglages des livraisons non enregistrés',
    successMessage: 'Réglages des livraisons enregistrés',
    send: (input: DeliverySettings) => api.call('delivery-settings-update', input),
  });

  useEffect(() => {
    if (saved.data) setValues(saved.data);
  }, [saved.data]);

  if (saved.error) return <Alert color="red" title="Les réglages des livraisons n’ont pas pu être lus">{saved.error.message}</Alert>;
  if (!values) return <Loader size="sm" aria-label="Chargement des réglages des livraisons" />;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => (previous ? { ...previous, [key]: value } : previous));
    form.clearError(key);
  }

  const days = parseWholeNumber(values.cancelDeadlineDays);
  const time = normaliseTime(values.cancelDeadlineTime);
  const timeOk = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);

  async function submit() {
    const errors: Record<string, string> = {};
    if (days === null || days === undefined) errors.cancelDeadlineDays = 'Indiquez combien de jours avant la livraison (0 à 14).';
    const done = await form.submit({ ...values!, cancelDeadlineTime: time, cancelDeadlineDays: days ?? 0 }, errors);
    if (done) await saved.reload();
  }

  return (
    <form
      noValidate
      aria-label="Réglages des livraisons"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-label="Annulation d’un panier">
          <Title order={2} fz="h4">
            Annulation d’un panier
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Jusqu’à quand un adhérent peut signaler une absence pour que son panier ne soit ni préparé ni facturé.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              id={fieldDomId(ID, 'cancelDeadlineDays')}
              label="Jours avant la livraison"
              description="De 0 (le jour même) à 14."
              min={0}
              max={14}
              allowDecimal={false}
              allowNegative={false}
              disabled={readOnly}
              value={values.cancelDeadlineDays}
              error={form.errors.cancelDeadlineDays}
              onChange={(value) => set('cancelDeadlineDays', value)}
            />
            <TextInput
              id={fieldDomId(ID, 'cancelDeadlineTime')}
              label={LABELS.cancelDeadlineTime}
              description="Heure locale, par exemple 12:00 ou 18h30."
              placeholder="hh:mm"
              disabled={readOnly}
              value={values.cancelDeadlineTime}
              error={form.errors.cancelDeadlineTime}
              onChange={(event) => set('cancelDeadlineTime', event.currentTarget.value)}
              onBlur={(event) => set('cancelDeadlineTime', normaliseTime(event.currentTarget.value))}
            />
          </SimpleGrid>
          {typeof days === 'number' && days <= 14 && timeOk && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle />} mt="md" aria-live="polite">
              {deadlineExample(days, time)}
            </Alert>
          )}
        </Paper>
        <Paper withBorder p="lg" component="section" aria-label="Paniers non retirés">
          <Title order={2} fz="h4" mb="xs">
            Paniers non retirés
          </Title>
          <Switch
            label={LABELS.billNotCollected}
            description="Un panier préparé mais laissé au dépôt est facturé comme un panier livré. Décochez pour ne facturer que les paniers retirés."
            disabled={readOnly}
            checked={values.billNotCollected}
            onChange={(event) => set('billNotCollected', event.currentTarget.checked)}
          />
        </Paper>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} disabled={readOnly}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
