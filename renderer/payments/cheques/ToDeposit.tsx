import { Alert, Button, Checkbox, Group, Loader, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { formatDateShortFr, isIsoDate, type IsoDate } from '../../../core/dates/dates';
import { cents, formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import type { PdfFile } from '../../week/print/pdf-output';
import { PdfReadyDialog } from '../../week/print/PdfReadyDialog';
import { MoneyTd } from '../common/Money';
import { DrawerCell } from './DrawerCell';
import { usePaged } from '../common/paged';
import { useExclusion } from '../common/selection';
import { useReloadOn } from '../common/use-reload-on';
import { plural } from '../payments-text';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** « À remettre en banque »: the cheques in hand due by a day, all checked, and the slip for the checked ones. */
export function ToDeposit({ today, version, readOnly, onChanged }: { today: IsoDate; version: number; readOnly: boolean; onChanged(): void }) {
  const api = useApi();
  const [dueByText, setDueByText] = useState<string>(today);
  const [dueBy, setDueBy] = useState<IsoDate>(today);
  const [depositDate, setDepositDate] = useState<string>(today);
  const list = useApiQuery('cheque-list', { dueBy, search: '' });
  useReloadOn(version, list.reload);
  const { excluded, toggle, setAll, reset } = useExclusion();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [early, setEarly] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState<PdfFile | null>(null);

  const cheques = list.data?.cheques ?? [];
  const chosen = cheques.filter((c) => !excluded.has(c.id));
  const total = cents(chosen.reduce((sum, c) => sum + c.amountCents, 0));
  const paged = usePaged(cheques);

  const create = async (allowEarly: boolean) => {
    setErrors({});
    setEarly(null);
    setBusy(true);
    try {
      const slip = await api.call('deposit-slip-create', { chequeIds: chosen.map((c) => c.id), depositDate, allowEarly });
      notifySuccess(slip.message);
      reset();
      onChanged();
      try {
        setPdf(await api.call('document-deposit-slip', { slipId: slip.slip.id }));
      } catch (error) {
        notifyError(error, 'Le bordereau est enregistré, mais son PDF n’a pas pu être préparé (onglet Bordereaux → Imprimer)');
      }
    } catch (error) {
      const plannedLater = isIsoDate(depositDate) && chosen.some((c) => c.plannedDepositOn > depositDate);
      if (error instanceof ValidationError && error.fields.depositDate && plannedLater && !allowEarly) setEarly(error.fields.depositDate);
      else if (error instanceof ValidationError) setErrors(error.fields);
      else notifyError(error, 'Le bordereau n’a pas été créé');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateField
            label="Prévus jusqu’au"
            width={150}
            value={dueByText}
            error={dueByText && !isIsoDate(dueByText) ? 'Date invalide (jj/mm/aaaa).' : undefined}
            onChange={(value) => {
              setDueByText(value);
              if (isIsoDate(value)) setDueBy(value);
            }}
          />
          <DateField label="Date de remise" width={150} value={depositDate} error={errors.depositDate} onChange={setDepositDate} />
          <Text size="sm" style={{ flex: 1 }} aria-live="polite" aria-label="Sélection à remettre">
            <b>{plural(chosen.length, 'chèque')}</b> sélectionné{chosen.length > 1 ? 's' : ''} sur {cheques.length} · total <b>{formatEuros(total)}</b>
          </Text>
          <Button leftSection={<IconFileInvoice size={16} />} loading={busy} disabled={readOnly || chosen.length === 0} onClick={() => void create(false)}>
            Créer le bordereau
          </Button>
        </Group>
        {errors.chequeIds && (
          <Text size="sm" c="red" mt="sm">
            {errors.chequeIds}
          </Text>
        )}
        {early && (
          <Alert color="orange" mt="md" title="Remise avant la date prévue">
            <Stack gap="sm">
              <Text size="sm">{early}</Text>
              <Group gap="sm">
                <Button size="xs" color="orange" loading={busy} onClick={() => void create(true)}>
                  Remettre quand même
                </Button>
                <Button size="xs" variant="default" onClick={() => setEarly(null)}>
                  Annuler
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Paper>

      {!list.data ? (
        <Loader size="sm" />
      ) : cheques.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucun chèque en main à remettre jusqu’au {formatDateShortFr(dueBy)}. Les chèques enregistrés avec une date d’encaissement plus tardive apparaîtront à leur date.
        </Text>
      ) : (
        <Paper withBorder>
          <Table stickyHeader stickyHeaderOffset={64} highlightOnHover verticalSpacing={5} fz="sm" aria-label="Chèques à remettre" aria-busy={list.loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Tout sélectionner"
                    checked={cheques.length > 0 && chosen.length === cheques.length}
                    indeterminate={chosen.length > 0 && chosen.length < cheques.length}
                    onChange={(event) => setAll(cheques.map((c) => c.id), event.currentTarget.checked)}
                  />
                </Table.Th>
                <Table.Th>Encaissement prévu</Table.Th>
                <Table.Th>Adhérent</Table.Th>
                <Table.Th>Banque</Table.Th>
                <Table.Th>N°</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paged.shown.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Checkbox aria-label={`Remettre le chèque n° ${c.number} de ${c.drawer}`} checked={!excluded.has(c.id)} onChange={(event) => toggle(c.id, event.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{formatDateShortFr(c.plannedDepositOn as IsoDate)}</Table.Td>
                  <Table.Td>
                    <DrawerCell cheque={c} />
                  </Table.Td>
                  <Table.Td>{c.bank}</Table.Td>
                  <Table.Td style={NOWRAP}>{c.number}</Table.Td>
                  <MoneyTd amount={c.amountCents} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {paged.pages > 1 && (
            <Group justify="center" p="sm">
              <Pagination total={paged.pages} value={paged.page} onChange={paged.setPage} size="sm" />
            </Group>
          )}
        </Paper>
      )}
      <PdfReadyDialog file={pdf} title="Bordereau de remise prêt" onClose={() => setPdf(null)} />
    </Stack>
  );
}
