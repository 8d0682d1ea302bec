import { ActionIcon, Button, Group, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { addDays, isIsoDate, type IsoDate } from '../../../core/dates/dates';
import { DateField } from '../../shared/DateField';
import { mondayOf, weekLabel } from '../week-dates';

/** Previous / next / this week, or any date: the screen shows the week holding it. */
export function WeekNavigator({ day, today, onChange }: { day: IsoDate; today: IsoDate; onChange(day: IsoDate): void }) {
  const monday = mondayOf(day);
  const isThisWeek = monday === mondayOf(today);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Title order={2} fz="h4" aria-live="polite">
        {weekLabel(day)}
      </Title>
      <Group gap={6} wrap="nowrap">
        <Tooltip label="Semaine précédente">
          <ActionIcon variant="default" size="lg" aria-label="Semaine précédente" onClick={() => onChange(addDays(monday, -7))}>
            <IconChevronLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <Button variant="default" onClick={() => onChange(today)} disabled={isThisWeek}>
          Cette semaine
        </Button>
        <Tooltip label="Semaine suivante">
          <ActionIcon variant="default" size="lg" aria-label="Semaine suivante" onClick={() => onChange(addDays(monday, 7))}>
            <IconChevronRight size={18} />
          </ActionIcon>
        </Tooltip>
        <DateField
          ariaLabel="Aller à la semaine du"
          value={day}
          width={130}
          onChange={(value) => {
            if (isIsoDate(value)) onChange(value);
          }}
        />
      </Group>
    </Group>
  );
}
