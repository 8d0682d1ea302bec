import { Group, Progress, Stack, Text } from '@mantine/core';
import { formatCount } from '../../../shared/download';

export interface CountBar {
  key: string | number;
  label: string;
  count: number;
}

/** Labelled horizontal bars, one a line: readable at a glance and by a screen reader alike. */
export function CountBars({ label, bars, color = 'leaf' }: { label: string; bars: readonly CountBar[]; color?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <Stack gap={6} role="list" aria-label={label}>
      {bars.map((bar) => (
        <div key={bar.key} role="listitem" aria-label={`${bar.label} : ${formatCount(bar.count)}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {bar.label}
            </Text>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatCount(bar.count)}
            </Text>
          </Group>
          <Progress value={(bar.count / max) * 100} color={color} size="sm" aria-hidden />
        </div>
      ))}
    </Stack>
  );
}
