import { BarChart, LineChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { OutputOf } from '../../../../core/handlers';
import { formatCount } from '../../../shared/download';
import type { Period } from './periods';
import { ReportSection } from './ReportSection';
import { monthTick } from './week-axis';

type Subscribers = OutputOf<'report-get'>['subscribers'];

const percent = (value: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value)} %`;

/** What became of the Découverte offers that ended in the period, in one sentence with its figures. */
export function retentionText({ ended, continued, pending, ratePercent }: Subscribers['discovery']): string {
  if (ended === 0) return 'Aucune offre Découverte ne s’est terminée sur la période.';
  const decided = `${formatCount(continued)} sur ${formatCount(ended - pending)} ${continued > 1 ? 'ont continué' : 'a continué'} avec un abonnement`;
  const waiting = pending > 0 ? ` (${formatCount(pending)} encore ${pending > 1 ? 'indécis' : 'indécise'}, terme il y a moins de 4 semaines)` : '';
  return ratePercent === null ? `${formatCount(ended)} offres terminées, toutes encore indécises.` : `${decided}${waiting}.`;
}

/** Active subscribers at each month's end, arrivals and departures, and the Découverte retention. */
export function SubscribersReport({ subscribers, period }: { subscribers: Subscribers; period: Period }) {
  const data = subscribers.months.map((m) => ({ month: monthTick(m.month), active: m.activeAtMonthEnd, arrivals: m.arrivals, departures: m.departures }));
  const { discovery } = subscribers;
  return (
    <ReportSection title="Adhérents actifs, arrivées et départs" table="subscribers" period={period} empty={subscribers.months.length === 0}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={4}>
            Adhérents actifs en fin de mois
          </Text>
          <LineChart h={200} data={data} dataKey="month" series={[{ name: 'active', label: 'Adhérents actifs', color: 'leaf.7' }]} curveType="linear" gridAxis="y" yAxisProps={{ allowDecimals: false }} />
        </div>
        <div>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={4}>
            Arrivées et départs
          </Text>
          <BarChart
            h={200}
            data={data}
            dataKey="month"
            series={[
              { name: 'arrivals', label: 'Arrivées', color: 'leaf.5' },
              { name: 'departures', label: 'Départs', color: 'red.5' },
            ]}
            gridAxis="y"
            yAxisProps={{ allowDecimals: false }}
            maxBarWidth={24}
          />
        </div>
      </SimpleGrid>
      <Group mt="md" gap="xl" align="flex-start" wrap="nowrap">
        <Stack gap={0} aria-label="Fidélisation des offres Découverte" style={{ flexShrink: 0 }}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            Découverte : fidélisation
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {discovery.ratePercent === null ? '–' : percent(discovery.ratePercent)}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed" mt={18}>
          {retentionText(discovery)}
        </Text>
      </Group>
    </ReportSection>
  );
}
