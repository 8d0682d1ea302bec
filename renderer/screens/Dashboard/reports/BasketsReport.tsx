import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { OutputOf } from '../../../../core/handlers';
import { formatCount } from '../../../shared/download';
import { seriesColor } from '../chart-colors';
import type { Period } from './periods';
import { ReportSection } from './ReportSection';
import { weekTick, weeksOf } from './week-axis';

type Cell = OutputOf<'report-get'>['basketsPerWeek'][number];

/** Baskets delivered per week, stacked by formula, with each formula's total for the period. */
export function BasketsReport({ cells, period }: { cells: readonly Cell[]; period: Period }) {
  const { data, formulas, total } = useMemo(() => {
    const weeks = new Map<string, Record<string, string | number>>(weeksOf(period.from, period.to).map((w) => [w.week, { week: weekTick(w.week, w.monday) }]));
    const formulas = new Map<number, { id: number; name: string; count: number }>();
    for (const c of cells) {
      const point = weeks.get(c.week) ?? { week: weekTick(c.week, c.monday) };
      // Series keys are ids, not names: recharts reads a dot in a key as a nested path.
      point[`f${c.formulaId}`] = c.count;
      weeks.set(c.week, point);
      const f = formulas.get(c.formulaId) ?? { id: c.formulaId, name: c.formula, count: 0 };
      f.count += c.count;
      formulas.set(c.formulaId, f);
    }
    const list = [...formulas.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return { data: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, p]) => p), formulas: list, total: list.reduce((s, f) => s + f.count, 0) };
  }, [cells, period]);
  return (
    <ReportSection title="Paniers livrés par semaine et par formule" table="baskets" period={period} empty={cells.length === 0}>
      <BarChart
        h={240}
        data={data}
        dataKey="week"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        series={formulas.map((f) => ({ name: `f${f.id}`, label: f.name, color: seriesColor(f.id) }))}
        gridAxis="y"
        yAxisProps={{ allowDecimals: false }}
        maxBarWidth={40}
      />
      <Text size="sm" c="dimmed" mt="xs" aria-label="Paniers livrés sur la période">
        {formatCount(total)} paniers livrés : {formulas.map((f) => `${f.name} ${formatCount(f.count)}`).join(' · ')}
      </Text>
    </ReportSection>
  );
}
