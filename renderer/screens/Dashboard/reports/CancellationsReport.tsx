import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { OutputOf } from '../../../../core/handlers';
import { formatCount } from '../../../shared/download';
import type { Period } from './periods';
import { ReportSection } from './ReportSection';
import { weekTick, weeksOf } from './week-axis';

type Week = OutputOf<'report-get'>['cancellationsPerWeek'][number];

/** Cancelled baskets per week: recorded on validated days, and those already known for the days to come. */
export function CancellationsReport({ weeks, period }: { weeks: readonly Week[]; period: Period }) {
  const byWeek = new Map(weeks.map((w) => [w.week, w]));
  const data = weeksOf(period.from, period.to).map(({ week, monday }) => ({ week: weekTick(week, monday), recorded: byWeek.get(week)?.recorded ?? 0, planned: byWeek.get(week)?.planned ?? 0 }));
  const total = weeks.reduce((s, w) => s + w.count, 0);
  return (
    <ReportSection title="Annulations par semaine" table="cancellations" period={period} empty={weeks.length === 0}>
      <BarChart
        h={200}
        data={data}
        dataKey="week"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        series={[
          { name: 'recorded', label: 'Annulés (semaines validées)', color: 'orange.6' },
          { name: 'planned', label: 'Annulations déjà connues', color: 'orange.3' },
        ]}
        gridAxis="y"
        yAxisProps={{ allowDecimals: false }}
        maxBarWidth={40}
      />
      <Text size="sm" c="dimmed" mt="xs">
        {formatCount(total)} {total > 1 ? 'paniers annulés' : 'panier annulé'} sur la période.
      </Text>
    </ReportSection>
  );
}
