import { Text } from '@mantine/core';
import type { CountLine } from '../../../core/deliveries/week-summary';
import { plural } from '../week-groups';

/** « 12 paniers · Petit panier 8 · Grand panier 4 »: the due baskets of a depot or a round. */
export function FormulaCounts({ counts, size = 'sm' }: { counts: CountLine | undefined; size?: 'xs' | 'sm' }) {
  if (!counts || counts.total === 0) {
    return (
      <Text size={size} c="dimmed" span>
        aucun panier à livrer
      </Text>
    );
  }
  const formulas = Object.entries(counts.byFormula)
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(([name, n]) => `${name} ${n}`)
    .join(' · ');
  return (
    <Text size={size} span>
      <Text span fw={700} size={size}>
        {plural(counts.total, 'panier', 'paniers')}
      </Text>
      <Text span c="dimmed" size={size}>
        {' '}
        · {formulas}
      </Text>
    </Text>
  );
}
