import { Badge, Table } from '@mantine/core';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import type { LedgerKind } from '../../../core/ledger/ledger';
import { MoneyTd } from '../common/Money';
import { ageColour, plural } from '../payments-text';

type Row = OutputOf<'unpaid-list'>['subscribers'][number];

const OTHER_DEBT_LABELS: Record<LedgerKind, string> = {
  opening_balance: 'Solde repris de l’ancien logiciel',
  invoice: 'Facture',
  credit_note: 'Avoir',
  payment: 'Règlement',
  payment_reversal: 'Règlement annulé (chèque impayé, rejet)',
  refund: 'Remboursement',
};

/** What a subscriber owes, invoice by invoice (oldest paid first, so what is left is the newest part). */
export function UnpaidDetail({ row }: { row: Row }) {
  return (
    <Table verticalSpacing={2} fz="xs" withRowBorders={false} aria-label={`Impayés de ${row.name}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Pièce</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th ta="right">Montant</Table.Th>
          <Table.Th ta="right">Reste dû</Table.Th>
          <Table.Th ta="right">Âge</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.invoices.map((invoice) => (
          <Table.Tr key={`i${invoice.invoiceId}`}>
            <Table.Td>Facture {invoice.number}</Table.Td>
            <Table.Td>{formatDateShortFr(invoice.date as IsoDate)}</Table.Td>
            <MoneyTd amount={invoice.totalCents} />
            <MoneyTd amount={invoice.remainingCents} bold />
            <Table.Td ta="right">
              <Badge size="sm" variant="light" color={ageColour(invoice.ageDays)}>
                {plural(invoice.ageDays, 'jour')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
        {row.otherDebts.map((debt) => (
          <Table.Tr key={`e${debt.entryId}`}>
            <Table.Td>
              {OTHER_DEBT_LABELS[debt.kind]}
              {debt.reference ? ` ${debt.reference}` : ''}
            </Table.Td>
            <Table.Td>{formatDateShortFr(debt.date as IsoDate)}</Table.Td>
            <MoneyTd amount={debt.amountCents} />
            <MoneyTd amount={debt.remainingCents} bold />
            <Table.Td ta="right">
              <Badge size="sm" variant="light" color={ageColour(debt.ageDays)}>
                {plural(debt.ageDays, 'jour')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
