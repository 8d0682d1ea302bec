import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeliveryRecord } from '../../../core/deliveries/closing-handlers';
import { DayRecords } from '../closing/DayRecords';
import { PrintIcon, PrintMenu, type PrintTarget } from '../print/PrintMenu';
import { capitalise, dayLabel } from '../week-dates';
import { plural, type DayGroup } from '../week-groups';
import { DepotBaskets } from './DepotBaskets';
import { FormulaCounts } from './FormulaCounts';

export interface DayState {
  /** The day is over (today included): it can be validated. */
  past: boolean;
  /** Records of a validated day, else null (the plan is shown). */
  records: DeliveryRecord[] | null;
}

/**
 * One delivery day: per round (its colour), per depot, the baskets. Once validated, the
 * day shows what was recorded instead of the plan.
 */
export function DayPlan({
  day,
  state,
  expandAll,
  readOnly,
  onValidate,
  onCorrected,
}: {
  day: DayGroup;
  state: DayState;
  /** Depot lists start open (a normal week) or closed (a very large one, or when searching nothing). */
  expandAll: boolean;
  readOnly: boolean;
  onValidate(): void;
  onCorrected(): void;
}) {
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setToggled((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const validated = state.records !== null;
  const roundTargets = (method: PrintTarget['method']): PrintTarget[] =>
    day.rounds
      .filter((r) => r.round)
      .map((r) => ({ method, label: `Tournée ${r.round!.name}`, request: { from: day.date, to: day.date, roundId: r.round!.id } }));
  const title = capitalise(dayLabel(day.date));
  return (
    <Stack gap="sm" component="section" aria-label={title} id={`jour-${day.date}`}>
      <Group justify="space-between" wrap="nowrap" pt="xs" style={{ borderTop: '2px solid var(--mantine-color-gray-3)' }}>
        <Group gap="sm">
          <Title order={2} fz="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {plural(day.due, 'panier à livrer', 'paniers à livrer')}
            {day.off > 0 ? ` · ${plural(day.off, 'annulé ou fermé', 'annulés ou fermés')}` : ''}
          </Text>
          {validated && (
            <Badge color="leaf" variant="light" leftSection={<IconChecks size={12} />}>
              Journée validée
            </Badge>
          )}
          {!validated && state.past && (
            <Badge color="yellow" variant="light">
              À valider
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <PrintMenu
            label="Imprimer"
            disabled={day.due === 0}
            targets={[
              { method: 'document-delivery-sheets', label: `Tout le ${dayLabel(day.date)}`, request: { from: day.date, to: day.date } },
              ...roundTargets('document-delivery-sheets'),
              { method: 'document-packing-summary', label: `Le ${dayLabel(day.date)}`, request: { from: day.date, to: day.date } },
              { method: 'document-crate-labels', label: `Tout le ${dayLabel(day.date)}`, request: { from: day.date, to: day.date } },
              ...roundTargets('document-crate-labels'),
            ]}
          />
          {!validated && state.past && !readOnly && (
            <Button leftSection={<IconChecks size={16} />} onClick={onValidate}>
              Valider la journée
            </Button>
          )}
        </Group>
      </Group>
      {validated ? (
        <DayRecords records={state.records!} readOnly={readOnly} onCorrected={onCorrected} />
      ) : (
        day.rounds.map((round) => (
          <Stack key={round.key} gap={6} component="section" aria-label={round.round ? `Tournée ${round.round.name}` : 'Hors tournée'}>
            <Group gap="xs" wrap="nowrap">
              <Box w={6} h={22} style={{ borderRadius: 3, background: round.round?.colour ?? 'var(--mantine-color-gray-5)', flex: 'none' }} aria-hidden />
              <Text fw={700} size="sm">
                {round.round ? `Tournée ${round.round.name}` : 'Hors tournée'}
              </Text>
              <FormulaCounts counts={round.counts} />
              {round.round && (
                <PrintIcon target={{ method: 'document-delivery-sheets', label: `Imprimer les feuilles de la tournée ${round.round.name}`, request: { from: day.date, to: day.date, roundId: round.round.id } }} />
              )}
            </Group>
            <Stack gap={6} pl="md">
              {round.depots.map((depot) => (
                <DepotBaskets key={depot.key} depot={depot} opened={expandAll !== toggled.has(depot.key)} onToggle={() => toggle(depot.key)} />
              ))}
            </Stack>
          </Stack>
        ))
      )}
    </Stack>
  );
}
