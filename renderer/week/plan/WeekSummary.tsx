import { Box, Group, Paper, Table, Text } from '@mantine/core';
import type { WeekTotals } from '../../../core/deliveries/week-summary';
import { formatEuros } from '../../../core/money/money';
import { dayShort } from '../week-dates';
import { dateOfKey, formulaColumns, plural } from '../week-groups';

interface Row {
  key: string;
  label: string;
  colour?: string;
  byFormula: Record<string, number>;
  total: number;
  strong?: boolean;
}

/** The week at a glance: due baskets per formula, per garden and per round, and the week's total. */
export function WeekSummary({ totals, roundColours }: { totals: WeekTotals; roundColours: ReadonlyMap<string, string> }) {
  const formulas = formulaColumns(totals);
  const rows: Row[] = [
    ...totals.byRound.map((line) => ({
      key: `r-${line.key}`,
      label: `${dayShort(dateOfKey(line.key))} · ${line.label}`,
      colour: roundColours.get(line.key),
      byFormula: line.byFormula,
      total: line.total,
    })),
    ...totals.byGarden.map((line) => ({ key: `g-${line.key}`, label: `Jardin ${line.label}`, byFormula: line.byFormula, total: line.total })),
    { key: 'week', label: 'Total de la semaine', byFormula: totals.byFormula, total: totals.total, strong: true },
  ];
  const off = [
    totals.cancelled > 0 && plural(totals.cancelled, 'annulé', 'annulés'),
    totals.closed > 0 && `${plural(totals.closed, 'fermé', 'fermés')} (fermeture)`,
    totals.skipped > 0 && plural(totals.skipped, 'non livré (férié)', 'non livrés (férié)'),
  ].filter(Boolean);
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={500}>
        <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label="Totaux de la semaine" withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Paniers à livrer</Table.Th>
              {formulas.map((name) => (
                <Table.Th key={name} ta="right">
                  {name}
                </Table.Th>
              ))}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} fw={row.strong ? 700 : undefined} bg={row.strong ? 'gray.0' : undefined}>
                <Table.Th scope="row" fw={row.strong ? 700 : 500}>
                  <Group gap={6} wrap="nowrap">
                    {row.colour && <Box w={10} h={10} style={{ borderRadius: 2, background: row.colour, flex: 'none' }} aria-hidden />}
                    {row.label}
                  </Group>
                </Table.Th>
                {formulas.map((name) => (
                  <Table.Td key={name} ta="right" c={row.byFormula[name] ? undefined : 'dimmed'}>
                    {row.byFormula[name] ?? '–'}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700}>
                  {row.total}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" px="sm" py={6} gap="xs">
        <Text size="sm" c="dimmed">
          {off.length > 0 ? `Non comptés : ${off.join(', ')}.` : 'Aucun panier annulé, fermé ou supprimé cette semaine.'}
        </Text>
        <Text size="sm">
          Montant prévu des paniers à livrer : <b>{formatEuros(totals.amountCents)}</b>
        </Text>
      </Group>
    </Paper>
  );
}
