import { Badge, Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { IconCash, IconReceiptRefund, IconWriting } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { LEDGER_KIND_LABELS } from '../../../core/ledger/ledger-labels';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';
import { notifySuccess } from '../../notify/notify';
import { CancelPaymentDialog, type CancellablePayment } from '../payments/CancelPaymentDialog';
import { ChequesDialog } from '../payments/ChequesDialog';
import { PaymentDialog } from '../payments/PaymentDialog';
import { RefundDialog } from '../payments/RefundDialog';
import { SubscriberCheques } from '../payments/SubscriberCheques';

/** Payments that « Annuler » may reverse here; cheques and SEPA debits are undone on their own screens. */
const CANCELLABLE_METHODS = new Set(['transfer', 'cash', 'card']);

type Dialog = { kind: 'payment' } | { kind: 'cheques' } | { kind: 'refund' } | { kind: 'cancel'; payment: CancellablePayment } | null;

/**
 * The subscriber's account: balance, dated entries (invoices, credit notes, payments), the
 * cheques handed in, and the office's payment actions. `version` changes when something else on
 * the page moved money; `onChanged` tells the page after our own changes (its alerts reload).
 */
export function AccountCard({
  subscriberId,
  drawerName = '',
  readOnly = false,
  version = 0,
  onChanged,
}: {
  subscriberId: number;
  /** Pre-filled as the drawer (tireur) of a new cheque. */
  drawerName?: string;
  readOnly?: boolean;
  version?: number;
  onChanged?(): void;
}) {
  const api = useApi();
  const statement = useApiQuery('ledger-statement', { subscriberId });
  const cheques = useApiQuery('cheque-list', { subscriberId });
  const [dialog, setDialog] = useState<Dialog>(null);
  const entries = statement.data?.entries ?? [];
  const balance = (statement.data?.closingCents ?? 0) as Cents;
  const reversed = new Set(entries.map((e) => e.reversesId).filter((id) => id !== null));

  const { reload: reloadStatement } = statement;
  const { reload: reloadCheques } = cheques;
  useEffect(() => {
    if (version > 0) void Promise.all([reloadStatement(), reloadCheques()]);
  }, [version, reloadStatement, reloadCheques]);

  const saved = (message: string) => {
    setDialog(null);
    notifySuccess(message);
    // The page bumps `version` in return, which reloads this card with its alerts.
    if (onChanged) onChanged();
    else void Promise.all([reloadStatement(), reloadCheques()]);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-label="Compte">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={2} fz="h4">
            Compte
          </Title>
          {statement.data && (
            <Badge color={balance < 0 ? 'red' : balance > 0 ? 'leaf' : 'gray'} variant="light" tt="none" size="lg">
              {balance < 0 ? `Doit ${formatEuros((-balance) as Cents)}` : balance > 0 ? `En sa faveur : ${formatEuros(balance)}` : 'Solde nul'}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {!readOnly && statement.data && (
            <>
              <Button size="xs" variant="light" leftSection={<IconCash size={14} />} onClick={() => setDialog({ kind: 'payment' })}>
                Enregistrer un règlement
              </Button>
              <Button size="xs" variant="light" leftSection={<IconWriting size={14} />} onClick={() => setDialog({ kind: 'cheques' })}>
                Enregistrer des chèques
              </Button>
              {balance > 0 && (
                <Button size="xs" variant="default" leftSection={<IconReceiptRefund size={14} />} onClick={() => setDialog({ kind: 'refund' })}>
                  Rembourser l’avance
                </Button>
              )}
            </>
          )}
          <PrintPdfButton
            size="xs"
            label="Imprimer le relevé"
            readyTitle="Relevé de compte prêt"
            disabled={entries.length === 0}
            load={() => api.call('document-ledger-statement', { subscriberId })}
          />
        </Group>
      </Group>
      {statement.data && entries.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucune écriture pour l’instant : les factures, avoirs et règlements apparaîtront ici.
        </Text>
      )}
      {entries.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <Table verticalSpacing={4} fz="sm" aria-label="Écritures du compte" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Libellé</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                <Table.Th ta="right">Solde</Table.Th>
                {!readOnly && <Table.Th w={80} aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...entries].reverse().map((e) => {
                const label = e.label || LEDGER_KIND_LABELS[e.kind];
                const cancellable = e.kind === 'payment' && e.method !== null && CANCELLABLE_METHODS.has(e.method) && !reversed.has(e.id);
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateShortFr(e.date as IsoDate)}</Table.Td>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td ta="right" c={e.amountCents < 0 ? 'red.8' : undefined}>
                      {formatEuros(e.amountCents)}
                    </Table.Td>
                    <Table.Td ta="right">{formatEuros(e.balanceCents)}</Table.Td>
                    {!readOnly && (
                      <Table.Td ta="right" py={0}>
                        {cancellable && (
                          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDialog({ kind: 'cancel', payment: { id: e.id, date: e.date, label, amountCents: e.amountCents } })}>
                            Annuler
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      <SubscriberCheques cheques={cheques.data?.cheques ?? []} />
      {dialog?.kind === 'payment' && <PaymentDialog subscriberId={subscriberId} onClose={() => setDialog(null)} onSaved={(r) => saved(`Règlement de ${formatEuros(r.entry.amountCents)} enregistré`)} />}
      {dialog?.kind === 'cheques' && (
        <ChequesDialog
          subscriberId={subscriberId}
          drawer={drawerName}
          onClose={() => setDialog(null)}
          onSaved={(r) => saved(r.cheques.length > 1 ? `${r.cheques.length} chèques enregistrés` : 'Chèque enregistré')}
        />
      )}
      {dialog?.kind === 'refund' && (
        <RefundDialog subscriberId={subscriberId} creditCents={balance} onClose={() => setDialog(null)} onSaved={(r) => saved(`Remboursement de ${formatEuros((-r.entry.amountCents) as Cents)} enregistré`)} />
      )}
      {dialog?.kind === 'cancel' && <CancelPaymentDialog payment={dialog.payment} onClose={() => setDialog(null)} onSaved={() => saved('Règlement annulé')} />}
    </Paper>
  );
}
