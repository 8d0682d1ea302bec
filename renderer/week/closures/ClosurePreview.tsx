import { Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { IsoDate } from '../../../core/dates/dates';
import type { ClosureImpact } from '../../../core/deliveries/closure-handlers';
import { formatEuros } from '../../../core/money/money';
import { dayShort } from '../week-dates';
import { plural } from '../week-groups';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

/** What a closure removes, shown before it is saved. */
export function ClosurePreview({ impact }: { impact: ClosureImpact }) {
  if (impact.basketsRemoved === 0) {
    return (
      <Paper withBorder p="sm" bg="gray.0" aria-label="Aperçu de la fermeture">
        <Text size="sm">Aucun panier n’est prévu sur ces dates à cet endroit : la fermeture ne retire rien (vous pouvez l’enregistrer quand même).</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-label="Aperçu de la fermeture">
      <SimpleGrid cols={4} mb="sm">
        <Figure label="Paniers retirés" value={String(impact.basketsRemoved)} />
        <Figure label="Non facturé" value={formatEuros(impact.amountCents)} />
        <Figure label="Adhérents" value={String(impact.subscribers.length)} />
        <Figure label="Dépôts" value={String(impact.depots.length)} />
      </SimpleGrid>
      <Text size="sm">
        <b>Dépôts :</b> {impact.depots.map((d) => d.name).join(', ')}
      </Text>
      <Text size="sm" mb="xs">
        <b>{plural(impact.dates.length, 'date de livraison', 'dates de livraison')} :</b> {impact.dates.map((d) => dayShort(d as IsoDate)).join(', ')}
      </Text>
      <ScrollArea.Autosize mah={180} type="auto">
        <Table fz="xs" verticalSpacing={2} aria-label="Adhérents concernés">
          <Table.Tbody>
            {impact.subscribers.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td c={s.email ? undefined : 'red'}>{s.email || 'pas d’e-mail'}</Table.Td>
                <Table.Td>{s.phone}</Table.Td>
                <Table.Td ta="right">{plural(s.baskets, 'panier', 'paniers')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Group mt={4}>
        <Text size="xs" c="dimmed">
          Ces paniers ne seront ni préparés, ni facturés.
        </Text>
      </Group>
    </Paper>
  );
}
