import { Alert, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { fromLocalDate } from '../../../core/dates/dates';
import type { MembershipSettings } from '../../../core/memberships/membership-period';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { MONTH_OPTIONS } from '../form/labels';
import { fieldDomId, useSubmit } from '../form/use-submit';
import { isComplete, periodExplanation } from './period-text';

const ID = 'membership-period';
const LABELS = {
  periodStartMonth: 'Mois de début de période',
  periodStartDay: 'Jour de début de période',
  pivotMonth: 'Mois de bascule',
  pivotDay: 'Jour de bascule',
};

interface PeriodValues {
  periodStartDay: number | string;
  periodStartMonth: string;
  withPivot: boolean;
  pivotDay: number | string;
  pivotMonth: string;
}

const toNumber = (value: number | string) => (value === '' ? NaN : Number(value));

function settingsOf(values: PeriodValues): MembershipSettings {
  return {
    periodStartDay: toNumber(values.periodStartDay),
    periodStartMonth: toNumber(values.periodStartMonth),
    pivotDay: values.withPivot ? toNumber(values.pivotDay) : null,
    pivotMonth: values.withPivot ? toNumber(values.pivotMonth) : null,
  };
}

/** The membership period and its pivot date, with the rule explained live in plain French. */
export function MembershipPeriodForm({ readOnly, now = () => new Date() }: { readOnly: boolean; now?: () => Date }) {
  const api = useApi();
  const saved = useApiQuery('membership-settings-get', {});
  const [values, setValues] = useState<PeriodValues | null>(null);
  const form = useSubmit({
    idPrefix: ID,
    labels: LABELS,
    failureTitle: 'Période d’adhésion non enregistrée',
    successMessage: 'Période d’adhésion enregistrée',
    send: (input: MembershipSettings) => api.call('membership-settings-update', input),
  });

  useEffect(() => {
    const data = saved.data;
    if (!data) return;
    setValues({
      periodStartDay: data.periodStartDay,
      periodStartMonth: String(data.periodStartMonth),
      withPivot: data.pivotMonth !== null,
      pivotDay: data.pivotDay ?? 15,
      pivotMonth: String(data.pivotMonth ?? 10),
    });
  }, [saved.data]);

  const today = useMemo(() => fromLocalDate(now()), [now]);
  if (saved.error) return <Alert color="red" title="La période d’adhésion n’a pas pu être lue">{saved.error.message}</Alert>;
  if (!values) return <Loader size="sm" aria-label="Chargement de la période d’adhésion" />;

  const settings = settingsOf(values);
  const explanation = isComplete(settings) ? periodExplanation(settings, today) : null;

  function set<K extends keyof PeriodValues>(key: K, value: PeriodValues[K]) {
    setValues((previous) => (previous ? { ...previous, [key]: value } : previous));
    form.clearError(key);
  }

  async function submit() {
    const errors: Record<string, string> = {};
    if (Number.isNaN(settings.periodStartDay)) errors.periodStartDay = 'Indiquez le jour où la période commence (1 à 28).';
    if (values!.withPivot && Number.isNaN(settings.pivotDay)) errors.pivotDay = 'Indiquez le jour de bascule (1 à 31), ou décochez la date de bascule.';
    const done = await form.submit(settings, errors);
    if (done) await saved.reload();
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="Période d’adhésion">
      <form
        noValidate
        aria-label="Période d’adhésion"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Title order={2} fz="h4">
          Période d’adhésion
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          L’année civile, ou une autre date de début (le 1er avril, le 1er septembre…).
        </Text>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              id={fieldDomId(ID, 'periodStartDay')}
              label="Début de période : jour"
              description="Jour du mois, de 1 à 28."
              min={1}
              max={28}
              allowDecimal={false}
              allowNegative={false}
              disabled={readOnly}
              value={values.periodStartDay}
              error={form.errors.periodStartDay}
              onChange={(value) => set('periodStartDay', value)}
            />
            <Select
              id={fieldDomId(ID, 'periodStartMonth')}
              label="Début de période : mois"
              description=" "
              data={MONTH_OPTIONS}
              allowDeselect={false}
              disabled={readOnly}
              value={values.periodStartMonth}
              error={form.errors.periodStartMonth}
              onChange={(value) => value && set('periodStartMonth', value)}
            />
          </SimpleGrid>
          <Switch
            label="Date de bascule : à partir de ce jour, une nouvelle adhésion vaut aussi pour toute la période suivante"
            disabled={readOnly}
            checked={values.withPivot}
            onChange={(event) => set('withPivot', event.currentTarget.checked)}
          />
          {values.withPivot && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <NumberInput
                id={fieldDomId(ID, 'pivotDay')}
                label="Bascule : jour"
                description="De 1 à 31."
                min={1}
                max={31}
                allowDecimal={false}
                allowNegative={false}
                disabled={readOnly}
                value={values.pivotDay}
                error={form.errors.pivotDay}
                onChange={(value) => set('pivotDay', value)}
              />
              <Select
                id={fieldDomId(ID, 'pivotMonth')}
                label="Bascule : mois"
                description=" "
                data={MONTH_OPTIONS}
                allowDeselect={false}
                disabled={readOnly}
                value={values.pivotMonth}
                error={form.errors.pivotMonth}
                onChange={(value) => value && set('pivotMonth', value)}
              />
            </SimpleGrid>
          )}
          {explanation && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle />} title="Ce que cela donne" aria-live="polite">
              <Stack gap={4}>
                {explanation.map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting} disabled={readOnly}>
              Enregistrer la période
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
