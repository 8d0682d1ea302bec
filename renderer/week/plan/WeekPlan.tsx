import { Alert, Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconChecks, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { IsoDate } from '../../../core/dates/dates';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../settings/form/ConfirmDialog';
import { runAction } from '../../settings/form/run-action';
import { useAppState } from '../../state/app-store';
import { OpenDaysBanner } from '../closing/OpenDaysBanner';
import { useDayRecords } from '../closing/use-day-records';
import { HolidayPanel } from '../holidays/HolidayPanel';
import { PrintMenu } from '../print/PrintMenu';
import { capitalise, dayLabel, mondayOf } from '../week-dates';
import { filterBaskets, groupWeek, plural } from '../week-groups';
import { DayPlan } from './DayPlan';
import { WeekSummary } from './WeekSummary';

/** Above this many baskets the depot lists start folded: the counts are what one reads first. */
const FOLD_ABOVE = 400;

type Validation = { wholeWeek: false; day: IsoDate; baskets: number } | { wholeWeek: true; days: IsoDate[]; baskets: number };

/** The week's plan: totals, holidays, then day → round → depot → baskets; validated days show their records. */
export function WeekPlan({ day, today, onGoToDay }: { day: IsoDate; today: IsoDate; onGoToDay(day: IsoDate): void }) {
  const api = useApi();
  const navigate = useAppState((s) => s.navigate);
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const monday = mondayOf(day);
  const week = useApiQuery('delivery-week', { day: monday });
  const openDays = useApiQuery('delivery-open-days', { weeks: 26 });
  const subscriptions = useApiQuery('subscription-list', { limit: 1 });
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const [validating, setValidating] = useState<Validation | null>(null);

  const baskets = week.data?.baskets;
  const pastDays = useMemo(() => [...new Set((baskets ?? []).map((b) => b.date))].filter((d) => d <= today), [baskets, today]);
  const dayRecords = useDayRecords(pastDays);
  const days = useMemo(() => (week.data ? groupWeek(filterBaskets(week.data.baskets, query), week.data.totals) : []), [week.data, query]);
  const roundColours = useMemo(
    () => new Map((baskets ?? []).filter((b) => b.round).map((b) => [`${b.date}|${b.round!.id}`, b.round!.colour])),
    [baskets],
  );

  // Coming from the banner: show the chosen day once the week is there.
  useEffect(() => {
    if (!week.data || day === today) return;
    document.getElementById(`jour-${day}`)?.scrollIntoView({ block: 'start' });
  }, [week.data, day, today]);

  const reloadAll = async () => {
    await Promise.all([week.reload(), openDays.reload(), dayRecords.reload()]);
  };

  if (week.error) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="La semaine n’a pas pu être calculée">
        {week.error.message}
      </Alert>
    );
  }
  const data = week.data;
  const openInWeek = pastDays.filter((d) => dayRecords.records.get(d)?.length === 0);
  const openBaskets = (list: readonly string[]) => (data?.baskets ?? []).filter((b) => list.includes(b.date)).reduce((n, b) => n + b.quantity, 0);
  const weekDayTargets = [...new Set((data?.baskets ?? []).filter((b) => b.status === 'expected').map((b) => b.date))];

  return (
    <Stack gap="md">
      <OpenDaysBanner days={(openDays.data ?? []).filter((d) => mondayOf(d.date as IsoDate) !== monday)} onGo={onGoToDay} />
      {!data ? (
        <Center py="xl">
          <Loader aria-label="Calcul de la semaine" />
        </Center>
      ) : data.baskets.length === 0 ? (
        subscriptions.data?.total === 0 ? (
          <Alert color="blue" icon={<IconInfoCircle />} title="Aucun abonnement pour l’instant">
            <Text size="sm" mb="sm">
              La semaine se remplit toute seule à partir des abonnements : ajoutez vos adhérents, puis leur abonnement (formule, dépôt, fréquence).
            </Text>
            <Button size="xs" variant="light" onClick={() => navigate('subscribers')}>
              Aller aux adhérents
            </Button>
          </Alert>
        ) : (
          <Alert color="gray" icon={<IconInfoCircle />} title="Aucune livraison cette semaine">
            Aucun abonnement ne prévoit de panier cette semaine (dates de début et de fin, fréquence, saison des formules).
          </Alert>
        )
      ) : (
        <>
          <HolidayPanel week={data} readOnly={readOnly} onDecided={() => void week.reload()} />
          {data.totals.total === 0 && (
            <Alert color="orange" icon={<IconInfoCircle />} title="Aucun panier à livrer cette semaine">
              Tous les paniers prévus sont fermés, annulés ou supprimés pour un jour férié : ils sont listés en gris, avec leur motif.
            </Alert>
          )}
          <WeekSummary totals={data.totals} roundColours={roundColours} />
          <Group justify="space-between">
            <TextInput
              aria-label="Rechercher un adhérent"
              placeholder="Rechercher un adhérent…"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={280}
            />
            <Group gap="xs">
              <PrintMenu
                label="Imprimer les feuilles"
                disabled={weekDayTargets.length === 0}
                targets={[
                  { method: 'document-delivery-sheets', label: 'Toute la semaine', request: { from: data.monday, to: data.sunday } },
                  ...weekDayTargets.map((d) => ({ method: 'document-delivery-sheets' as const, label: capitalise(dayLabel(d)), request: { from: d, to: d } })),
                ]}
              />
              <PrintMenu
                label="Préparation"
                disabled={weekDayTargets.length === 0}
                targets={(['document-packing-summary', 'document-crate-labels'] as const).flatMap((method) => [
                  { method, label: 'Toute la semaine', request: { from: data.monday, to: data.sunday } },
                  ...weekDayTargets.map((d) => ({ method, label: capitalise(dayLabel(d)), request: { from: d, to: d } })),
                ])}
              />
              {openInWeek.length > 0 && !readOnly && (
                <Button leftSection={<IconChecks size={16} />} onClick={() => setValidating({ wholeWeek: true, days: openInWeek, baskets: openBaskets(openInWeek) })}>
                  Valider la semaine
                </Button>
              )}
            </Group>
          </Group>
          {query && days.length === 0 && (
            <Text size="sm" c="dimmed">
              Aucun adhérent ne correspond à « {query} » cette semaine.
            </Text>
          )}
          {days.map((group) => {
            const past = group.date <= today;
            const records = dayRecords.records.get(group.date);
            if (past && dayRecords.loading && records === undefined) {
              return (
                <Center key={group.date} py="md">
                  <Loader size="sm" aria-label="Lecture des livraisons validées" />
                </Center>
              );
            }
            return (
              <DayPlan
                key={group.date}
                day={group}
                state={{ past, records: records && records.length > 0 ? records : null }}
                expandAll={query !== '' || data.baskets.length <= FOLD_ABOVE}
                readOnly={readOnly}
                onValidate={() => setValidating({ wholeWeek: false, day: group.date, baskets: openBaskets([group.date]) })}
                onCorrected={() => void dayRecords.reload()}
              />
            );
          })}
        </>
      )}
      <ConfirmDialog
        opened={validating !== null}
        title={validating?.wholeWeek ? 'Valider la semaine' : 'Valider la journée'}
        message={
          validating
            ? `${validating.wholeWeek ? `Valider ${plural(validating.days.length, 'journée passée', 'journées passées')} de la semaine` : `Valider le ${dayLabel(validating.day)}`} : ${plural(validating.baskets, 'panier prévu devient', 'paniers prévus deviennent')} des livraisons, marquées « Livré » (les annulés et fermés restent non facturés). Vous pourrez ensuite marquer un panier « Non retiré » ou « Non livré ». Les livraisons validées sont la base de la facturation.`
            : ''
        }
        confirmLabel="Valider"
        onClose={() => setValidating(null)}
        onConfirm={async () => {
          if (!validating) return;
          const done = await runAction(
            () => api.call('delivery-close', validating.wholeWeek ? { day: monday, wholeWeek: true } : { day: validating.day, wholeWeek: false }),
            validating.wholeWeek ? 'Semaine validée' : `${capitalise(dayLabel(validating.day))} validé`,
            'Livraisons non validées',
          );
          if (done) await reloadAll();
        }}
      />
    </Stack>
  );
}
