import { ActionIcon, Alert, Button, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconFileSpreadsheet, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { ConfirmDialog } from '../../settings/form/ConfirmDialog';
import { runAction } from '../../settings/form/run-action';
import { useAppState } from '../../state/app-store';
import { plural } from '../week-groups';
import { downloadAffected } from './affected-csv';
import { ClosureDialog } from './ClosureDialog';

type Closure = OutputOf<'closure-list'>[number];

function period(c: Closure): string {
  return c.fromDate === c.toDate
    ? `le ${formatDateShortFr(c.fromDate as IsoDate)}`
    : `du ${formatDateShortFr(c.fromDate as IsoDate)} au ${formatDateShortFr(c.toDate as IsoDate)}`;
}

function ClosureTable({ label, closures, readOnly, onExport, onDelete }: { label: string; closures: Closure[]; readOnly: boolean; onExport(c: Closure): void; onDelete(c: Closure): void }) {
  return (
    <Paper withBorder>
      <Table verticalSpacing={6} fz="sm" aria-label={label} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">Période</Table.Th>
            <Table.Th w="24%">Qui ferme</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {closures.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{period(c)}</Table.Td>
              <Table.Td>{c.scope === 'garden' ? `Jardin ${c.target}` : c.scope === 'depot' ? `Dépôt ${c.target}` : c.target}</Table.Td>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label="Exporter les adhérents concernés">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Exporter les adhérents concernés par « ${c.label} »`} onClick={() => onExport(c)}>
                      <IconFileSpreadsheet size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {!readOnly && (
                    <Tooltip label="Supprimer">
                      <ActionIcon variant="subtle" color="red" aria-label={`Supprimer la fermeture « ${c.label} »`} onClick={() => onDelete(c)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Closures of the organisation, a garden or a depot: upcoming first, then past ones. */
export function ClosureList({ today, onChanged }: { today: IsoDate; onChanged(): void }) {
  const api = useApi();
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const closures = useApiQuery('closure-list', {});
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Closure | null>(null);
  const all = closures.data ?? [];
  const upcoming = all.filter((c) => c.toDate >= today);
  const past = all.filter((c) => c.toDate < today).reverse();

  async function exportAffected(c: Closure) {
    try {
      const impact = await api.call('closure-affected', { id: c.id });
      if (impact.subscribers.length === 0) {
        notifySuccess(`Aucun adhérent n’a de panier pendant « ${c.label} » : rien à exporter.`);
        return;
      }
      downloadAffected(c, impact.subscribers);
      notifySuccess(`${plural(impact.subscribers.length, 'adhérent exporté', 'adhérents exportés')}`);
    } catch (error) {
      notifyError(error, 'Export impossible');
    }
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          Une fermeture retire les paniers prévus sur ses dates : ils ne sont ni préparés ni facturés.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={readOnly}>
          Nouvelle fermeture
        </Button>
      </Group>
      {closures.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="Les fermetures n’ont pas pu être lues" mb="md">
          {closures.error.message}
        </Alert>
      )}
      {closures.data && all.length === 0 && (
        <Alert color="blue" title="Aucune fermeture">
          Les congés d’un jardin, la fermeture d’un dépôt ou une semaine sans livraison se saisissent ici, avec un aperçu des paniers retirés avant d’enregistrer.
        </Alert>
      )}
      {upcoming.length > 0 && (
        <>
          <Title order={3} fz="h5" mb="xs">
            En cours et à venir
          </Title>
          <ClosureTable label="Fermetures à venir" closures={upcoming} readOnly={readOnly} onExport={(c) => void exportAffected(c)} onDelete={setDeleting} />
        </>
      )}
      {past.length > 0 && (
        <>
          <Title order={3} fz="h5" mt="lg" mb="xs">
            Passées
          </Title>
          {/* Past closures cover validated days: they stay as the record of why nothing was delivered. */}
          <ClosureTable label="Fermetures passées" closures={past} readOnly onExport={(c) => void exportAffected(c)} onDelete={setDeleting} />
        </>
      )}
      <ClosureDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          void closures.reload();
          onChanged();
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Supprimer la fermeture"
        message={deleting ? `Supprimer « ${deleting.label} » (${period(deleting)}) ? Les paniers de ces dates redeviennent prévus.` : ''}
        confirmLabel="Supprimer"
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          const done = await runAction(() => api.call('closure-delete', { id: deleting.id }), `Fermeture « ${deleting.label} » supprimée`, 'Fermeture non supprimée');
          if (done) {
            await closures.reload();
            onChanged();
          }
        }}
      />
    </>
  );
}
