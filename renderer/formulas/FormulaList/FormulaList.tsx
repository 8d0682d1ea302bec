import { ActionIcon, Alert, Badge, Button, Group, Paper, Switch, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconArchive, IconArchiveOff, IconCoinEuro, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { fromLocalDate, formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { FREQUENCY_LABELS, type Formula } from '../../../core/formulas/formulas';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { formatVatRate } from '../../settings/form/labels';
import { runAction } from '../../settings/form/run-action';
import { useAppState } from '../../state/app-store';
import { FormulaFormModal } from '../FormulaForm/FormulaFormModal';
import { availabilityText, frequenciesText, upcomingPrice } from '../formula-text';
import { PriceHistoryModal } from '../PriceHistory/PriceHistoryModal';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** Paramètres → Formules: the baskets on offer, their price today and the next one. */
export function FormulaList({ now = () => new Date() }: { now?: () => Date }) {
  const api = useApi();
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [showArchived, setShowArchived] = useState(false);
  const formulas = useApiQuery('formula-list', { includeArchived: showArchived });
  const [editing, setEditing] = useState<{ formula: Formula | null } | null>(null);
  const [pricing, setPricing] = useState<number | null>(null);
  const today = useMemo(() => fromLocalDate(now()), [now]);
  const list = formulas.data ?? [];
  const nameOf = (id: number | null) => list.find((f) => f.id === id)?.name ?? '';

  async function archive(formula: Formula, archived: boolean) {
    const done = await runAction(
      () => api.call('formula-archive', { id: formula.id, archived }),
      archived ? `Formule ${formula.name} archivée` : `Formule ${formula.name} réactivée`,
      archived ? 'Formule non archivée' : 'Formule non réactivée',
    );
    if (done) await formulas.reload();
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Group gap="md">
          <Switch label="Afficher les formules archivées" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
          <Text size="sm" c="dimmed">
            {formulas.data ? `${list.length} formule${list.length > 1 ? 's' : ''}` : ''}
          </Text>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ formula: null })} disabled={readOnly}>
          Nouvelle formule
        </Button>
      </Group>
      {formulas.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="Les formules n’ont pas pu être lues" mb="md">
          {formulas.error.message}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Formules" style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={230}>Formule</Table.Th>
                <Table.Th ta="right">Prix / livraison</Table.Th>
                <Table.Th ta="right">TVA</Table.Th>
                <Table.Th ta="right" title="Forfait trimestriel pour les paiements par chèques">Forfait trim.</Table.Th>
                <Table.Th>Disponible</Table.Th>
                <Table.Th miw={170}>Fréquences</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((formula) => {
                const next = upcomingPrice(formula, today);
                return (
                  <Table.Tr key={formula.id} c={formula.archivedAt ? 'dimmed' : undefined}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600} title={formula.description || undefined}>
                          {formula.name}
                        </Text>
                        {formula.archivedAt && (
                          <Badge size="xs" color="gray" variant="light">
                            Archivée
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c={formula.isSocial ? 'grape.8' : 'dimmed'} style={{ whiteSpace: 'normal' }}>
                        {formula.code}
                        {formula.isSocial && ` · tarif social de ${nameOf(formula.baseFormulaId) || 'une formule archivée'}`}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      <Text size="sm" fw={600}>
                        {formula.currentPriceCents === null ? '—' : formatEuros(formula.currentPriceCents)}
                      </Text>
                      {next && (
                        <Text size="xs" c="blue.8">
                          {formatEuros(next.priceCents)} dès le {formatDateShortFr(next.validFrom as IsoDate)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      {formatVatRate(formula.vatRateBp)}
                    </Table.Td>
                    <Table.Td ta="right" style={numeric}>
                      {formula.quarterlyFlatCents === null ? <Text size="sm" c="dimmed">—</Text> : formatEuros(formula.quarterlyFlatCents)}
                    </Table.Td>
                    <Table.Td>{availabilityText(formula)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'normal' }} title={formula.frequencies.map((f) => FREQUENCY_LABELS[f]).join('\n')}>
                      {frequenciesText(formula.frequencies)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Prix et historique">
                          <ActionIcon variant="subtle" aria-label={`Prix de ${formula.name}`} onClick={() => setPricing(formula.id)}>
                            <IconCoinEuro size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Modifier">
                          <ActionIcon variant="subtle" aria-label={`Modifier ${formula.name}`} onClick={() => setEditing({ formula })} disabled={readOnly || !!formula.archivedAt}>
                            <IconPencil size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={formula.archivedAt ? 'Réactiver' : 'Archiver'}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={formula.archivedAt ? `Réactiver ${formula.name}` : `Archiver ${formula.name}`}
                            onClick={() => void archive(formula, !formula.archivedAt)}
                            disabled={readOnly}
                          >
                            {formula.archivedAt ? <IconArchiveOff size={18} /> : <IconArchive size={18} />}
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {formulas.data && list.length === 0 && (
          <Text c="dimmed" ta="center" p="xl">
            Aucune formule pour le moment. Créez la première (petit panier, grand panier…) avec « Nouvelle formule ».
          </Text>
        )}
      </Paper>
      <FormulaFormModal
        opened={editing !== null}
        formula={editing?.formula ?? null}
        formulas={list}
        today={today}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void formulas.reload();
        }}
      />
      <PriceHistoryModal
        formula={list.find((f) => f.id === pricing) ?? null}
        today={today}
        readOnly={readOnly}
        onClose={() => setPricing(null)}
        onSaved={() => void formulas.reload()}
      />
    </>
  );
}
