import { Anchor, Button, Checkbox, Group, Loader, Pagination, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { toCsv, type CsvColumn } from '../../../core/export/csv';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';
import { notifySuccess } from '../../notify/notify';
import { csvEuros as euros } from '../../shared/csv-values';
import { downloadText } from '../../shared/download';
import { useAppState } from '../../state/app-store';
import { MoneyTd } from '../common/Money';
import { NameLink } from '../common/NameLink';
import { usePaged } from '../common/paged';
import { useExclusion } from '../common/selection';
import { useReloadOn } from '../common/use-reload-on';
import { plural } from '../payments-text';

type Row = OutputOf<'low-balance-list'>['subscribers'][number];

const basketCount = (row: Row) => row.baskets.reduce((sum, b) => sum + b.quantity, 0);

const CSV_COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'Adhérent', value: (r) => r.name },
  { header: 'E-mail', value: (r) => r.email },
  { header: 'Dépôt', value: (r) => r.depotName },
  { header: 'Solde (€)', value: (r) => euros(r.balanceCents) },
  { header: 'Paniers attendus', value: basketCount },
  { header: 'Montant attendu (€)', value: (r) => euros(r.expectedBasketsCents) },
  { header: 'Solde prévu fin de mois (€)', value: (r) => euros(r.expectedBalanceCents) },
  { header: 'Montant trimestriel (€)', value: (r) => (r.quarterly ? euros(r.quarterly.amountCents) : '') },
];

/** « Soldes bas »: cheque payers whose balance will not cover the month, to ask for new cheques. */
export function LowBalances({ version }: { version: number }) {
  const api = useApi();
  const navigate = useAppState((s) => s.navigate);
  const setSettingsTab = useAppState((s) => s.setSettingsTab);
  const list = useApiQuery('low-balance-list', {});
  useReloadOn(version, list.reload);
  const rows = list.data?.subscribers ?? [];
  const { excluded, toggle, setAll } = useExclusion();
  const chosen = rows.filter((r) => !excluded.has(r.subscriberId));
  const paged = usePaged(rows);

  const copyEmails = async () => {
    const emails = chosen.map((r) => r.email).filter(Boolean);
    const missing = chosen.length - emails.length;
    try {
      // « ; » : the separator Outlook expects; Thunderbird and webmails take it too.
      await navigator.clipboard.writeText(emails.join('; '));
      notifySuccess(`${plural(emails.length, 'adresse e-mail copiée', 'adresses e-mail copiées')}${missing ? ` (${plural(missing, 'adhérent')} sans e-mail : à prévenir par courrier)` : ''}`);
    } catch {
      notifications.show({ color: 'red', title: 'Copie impossible', message: 'Le presse-papiers n’est pas accessible : utilisez « Exporter (CSV) ».', withBorder: true });
    }
  };

  const settingsLink = (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => {
        setSettingsTab('payments');
        navigate('settings');
      }}
    >
      Paramètres → Règlements
    </Anchor>
  );

  return (
    <Stack gap="md">
      {list.data && (
        <Text size="sm" c="dimmed">
          Adhérents payant par chèque dont le solde, une fois réglés les paniers attendus du {formatDateShortFr(list.data.from as IsoDate)} au {formatDateShortFr(list.data.to as IsoDate)}, passe sous le
          seuil de <b>{formatEuros(list.data.thresholdCents)}</b> (à régler dans {settingsLink}).
        </Text>
      )}
      {!list.data ? (
        <Loader size="sm" />
      ) : rows.length === 0 ? (
        <Text size="sm">Aucun solde bas : tous les adhérents payant par chèque ont de quoi couvrir leurs paniers du mois.</Text>
      ) : (
        <>
          <Group gap="sm">
            <PrintPdfButton
              label={`Lettres (PDF) · ${chosen.length}`}
              readyTitle="Lettres prêtes"
              disabled={chosen.length === 0}
              load={() => api.call('document-low-balance-letters', { subscriberIds: chosen.map((r) => r.subscriberId) })}
            />
            <Button variant="default" leftSection={<IconCopy size={16} />} disabled={chosen.length === 0} onClick={() => void copyEmails()}>
              Copier les adresses e-mail
            </Button>
            <Button variant="default" leftSection={<IconDownload size={16} />} disabled={chosen.length === 0} onClick={() => downloadText(`soldes-bas-${list.data?.from ?? ''}.csv`, toCsv(CSV_COLUMNS, chosen))}>
              Exporter (CSV)
            </Button>
            <Text size="sm" c="dimmed" ml="auto">
              {plural(chosen.length, 'adhérent sélectionné', 'adhérents sélectionnés')} sur {rows.length}
            </Text>
          </Group>
          <Paper withBorder>
            <Table stickyHeader stickyHeaderOffset={64} highlightOnHover verticalSpacing={5} fz="sm" aria-label="Soldes bas" aria-busy={list.loading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label="Tout sélectionner"
                      checked={rows.length > 0 && chosen.length === rows.length}
                      indeterminate={chosen.length > 0 && chosen.length < rows.length}
                      onChange={(event) => setAll(rows.map((r) => r.subscriberId), event.currentTarget.checked)}
                    />
                  </Table.Th>
                  <Table.Th>Adhérent</Table.Th>
                  <Table.Th>Dépôt</Table.Th>
                  <Table.Th ta="right">Solde</Table.Th>
                  <Table.Th ta="right">Paniers attendus</Table.Th>
                  <Table.Th ta="right">Solde prévu fin de mois</Table.Th>
                  <Table.Th ta="right">Montant trimestriel</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paged.shown.map((r) => (
                  <Table.Tr key={r.subscriberId}>
                    <Table.Td>
                      <Checkbox aria-label={`Sélectionner ${r.name}`} checked={!excluded.has(r.subscriberId)} onChange={(event) => toggle(r.subscriberId, event.currentTarget.checked)} />
                    </Table.Td>
                    <Table.Td>
                      <NameLink subscriberId={r.subscriberId} name={r.name} />
                      {!r.email && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          · sans e-mail
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{r.depotName}</Table.Td>
                    <MoneyTd amount={r.balanceCents} red={r.balanceCents < 0} />
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      <Tooltip label={`dont ${formatEuros(r.uninvoicedCents)} de paniers déjà livrés, pas encore facturés`} disabled={r.uninvoicedCents === 0}>
                        <span>
                          {basketCount(r)} · {formatEuros(r.expectedBasketsCents)}
                        </span>
                      </Tooltip>
                    </Table.Td>
                    <MoneyTd amount={r.expectedBalanceCents} red={r.expectedBalanceCents < 0} bold />
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {r.quarterly ? formatEuros(r.quarterly.amountCents) : <Text span c="dimmed" size="sm">—</Text>}
                    </Table.Td>
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
        </>
      )}
    </Stack>
  );
}
