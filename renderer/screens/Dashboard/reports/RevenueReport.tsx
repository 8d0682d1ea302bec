import { BarChart } from '@mantine/charts';
import { SegmentedControl, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { OutputOf } from '../../../../core/handlers';
import { cents, formatEuros } from '../../../../core/money/money';
import { seriesColor } from '../chart-colors';
import type { Period } from './periods';
import { ReportSection } from './ReportSection';
import { monthTick } from './week-axis';

type Revenue = OutputOf<'report-get'>['revenue'];
type Split = 'formula' | 'method';

interface Line {
  month: string;
  key: string;
  label: string;
  color: string;
  revenueCents: number;
}

const METHOD_COLORS: Record<string, string> = { sepa: 'blue.6', cheque: 'orange.6', transfer: 'teal.6', other: 'gray.6' };

/** Euros on the axis and in the tooltip (the chart draws numbers; the API speaks cents). */
const euros = (value: number) => formatEuros(cents(Math.round(value * 100)));

/** Revenue invoiced per month (invoices minus credit notes), stacked by formula or by payment method. */
export function RevenueReport({ revenue, period }: { revenue: Revenue; period: Period }) {
  const [split, setSplit] = useState<Split>('formula');
  const lines: Line[] = useMemo(
    () =>
      split === 'formula'
        ? revenue.byFormula.map((l) => ({ month: l.month, key: `f${l.formulaId ?? 'cotisations'}`, label: l.label, color: l.formulaId === null ? 'gray.5' : seriesColor(l.formulaId), revenueCents: l.revenueCents }))
        : revenue.byPaymentMethod.map((l) => ({ month: l.month, key: `m${l.method}`, label: l.label, color: METHOD_COLORS[l.method] ?? 'gray.6', revenueCents: l.revenueCents })),
    [revenue, split],
  );
  const { data, series } = useMemo(() => {
    const months = new Map<string, Record<string, string | number>>();
    const series = new Map<string, { label: string; color: string }>();
    for (const l of lines) {
      const point = months.get(l.month) ?? { month: monthTick(l.month) };
      point[l.key] = l.revenueCents / 100;
      months.set(l.month, point);
      series.set(l.key, { label: l.label, color: l.color });
    }
    return {
      data: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, p]) => p),
      series: [...series.entries()].map(([name, { label, color }]) => ({ name, label, color })),
    };
  }, [lines]);

  return (
    <ReportSection
      title="Chiffre d’affaires facturé par mois"
      table={split === 'formula' ? 'revenue-formulas' : 'revenue-methods'}
      period={period}
      empty={revenue.months.length === 0}
      actions={
        <SegmentedControl
          size="xs"
          aria-label="Répartition du chiffre d’affaires"
          value={split}
          onChange={(value) => setSplit(value as Split)}
          data={[
            { value: 'formula', label: 'Par formule' },
            { value: 'method', label: 'Par mode de paiement' },
          ]}
        />
      }
    >
      <BarChart
        h={240}
        data={data}
        dataKey="month"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        series={series}
        valueFormatter={euros}
        yAxisProps={{ width: 90 }}
        gridAxis="y"
        maxBarWidth={48}
      />
      <Text size="sm" c="dimmed" mt="xs" aria-label="Chiffre d’affaires de la période">
        {formatEuros(revenue.totalCents)} facturés sur la période, avoirs déduits.
      </Text>
    </ReportSection>
  );
}
