import { Badge, Button, Card, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';
import { INVOICE_STATUS_LABELS, monthLabel } from '../invoicing-text';

type Found = OutputOf<'invoice-search'>;

/** Any invoice, by its number (« FA-2026-00004 », « 4 ») or its subscriber, across all months. */
export function InvoiceSearch({ onOpen }: { onOpen(id: number): void }) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [found, setFound] = useState<Found | null>(null);

  useEffect(() => {
    if (debounced === '') {
      setFound(null);
      return;
    }
    let current = true;
    api.call('invoice-search', { query: debounced, limit: 50 }).then(
      (rows) => current && setFound(rows),
      (error: unknown) => notifyError(error, 'La recherche n’a pas abouti'),
    );
    return () => {
      current = false;
    };
  }, [api, debounced]);

  return (
    <Card withBorder padding="lg">
      <Title order={2} fz="h4" mb="sm">
        Retrouver une facture
      </Title>
      <TextInput
        aria-label="Rechercher une facture"
        placeholder="Numéro (FA-2026-00004) ou adhérent"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={420}
        mb="sm"
      />
      {found && found.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune facture ne correspond à « {debounced} ».
        </Text>
      )}
      {found && found.length > 0 && (
        <Table highlightOnHover aria-label="Factures trouvées" verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Adhérent</Table.Th>
              <Table.Th>Mois</Table.Th>
              <Table.Th>Émise le</Table.Th>
              <Table.Th ta="right">Total TTC</Table.Th>
              <Table.Th ta="right">Montant dû</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(row.id)}>
                    {row.number ?? INVOICE_STATUS_LABELS[row.status]}
                  </Button>
                </Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{monthLabel(row.month)}</Table.Td>
                <Table.Td>
                  {row.issueDate ? (
                    formatDateShortFr(row.issueDate as IsoDate)
                  ) : (
                    <Badge variant="light" color="yellow">
                      {INVOICE_STATUS_LABELS[row.status]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatEuros(row.grossCents)}</Table.Td>
                <Table.Td ta="right">{formatEuros(row.amountDueCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {found && found.length === 50 && (
        <Text size="xs" c="dimmed" mt={4}>
          Les 50 premières factures : précisez la recherche pour en voir d’autres.
        </Text>
      )}
    </Card>
  );
}
