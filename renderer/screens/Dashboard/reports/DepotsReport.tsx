import { Progress, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../../core/handlers';
import { formatCount } from '../../../shared/download';
import type { Period } from './periods';
import { ReportSection } from './ReportSection';

type Depot = OutputOf<'report-get'>['depots'][number];

const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const nowrap = { whiteSpace: 'nowrap' } as const;
const percent = (value: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value)} %`;

/** Per depot: who collected there, how many baskets, and how full it was on an average delivery day. */
export function DepotsReport({ depots, period }: { depots: readonly Depot[]; period: Period }) {
  return (
    <ReportSection title="Dépôts" table="depots" period={period} empty={depots.length === 0}>
      <Table.ScrollContainer minWidth={640} maxHeight={420}>
        <Table aria-label="Dépôts sur la période" stickyHeader verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dépôt</Table.Th>
              <Table.Th>Jardin</Table.Th>
              <Table.Th style={num}>Adhérents</Table.Th>
              <Table.Th style={num}>Paniers</Table.Th>
              <Table.Th style={num}>Moyenne / livraison</Table.Th>
              <Table.Th style={num}>Capacité</Table.Th>
              <Table.Th w={200}>Taux de remplissage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {depots.map((d) => (
              <Table.Tr key={d.depotId}>
                <Table.Td style={nowrap}>{d.depot}</Table.Td>
                <Table.Td style={nowrap}>{d.garden}</Table.Td>
                <Table.Td style={num}>{formatCount(d.subscribers)}</Table.Td>
                <Table.Td style={num}>{formatCount(d.baskets)}</Table.Td>
                <Table.Td style={num}>{d.averagePerDay === null ? '–' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(d.averagePerDay)}</Table.Td>
                <Table.Td style={num}>{d.capacity === null ? 'illimitée' : formatCount(d.capacity)}</Table.Td>
                <Table.Td>
                  {d.capacityUsePercent === null ? (
                    <Text size="sm" c="dimmed">
                      –
                    </Text>
                  ) : (
                    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                      <Progress
                        value={Math.min(100, d.capacityUsePercent)}
                        color={d.capacityUsePercent > 100 ? 'red' : d.capacityUsePercent >= 90 ? 'orange' : 'leaf'}
                        size="md"
                        style={{ flex: 1 }}
                        aria-hidden
                      />
                      <Text size="sm" style={{ ...num, minWidth: 56 }}>
                        {percent(d.capacityUsePercent)}
                      </Text>
                    </div>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ReportSection>
  );
}
