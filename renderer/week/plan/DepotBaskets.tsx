import { Anchor, Group, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { formatDateFr, type IsoDate } from '../../../core/dates/dates';
import { useAppState } from '../../state/app-store';
import { PrintIcon } from '../print/PrintMenu';
import type { DepotGroup } from '../week-groups';
import { BasketMarkers } from './BasketMarkers';
import { FormulaCounts } from './FormulaCounts';

/** One depot of one day: its due counts per formula, then its baskets by name (off ones greyed). */
export function DepotBaskets({ depot, opened, onToggle }: { depot: DepotGroup; opened: boolean; onToggle(): void }) {
  const openSubscriber = useAppState((s) => s.openSubscriber);
  const date = depot.key.slice(0, 10) as IsoDate;
  const listId = `depot-${depot.key.replace('|', '-')}`;
  return (
    <Paper withBorder radius="sm" component="section" aria-label={`Dépôt ${depot.depotName}`}>
      <Group justify="space-between" px="sm" py={6} wrap="nowrap" bg="gray.0">
        <UnstyledButton onClick={onToggle} aria-expanded={opened} aria-controls={listId} style={{ flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            {opened ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            <Text fw={600} size="sm">
              {depot.depotName}
            </Text>
            <FormulaCounts counts={depot.counts} />
          </Group>
        </UnstyledButton>
        <PrintIcon
          target={{ method: 'document-delivery-sheets', label: `Imprimer la feuille de ${depot.depotName}`, request: { from: date, to: date, depotId: depot.depotId } }}
        />
      </Group>
      {opened && (
        <Table id={listId} verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={`Paniers de ${depot.depotName}, ${formatDateFr(date, 'EEEE d MMMM')}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="32%">Adhérent</Table.Th>
              <Table.Th w="22%">Formule</Table.Th>
              <Table.Th w={60} ta="right">
                Qté
              </Table.Th>
              <Table.Th>Remarques</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {depot.baskets.map((basket) => {
              const off = basket.status !== 'expected';
              return (
                <Table.Tr key={`${basket.chainId}|${basket.scheduledDate}`} c={off ? 'dimmed' : undefined} data-off={off || undefined}>
                  <Table.Td td={off ? 'line-through' : undefined}>
                    <Anchor component="button" type="button" size="sm" c={off ? 'dimmed' : 'dark'} onClick={() => openSubscriber(basket.subscriberId)}>
                      {basket.subscriberName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td td={off ? 'line-through' : undefined}>{basket.formulaName}</Table.Td>
                  <Table.Td ta="right" td={off ? 'line-through' : undefined}>
                    {basket.quantity}
                  </Table.Td>
                  <Table.Td>
                    <BasketMarkers basket={basket} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
