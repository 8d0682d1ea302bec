import { Badge, Table } from '@mantine/core';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';

type Invoice = OutputOf<'invoice-get'>;

const rate = (bp: number) => `${(bp / 100).toLocaleString('fr-FR')} %`;

/** The invoice's lines as printed: date, label, quantity, unit price, VAT rate, amount. */
export function InvoiceLines({ invoice }: { invoice: Invoice }) {
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={360}>
      <Table stickyHeader aria-label="Lignes de la facture" verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right">Qté</Table.Th>
            <Table.Th ta="right">Prix unitaire</Table.Th>
            <Table.Th ta="right">TVA</Table.Th>
            <Table.Th ta="right">Montant TTC</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>{line.date ? formatDateShortFr(line.date as IsoDate) : ''}</Table.Td>
              <Table.Td>
                {line.label}{' '}
                {line.creditNoteNumber && (
                  <Badge size="xs" variant="light" color="gray">
                    avoir {line.creditNoteNumber}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{line.kind === 'basket' || line.kind === 'membership' ? line.quantity : ''}</Table.Td>
              <Table.Td ta="right">{line.kind === 'basket' || line.kind === 'membership' ? formatEuros(line.unitPriceCents) : ''}</Table.Td>
              <Table.Td ta="right">{line.kind === 'basket' || line.kind === 'membership' ? rate(line.vatRateBp) : ''}</Table.Td>
              <Table.Td ta="right">{formatEuros(line.grossCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
