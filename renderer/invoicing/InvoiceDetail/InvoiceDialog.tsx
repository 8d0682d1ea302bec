import { Badge, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { PrintPdfButton } from '../print/PrintPdfButton';
import { CreditNoteDialog } from '../CreditNote/CreditNoteDialog';
import { INVOICE_STATUS_LABELS, monthLabel } from '../invoicing-text';
import { InvoiceLines } from './InvoiceLines';

function Sum({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : undefined}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}

/** One invoice, draft or issued: who, which lines, the totals down to the amount due; « Avoir » once issued. */
export function InvoiceDialog({ invoiceId, onClose }: { invoiceId: number; onClose(): void }) {
  const api = useApi();
  const query = useApiQuery('invoice-get', { id: invoiceId });
  const [crediting, setCrediting] = useState(false);
  const invoice = query.data;
  const who = invoice ? `${invoice.snapshot.subscriber.firstName} ${invoice.snapshot.subscriber.lastName}`.trim() : '';
  const title = invoice ? `${invoice.number ? `Facture ${invoice.number}` : 'Facture en brouillon'} — ${who}` : 'Facture';

  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      {!invoice ? (
        query.error ? <Text c="red">{query.error.message}</Text> : <Loader aria-label="Chargement de la facture" />
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color={invoice.status === 'issued' ? 'leaf' : invoice.status === 'excluded' ? 'gray' : 'yellow'}>
              {INVOICE_STATUS_LABELS[invoice.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              Paniers de {monthLabel(invoice.month)}
              {invoice.issueDate ? ` · émise le ${formatDateShortFr(invoice.issueDate as IsoDate)}` : ''}
              {` · ${invoice.snapshot.subscriber.addressLine1}, ${invoice.snapshot.subscriber.postcode} ${invoice.snapshot.subscriber.city}`}
            </Text>
          </Group>
          <InvoiceLines invoice={invoice} />
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ flex: 1 }}>
              {invoice.creditNotes.map((note) => (
                <Group key={note.id} gap="xs" wrap="nowrap">
                  <Text size="sm">
                    Avoir {note.number} du {formatDateShortFr(note.issueDate as IsoDate)} : {formatEuros(note.grossCents)} — {note.reason}
                  </Text>
                  <PrintPdfButton
                    label="PDF"
                    aria-label={`PDF de l’avoir ${note.number}`}
                    readyTitle="Avoir prêt"
                    size="compact-xs"
                    variant="subtle"
                    style={{ flexShrink: 0 }}
                    load={() => api.call('document-credit-note', { creditNoteId: note.id })}
                  />
                </Group>
              ))}
            </Stack>
            <Table aria-label="Totaux de la facture" w={320} verticalSpacing={2} fz="sm">
              <Table.Tbody>
                <Sum label="Total HT" value={formatEuros(invoice.netCents)} />
                <Sum label="TVA" value={formatEuros(invoice.vatCents)} />
                <Sum label="Total TTC" value={formatEuros(invoice.grossCents)} />
                {invoice.balanceForwardCents !== 0 && <Sum label="Report de solde" value={formatEuros(invoice.balanceForwardCents)} />}
                {invoice.creditAppliedCents !== 0 && <Sum label="Avance déduite" value={formatEuros(invoice.creditAppliedCents)} />}
                <Sum label="Montant dû" value={formatEuros(invoice.amountDueCents)} strong />
                {invoice.creditRemainingCents !== 0 && <Sum label="Avance restante" value={formatEuros(invoice.creditRemainingCents)} />}
              </Table.Tbody>
            </Table>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Fermer
            </Button>
            {invoice.status === 'issued' && (
              <PrintPdfButton label="Imprimer / PDF" readyTitle="Facture prête" load={() => api.call('document-invoice', { invoiceId: invoice.id })} />
            )}
            {invoice.status === 'issued' && (
              <Button variant="light" leftSection={<IconReceiptRefund size={16} />} onClick={() => setCrediting(true)}>
                Avoir
              </Button>
            )}
          </Group>
          {invoice.status === 'issued' && (
            <CreditNoteDialog
              invoice={invoice}
              opened={crediting}
              onClose={() => setCrediting(false)}
              onCreated={() => {
                setCrediting(false);
                void query.reload();
              }}
            />
          )}
        </Stack>
      )}
    </Modal>
  );
}
