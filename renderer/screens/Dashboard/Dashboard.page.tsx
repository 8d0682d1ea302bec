import { Stack, Tabs, Title } from '@mantine/core';
import { IconCalendarStats, IconChartBar, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { todayOf } from '../../week/week-dates';
import { ForecastPanel } from './forecast/ForecastPanel';
import { ReportsPanel } from './reports/ReportsPanel';
import { TodayPanel } from './today/TodayPanel';

/** Tableau de bord: what needs doing today, the baskets of the coming weeks, and the reports. */
export function DashboardPage({ now = () => new Date() }: { now?: () => Date }) {
  const [tab, setTab] = useState<string | null>('today');
  const today = todayOf(now);
  return (
    <Stack gap="md">
      <Title order={1} fz="h2">
        Tableau de bord
      </Title>
      {/* Not kept mounted: each tab reads its figures afresh when shown, after work done elsewhere. */}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="today" leftSection={<IconListCheck size={16} />}>
            Aujourd’hui
          </Tabs.Tab>
          <Tabs.Tab value="forecast" leftSection={<IconCalendarStats size={16} />}>
            Prévisions
          </Tabs.Tab>
          <Tabs.Tab value="reports" leftSection={<IconChartBar size={16} />}>
            Rapports
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="today">
          <TodayPanel now={now} />
        </Tabs.Panel>
        <Tabs.Panel value="forecast">
          <ForecastPanel today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <ReportsPanel today={today} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
