import { Alert, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { addDays, isIsoDate, isoWeekday, type IsoDate } from '../../../../core/dates/dates';
import { ValidationError } from '../../../../core/api/errors';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { DateField } from '../../../shared/DateField';
import { formatCount } from '../../../shared/download';
import { weekNumber } from '../../../week/week-dates';
import { PrintPdfButton } from '../../../invoicing/print/PrintPdfButton';
import { ForecastChart } from './ForecastChart';
import { ForecastTable, weekSpan } from './ForecastTable';
import { forecastWeeks } from './forecast-pivot';

/** The Monday after `today` (today itself is in a week already being prepared). */
export function nextMonday(today: IsoDate): IsoDate {
  return addDays(today, 8 - isoWeekday(today));
}

/** Prévisions: the baskets of the coming weeks per formula, garden and delivery day, printable for the growers. */
export function ForecastPanel({ today }: { today: IsoDate }) {
  const api = useApi();
  const [from, setFrom] = useState<string>(() => nextMonday(today));
  const [weeks, setWeeks] = useState<number>(8);
  // The backend validates the request; a half-typed date is not sent (its message would flash while typing).
  const asked = isIsoDate(from) ? from : nextMonday(today);
  const { data, error, loading } = useApiQuery('forecast-get', { from: asked, weeks });
  const fieldErrors = error instanceof ValidationError ? error.fields : {};
  const pivot = useMemo(() => (data ? forecastWeeks(data.rows, data.weeks.map((w) => w.monday)) : []), [data]);
  const total = data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-start" gap="md">
          <DateField label="À partir du" width={150} value={from} onChange={setFrom} error={(from !== '' && !isIsoDate(from) ? 'Date à écrire jj/mm/aaaa' : undefined) ?? fieldErrors.from} />
          <NumberInput
            label="Semaines"
            w={110}
            min={1}
            max={26}
            clampBehavior="strict"
            allowDecimal={false}
            value={weeks}
            error={fieldErrors.weeks}
            onChange={(value) => setWeeks(typeof value === 'number' && value >= 1 ? value : 1)}
          />
          {loading && <Loader size="xs" mt={32} aria-label="Calcul de la prévision" />}
        </Group>
        <PrintPdfButton
          label="Imprimer pour les jardiniers"
          readyTitle="Prévision de récolte prête"
          disabled={total === 0}
          load={() => api.call('document-forecast', { from: asked, weeks })}
        />
      </Group>
      {error && !(error instanceof ValidationError) && (
        <Alert color="red" icon={<IconAlertCircle />} title="La prévision n’a pas pu être calculée">
          {error.message}
        </Alert>
      )}
      {data && total === 0 && (
        <Text c="dimmed" size="sm">
          Aucun panier prévu sur ces {weeks} semaines : pas d’abonnement en cours, ou tout est fermé.
        </Text>
      )}
      {data && total > 0 && (
        <>
          <Paper withBorder p="md" component="section" aria-label="Paniers prévus par semaine">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>Paniers prévus par semaine et par formule</Text>
              <Text size="sm" c="dimmed">
                {formatCount(total)} paniers sur {weeks} semaines (abonnements, fréquences, fermetures, jours fériés et absences déjà connus)
              </Text>
            </Group>
            <ForecastChart weeks={pivot} formulas={data.formulas} />
          </Paper>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            {pivot.map((week) =>
              week.total === 0 ? (
                <Paper key={week.monday} withBorder p="md">
                  <Text size="sm">
                    <Text span fw={600} size="sm">
                      Semaine {weekNumber(week.monday)}
                    </Text>
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {weekSpan(week.monday)}
                    </Text>
                  </Text>
                  <Text size="sm" c="dimmed">
                    Aucun panier prévu cette semaine.
                  </Text>
                </Paper>
              ) : (
                <ForecastTable key={week.monday} week={week} />
              ),
            )}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
