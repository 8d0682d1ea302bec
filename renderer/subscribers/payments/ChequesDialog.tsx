import { ActionIcon, Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { AppError, InternalError, ValidationError, type FieldErrors } from '../../../core/api/errors';
import { fromLocalDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { DateField } from '../../shared/DateField';
import { readAmount } from './amount-text';
import { firstRow, MAX_ROWS, nextRow, spreadPlannedDates, type ChequeRow } from './cheque-rows';

const COLUMNS: { key: keyof ChequeRow; field: string; label: string; width?: number }[] = [
  { key: 'number', field: 'number', label: 'numéro', width: 120 },
  { key: 'bank', field: 'bank', label: 'banque' },
  { key: 'drawer', field: 'drawer', label: 'tireur' },
  { key: 'amount', field: 'amountCents', label: 'montant', width: 100 },
  { key: 'receivedOn', field: 'receivedOn', label: 'reçu le', width: 132 },
  { key: 'plannedDepositOn', field: 'plannedDepositOn', label: 'remise prévue le', width: 132 },
];

/**
 * « Enregistrer des chèques »: the cheques a subscriber hands in together, postdated ones
 * included (« encaissés aux dates prévues »). The backend's errors name a line's field
 * (`cheques.1.number`): each lands on that line's input.
 */
export function ChequesDialog({ subscriberId, drawer, onClose, onSaved }: { subscriberId: number; drawer: string; onClose(): void; onSaved(result: OutputOf<'cheque-record'>): void }) {
  const api = useApi();
  const [rows, setRows] = useState<ChequeRow[]>(() => [firstRow(drawer, fromLocalDate(new Date()))]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const edit = (index: number, key: keyof ChequeRow, field: string, value: string) => {
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
    setErrors(({ [`cheques.${index}.${field}`]: _gone, ...rest }) => rest);
    setFormError(null);
  };
  const replaceRows = (next: ChequeRow[]) => {
    // Line numbers move: the errors of the old lines no longer point at the right inputs.
    setRows(next);
    setErrors({});
    setFormError(null);
  };

  const totalCents = rows.reduce((sum, row) => sum + (readAmount(row.amount, '').cents ?? 0), 0) as Cents;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const local: FieldErrors = {};
    const cheques = rows.map((row, i) => {
      const read = readAmount(row.amount, `Chèque ${i + 1} : indiquez le montant (exemple : 45,50).`);
      if (read.problem !== null) local[`cheques.${i}.amountCents`] = read.problem;
      return { number: row.number, bank: row.bank, drawer: row.drawer, amountCents: read.cents ?? 0, receivedOn: row.receivedOn, plannedDepositOn: row.plannedDepositOn };
    });
    try {
      if (Object.keys(local).length) throw new ValidationError(Object.values(local).join(' '), local);
      setSubmitting(true);
      onSaved(await api.call('cheque-record', { subscriberId, cheques }));
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.fields);
        setFormError(error.message);
      } else {
        setFormError(error instanceof AppError ? error.message : new InternalError().message);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Enregistrer des chèques" size={1080} centered>
      <form noValidate aria-label="Enregistrer des chèques" onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Chaque chèque est crédité au compte dès sa réception ; il est remis en banque à la date prévue (chèques d’avance).
          </Text>
          <Table verticalSpacing={4} horizontalSpacing={6} aria-label="Chèques à enregistrer">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={28}>#</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c.key} w={c.width} style={{ textTransform: 'none' }}>
                    {c.label[0]!.toUpperCase() + c.label.slice(1)}
                  </Table.Th>
                ))}
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
                  <Table.Td pt={10}>
                    <Text size="sm" c="dimmed">
                      {i + 1}
                    </Text>
                  </Table.Td>
                  {COLUMNS.map((c) => {
                    const name = `Chèque ${i + 1} — ${c.label}`;
                    const error = errors[`cheques.${i}.${c.field}`];
                    return (
                      <Table.Td key={c.key}>
                        {c.key === 'receivedOn' || c.key === 'plannedDepositOn' ? (
                          <DateField ariaLabel={name} value={row[c.key]} error={error} onChange={(v) => edit(i, c.key, c.field, v)} />
                        ) : (
                          <TextInput
                            aria-label={name}
                            size="sm"
                            data-autofocus={(i === 0 && c.key === 'number') || undefined}
                            inputMode={c.key === 'amount' ? 'decimal' : undefined}
                            value={row[c.key]}
                            error={error}
                            onChange={(e) => edit(i, c.key, c.field, e.currentTarget.value)}
                          />
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td pt={8}>
                    {rows.length > 1 && (
                      <ActionIcon variant="subtle" color="gray" aria-label={`Retirer le chèque ${i + 1}`} onClick={() => replaceRows(rows.filter((_, j) => j !== i))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Group gap="xs">
              <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} disabled={rows.length >= MAX_ROWS} onClick={() => replaceRows([...rows, nextRow(rows.at(-1)!)])}>
                Ajouter une ligne
              </Button>
              {rows.length > 1 && (
                <>
                  <Text size="xs" c="dimmed">
                    Remises à partir de la première :
                  </Text>
                  <Button variant="subtle" size="xs" onClick={() => replaceRows(spreadPlannedDates(rows, 1))}>
                    chaque mois
                  </Button>
                  <Button variant="subtle" size="xs" onClick={() => replaceRows(spreadPlannedDates(rows, 3))}>
                    chaque trimestre
                  </Button>
                </>
              )}
            </Group>
            <Text size="sm" fw={500}>
              {rows.length} chèque{rows.length > 1 ? 's' : ''} · {formatEuros(totalCents)}
            </Text>
          </Group>
          {formError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={submitting}>
              Enregistrer {rows.length > 1 ? `les ${rows.length} chèques` : 'le chèque'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
