import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FieldErrors } from '../../../core/api/errors';
import type { IsoDate } from '../../../core/dates/dates';
import { FORMULA_LABELS, formulaPriceInput, type Formula } from '../../../core/formulas/formulas';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { readTypedDate, frenchDay } from '../../settings/form/date-text';
import { DateField } from '../../settings/form/DateField';
import { fieldDomId, useSubmit } from '../../settings/form/use-submit';
import { centsOf } from '../FormulaForm/formula-values';

const ID = 'price';
const LABELS = { ...FORMULA_LABELS, validFrom: 'Nouveau prix à partir du' };

/**
 * A formula's dated prices and the form for the next one. Past deliveries keep the price
 * they were made at: the backend refuses a start that reaches back over recorded deliveries.
 */
export function PriceHistoryModal({
  formula,
  today,
  readOnly,
  onClose,
  onSaved,
}: {
  formula: Formula | null;
  today: string;
  readOnly: boolean;
  onClose(): void;
  onSaved(formula: Formula): void;
}) {
  const api = useApi();
  const [validFrom, setValidFrom] = useState('');
  const [price, setPrice] = useState('');
  const form = useSubmit({
    idPrefix: ID,
    schema: formulaPriceInput,
    labels: LABELS,
    failureTitle: 'Prix non enregistré',
    successMessage: `Nouveau prix de ${formula?.name ?? ''} enregistré`,
    send: (input: { formulaId: number; validFrom: string; priceCents: number }) => api.call('formula-price-set', input),
  });
  const { setErrors } = form;

  useEffect(() => {
    setValidFrom('');
    setPrice('');
    setErrors({});
  }, [formula?.id, setErrors]);

  if (!formula) return <Modal opened={false} onClose={onClose} />;

  // The price in force today is the newest one that has started.
  const current = [...formula.prices].reverse().find((p) => p.validFrom <= today);

  async function submit() {
    const errors: FieldErrors = {};
    const priceCents = centsOf(price, 'priceCents', errors, 'Indiquez le nouveau prix par livraison (exemple : 12,50).');
    const typed = readTypedDate(validFrom);
    if (typed.error) errors.validFrom = typed.error;
    else if (!typed.day) errors.validFrom = 'Indiquez la date à partir de laquelle le nouveau prix s’applique (exemple : 01/01/2027).';
    const saved = await form.submit({ formulaId: formula!.id, validFrom: typed.day ?? '', priceCents: priceCents as number }, errors);
    if (saved) {
      setValidFrom('');
      setPrice('');
      onSaved(saved);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Prix de la formule ${formula.name}`} size="lg">
      <Stack gap="md">
        <Paper withBorder>
          <Table verticalSpacing={6} aria-label="Historique des prix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>À partir du</Table.Th>
                <Table.Th ta="right">Prix par livraison</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...formula.prices].reverse().map((p) => (
                <Table.Tr key={p.validFrom}>
                  <Table.Td>{frenchDay(p.validFrom as IsoDate, 'EEEE d MMMM yyyy')}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatEuros(p.priceCents)}
                  </Table.Td>
                  <Table.Td>
                    {p === current && (
                      <Badge size="sm" variant="light">
                        en vigueur
                      </Badge>
                    )}
                    {p.validFrom > today && (
                      <Badge size="sm" variant="light" color="blue">
                        à venir
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {!readOnly && (
          <form
            noValidate
            aria-label="Nouveau prix"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Title order={3} fz="sm" mb={4}>
              Changer le prix
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              Les livraisons avant cette date gardent l’ancien prix. Un prix à la même date remplace le précédent.
            </Text>
            <Group align="flex-start" grow>
              <DateField
                id={fieldDomId(ID, 'validFrom')}
                label={LABELS.validFrom}
                required
                autoFocus
                value={validFrom}
                error={form.errors.validFrom}
                onChange={(value) => {
                  setValidFrom(value);
                  form.clearError('validFrom');
                }}
              />
              <TextInput
                id={fieldDomId(ID, 'priceCents')}
                label="Nouveau prix par livraison"
                placeholder="ex. 12,50"
                rightSection="€"
                withAsterisk
                value={price}
                error={form.errors.priceCents}
                onChange={(event) => {
                  setPrice(event.currentTarget.value);
                  form.clearError('priceCents');
                }}
              />
            </Group>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={onClose}>
                Fermer
              </Button>
              <Button type="submit" loading={form.submitting}>
                Enregistrer le nouveau prix
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
