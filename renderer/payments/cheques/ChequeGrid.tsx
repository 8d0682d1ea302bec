import { ActionIcon, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import { DateField } from '../../shared/DateField';
import type { ChequeLine, LineField } from './cheque-lines';

/**
 * The lines of cheques handed in together. A field in error turns red and its message is
 * written under its line, in full (a narrow cell could not hold « déjà enregistré pour … »).
 */
export function ChequeGrid({
  lines,
  errors,
  onChange,
  onRemove,
}: {
  lines: readonly ChequeLine[];
  errors: Record<number, Partial<Record<LineField, string>>>;
  onChange(index: number, patch: Partial<ChequeLine>): void;
  onRemove(index: number): void;
}) {
  return (
    <Table verticalSpacing={4} horizontalSpacing={6} aria-label="Chèques à enregistrer" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={28}>#</Table.Th>
          <Table.Th w={120}>Numéro</Table.Th>
          <Table.Th>Banque</Table.Th>
          <Table.Th>Tireur</Table.Th>
          <Table.Th w={110}>Montant (€)</Table.Th>
          <Table.Th w={128}>Reçu le</Table.Th>
          <Table.Th w={128}>Encaissement prévu le</Table.Th>
          <Table.Th w={36} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, i) => {
          const n = i + 1;
          const lineErrors = errors[i] ?? {};
          const messages = Object.values(lineErrors);
          return (
            <Fragment key={i}>
              <Table.Tr data-line={n}>
                <Table.Td c="dimmed">{n}</Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Numéro du chèque ${n}`} value={line.number} error={Boolean(lineErrors.number)} onChange={(e) => onChange(i, { number: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Banque du chèque ${n}`} value={line.bank} error={Boolean(lineErrors.bank)} onChange={(e) => onChange(i, { bank: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Tireur du chèque ${n}`} value={line.drawer} error={Boolean(lineErrors.drawer)} onChange={(e) => onChange(i, { drawer: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Montant du chèque ${n}`}
                    inputMode="decimal"
                    value={line.amount}
                    error={Boolean(lineErrors.amountCents)}
                    styles={{ input: { textAlign: 'right' } }}
                    onChange={(e) => onChange(i, { amount: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <DateField ariaLabel={`Chèque ${n} reçu le`} value={line.receivedOn} error={Boolean(lineErrors.receivedOn)} onChange={(receivedOn) => onChange(i, { receivedOn })} />
                </Table.Td>
                <Table.Td>
                  <DateField
                    ariaLabel={`Encaissement prévu du chèque ${n}`}
                    value={line.plannedDepositOn}
                    error={Boolean(lineErrors.plannedDepositOn)}
                    onChange={(plannedDepositOn) => onChange(i, { plannedDepositOn })}
                  />
                </Table.Td>
                <Table.Td>
                  {lines.length > 1 && (
                    <ActionIcon variant="subtle" color="gray" aria-label={`Retirer la ligne ${n}`} onClick={() => onRemove(i)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
              {messages.length > 0 && (
                <Table.Tr aria-label={`Erreurs du chèque ${n}`}>
                  <Table.Td />
                  <Table.Td colSpan={7} pt={0}>
                    {messages.map((message) => (
                      <Text key={message} size="xs" c="red.8">
                        {message}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
