import { Paper, Table, Text } from '@mantine/core';
import { formatCount } from '../../../shared/download';
import { addDays, formatDateFr, type IsoDate } from '../../../../core/dates/dates';
import { capitalise, dayShort, weekLabel, weekNumber } from '../../../week/week-dates';
import type { ForecastWeek, PivotLine } from './forecast-pivot';

const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** « 7 – 13 décembre 2026 », « 28 décembre 2026 – 3 janvier 2027 »: the card's short subtitle. */
export function weekSpan(monday: IsoDate): string {
  const sunday = addDays(monday, 6);
  const start = monday.slice(0, 4) !== sunday.slice(0, 4) ? 'd MMMM yyyy' : monday.slice(0, 7) !== sunday.slice(0, 7) ? 'd MMMM' : 'd';
  return `${formatDateFr(monday, start)} – ${formatDateFr(sunday, 'd MMMM yyyy')}`;
}

function Line({ line }: { line: PivotLine }) {
  return (
    <Table.Tr>
      <Table.Td>{line.label}</Table.Td>
      {line.perDay.map((n, i) => (
        <Table.Td key={i} style={num} c={n === 0 ? 'dimmed' : undefined}>
          {n === 0 ? '–' : formatCount(n)}
        </Table.Td>
      ))}
      <Table.Td style={num} fw={600}>
        {formatCount(line.total)}
      </Table.Td>
    </Table.Tr>
  );
}

/** One week of the forecast: baskets per formula and per garden, for each delivery day. */
export function ForecastTable({ week }: { week: ForecastWeek }) {
  const label = weekLabel(week.monday);
  return (
    <Paper withBorder p="md">
      <Text size="sm" mb="xs">
        <Text span fw={600} size="sm">
          Semaine {weekNumber(week.monday)}
        </Text>
        <Text span c="dimmed" size="sm">
          {' '}
          · {weekSpan(week.monday)}
        </Text>
      </Text>
      <Table aria-label={`Prévision — ${label}`} withRowBorders striped={false} verticalSpacing={4} horizontalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Formule</Table.Th>
            {week.days.map((d) => (
              <Table.Th key={d} style={num}>
                {capitalise(dayShort(d))}
              </Table.Th>
            ))}
            <Table.Th style={num}>Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {week.formulas.map((line) => (
            <Line key={line.key} line={line} />
          ))}
          <Table.Tr bg="var(--mantine-color-gray-0)">
            <Table.Td fw={700} style={nowrap}>
              Total de la semaine
            </Table.Td>
            {week.perDay.map((n, i) => (
              <Table.Td key={i} style={num} fw={700}>
                {formatCount(n)}
              </Table.Td>
            ))}
            <Table.Td style={num} fw={700}>
              {formatCount(week.total)}
            </Table.Td>
          </Table.Tr>
          {week.gardens.length > 1 && (
            <>
              <Table.Tr>
                <Table.Td colSpan={week.days.length + 2} pt="sm">
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                    Par jardin
                  </Text>
                </Table.Td>
              </Table.Tr>
              {week.gardens.map((line) => (
                <Line key={line.key} line={line} />
              ))}
            </>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
