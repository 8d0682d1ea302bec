import { BarChart } from '@mantine/charts';
import { formatDateFr } from '../../../../core/dates/dates';
import { weekNumber } from '../../../week/week-dates';
import { seriesColor } from '../chart-colors';
import type { ForecastWeek } from './forecast-pivot';

/** The forecast week by week, each bar stacked by formula. */
export function ForecastChart({ weeks, formulas }: { weeks: readonly ForecastWeek[]; formulas: readonly { formulaId: number; name: string }[] }) {
  // Series keys are ids, not names: recharts reads a dot in a key as a nested path.
  const data = weeks.map((week) => {
    const point: Record<string, string | number> = { week: `S${weekNumber(week.monday)} · ${formatDateFr(week.monday, 'd MMM')}` };
    for (const line of week.formulas) point[line.key] = line.total;
    return point;
  });
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="week"
      type="stacked"
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 40 }}
      series={formulas.map((f) => ({ name: `f${f.formulaId}`, label: f.name, color: seriesColor(f.formulaId) }))}
      tickLine="y"
      gridAxis="y"
      maxBarWidth={48}
    />
  );
}
