import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros, type Cents } from '../../../core/money/money';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../core/subscribers/subscribers';

type Run = OutputOf<'invoice-run-get'>;
type Tally = Run['byFormula'][number];

function TallyTable({ title, rows, countLabel, amountLabel, label = (row) => row.label }: { title: string; rows: Tally[]; countLabel: string; amountLabel: string; label?: (row: Tally) => string }) {
  return (
    <Card withBorder padding="sm">
      <Title order={5} mb={4}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune ligne.
        </Text>
      ) : (
        <Table aria-label={title} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {countLabel}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {amountLabel}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{label(row)}</Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatEuros(row.grossCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {value}
      </Text>
    </Card>
  );
}

/** The figures the office checks before issuing: counts and amounts, then the three breakdowns. */
export function RunTotals({ run }: { run: Run }) {
  const euros = (amount: Cents) => formatEuros(amount);
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} aria-label="Totaux de la facturation">
        <Figure label="Factures" value={String(run.totals.count)} />
        <Figure label="Total TTC" value={euros(run.totals.grossCents)} />
        <Figure label="Dont TVA" value={euros(run.totals.vatCents)} />
        <Figure label="Montant dû" value={euros(run.totals.amountDueCents)} />
      </SimpleGrid>
      {/* Two columns: the depots' list is the long one; formulas and payment methods share the other. */}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap="md">
          <TallyTable title="Par formule" rows={run.byFormula} countLabel="Paniers" amountLabel="TTC" />
          <TallyTable
            title="Par mode de règlement"
            rows={run.byPaymentMethod}
            countLabel="Factures"
            amountLabel="Montant dû"
            label={(row) => PAYMENT_METHOD_LABELS[row.key as PaymentMethod] ?? row.key}
          />
        </Stack>
        <TallyTable title="Par dépôt" rows={run.byDepot} countLabel="Paniers" amountLabel="TTC" />
      </SimpleGrid>
    </>
  );
}
