import { Group, Paper, Stack, Text } from '@mantine/core';
import type { IsoDate } from '../../../../core/dates/dates';
import type { OutputOf } from '../../../../core/handlers';
import { formatCount } from '../../../shared/download';
import { weekLabel } from '../../../week/week-dates';
import { CountBars } from './CountBars';

type Week = OutputOf<'dashboard-get'>['week'];

/** This week's baskets: the total, then per formula and per garden. */
export function WeekBaskets({ week }: { week: Week }) {
  const { total, byFormula, byGarden } = week.baskets;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Paniers de la semaine">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <div>
          <Text fw={600}>Paniers de la semaine</Text>
          <Text size="sm" c="dimmed">
            {weekLabel(week.monday as IsoDate)}
          </Text>
        </div>
        <Stack gap={0} align="flex-end">
          <Text fz={32} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={`Total : ${formatCount(total)} paniers`}>
            {formatCount(total)}
          </Text>
          <Text size="xs" c="dimmed">
            {total > 1 ? 'paniers prévus' : 'panier prévu'}
          </Text>
        </Stack>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun panier à livrer cette semaine (fermeture, vacances ou pas encore d’abonnement en cours).
        </Text>
      ) : (
        <Stack gap="md">
          <div>
            <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
              Par formule
            </Text>
            <CountBars label="Paniers par formule" bars={byFormula.map((f) => ({ key: f.formulaId, label: f.name, count: f.count }))} />
          </div>
          <div>
            <Text size="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
              Par jardin
            </Text>
            <CountBars label="Paniers par jardin" color="orange" bars={byGarden.map((g) => ({ key: g.gardenId, label: g.name, count: g.count }))} />
          </div>
        </Stack>
      )}
    </Paper>
  );
}
