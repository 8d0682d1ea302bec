import { Table } from '@mantine/core';
import type { Cents } from '../../../core/money/money';
import { formatEuros } from '../../../core/money/money';

/** An amount cell: right-aligned, tabular figures, red when `negative` asks for it. */
export function MoneyTd({ amount, red = false, bold = false }: { amount: Cents; red?: boolean; bold?: boolean }) {
  return (
    <Table.Td ta="right" c={red ? 'red.8' : undefined} fw={bold ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatEuros(amount)}
    </Table.Td>
  );
}
