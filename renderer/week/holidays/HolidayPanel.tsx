import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import type { IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { capitalise, dayLabel } from '../week-dates';
import { HolidayDecideDialog, type HolidayRound } from './HolidayDecideDialog';

type Week = OutputOf<'delivery-week'>;

function decisionText(round: HolidayRound): string {
  if (round.action === 'deliver') return 'livraison maintenue';
  if (round.action === 'skip') return 'pas de livraison';
  if (round.action === 'shift' && round.shiftToDate) return `reportée au ${dayLabel(round.shiftToDate as IsoDate)}`;
  return 'à décider';
}

/** The week's public holidays and, for each round delivering that day, the office's decision. */
export function HolidayPanel({ week, readOnly, onDecided }: { week: Week; readOnly: boolean; onDecided(): void }) {
  const [deciding, setDeciding] = useState<HolidayRound | null>(null);
  if (week.holidays.length === 0) return null;
  const holidayDates = week.holidays.map((h) => h.date as string);
  return (
    <>
      {week.holidays.map((holiday) => {
        const rounds: HolidayRound[] = week.holidayDecisions
          .filter((d) => d.holiday.date === holiday.date)
          .map((d) => ({ holidayDate: holiday.date, holidayName: holiday.name, roundId: d.roundId, roundName: d.roundName, action: d.action, shiftToDate: d.shiftToDate }));
        const undecided = rounds.filter((r) => r.action === null).length;
        return (
          <Alert
            key={holiday.date}
            color={undecided > 0 ? 'red' : 'blue'}
            icon={<IconCalendarExclamation />}
            title={`Férié : ${holiday.name}, ${dayLabel(holiday.date)}${undecided > 0 ? ` — ${undecided > 1 ? `${undecided} tournées à décider` : 'une tournée à décider'}` : ''}`}
          >
            {rounds.length === 0 ? (
              <Text size="sm">Aucune tournée ne livre ce jour-là.</Text>
            ) : (
              <Stack gap={4}>
                {rounds.map((round) => (
                  <Group key={round.roundId} gap="sm">
                    <Text size="sm" fw={600}>
                      {round.roundName}
                    </Text>
                    <Badge size="sm" variant={round.action ? 'light' : 'filled'} color={round.action ? 'blue' : 'red'}>
                      {capitalise(decisionText(round))}
                    </Badge>
                    {!readOnly && (
                      <Button aria-label={`${round.action ? 'Changer' : 'Décider'} pour ${round.roundName}`} size="compact-xs" variant={round.action ? 'subtle' : 'filled'} color={round.action ? 'gray' : 'red'} onClick={() => setDeciding(round)}>
                        {round.action ? 'Changer' : 'Décider'}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
          </Alert>
        );
      })}
      <HolidayDecideDialog
        target={deciding}
        holidays={holidayDates}
        onClose={() => setDeciding(null)}
        onSaved={() => {
          setDeciding(null);
          onDecided();
        }}
      />
    </>
  );
}
