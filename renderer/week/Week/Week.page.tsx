import { Stack, Tabs, Title } from '@mantine/core';
import { IconCalendarOff, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import type { IsoDate } from '../../../core/dates/dates';
import { useAppState } from '../../state/app-store';
import { ClosureList } from '../closures/ClosureList';
import { WeekPlan } from '../plan/WeekPlan';
import { todayOf } from '../week-dates';
import { WeekNavigator } from './WeekNavigator';

/** Semaine: which basket goes where this week, printing the sheets, closures, and validating deliveries. */
export function WeekPage({ now = () => new Date() }: { now?: () => Date }) {
  const today = todayOf(now);
  const stored = useAppState((s) => s.weekDay);
  const setWeekDay = useAppState((s) => s.setWeekDay);
  const day = (stored ?? today) as IsoDate;
  const [tab, setTab] = useState<string | null>('plan');
  // Bumped when a closure changes, so the plan reads the week again when shown.
  const [version, setVersion] = useState(0);

  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        Semaine
      </Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="plan" leftSection={<IconTruckDelivery size={16} />}>
            Livraisons
          </Tabs.Tab>
          <Tabs.Tab value="closures" leftSection={<IconCalendarOff size={16} />}>
            Fermetures
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan">
          <Stack gap="md">
            <WeekNavigator day={day} today={today} onChange={(next) => setWeekDay(next === today ? null : next)} />
            <WeekPlan key={version} day={day} today={today} onGoToDay={(next) => setWeekDay(next)} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="closures">
          <ClosureList today={today} onChanged={() => setVersion((v) => v + 1)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

