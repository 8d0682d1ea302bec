import { Button, Group } from '@mantine/core';
import type { IsoDate } from '../../../../core/dates/dates';
import { DateField } from '../../../shared/DateField';
import { QUICK_PERIODS } from './periods';

/** Du … au …, typed, or one of the usual periods in one click. */
export function PeriodPicker({ today, from, to, errors, onChange }: { today: IsoDate; from: string; to: string; errors: { from?: string; to?: string }; onChange(period: { from: string; to: string }): void }) {
  return (
    <Group align="flex-end" gap="md">
      <DateField label="Du" width={140} value={from} error={errors.from} onChange={(value) => onChange({ from: value, to })} />
      <DateField label="Au" width={140} value={to} error={errors.to} onChange={(value) => onChange({ from, to: value })} />
      <Group gap={6} mb={errors.from || errors.to ? 22 : 0}>
        {QUICK_PERIODS.map((quick) => {
          const period = quick.period(today);
          const active = period.from === from && period.to === to;
          return (
            <Button key={quick.label} size="compact-sm" variant={active ? 'light' : 'subtle'} aria-pressed={active} onClick={() => onChange(period)}>
              {quick.label}
            </Button>
          );
        })}
      </Group>
    </Group>
  );
}
