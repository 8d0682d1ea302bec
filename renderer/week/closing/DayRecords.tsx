import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Stack, Table, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { RECORD_STATUS_LABELS, type DeliveryRecord, type RecordStatus } from '../../../core/deliveries/closing-handlers';
import { useAppState } from '../../state/app-store';
import { plural } from '../week-groups';
import { CorrectionDialog, type CorrectionRequest, type CorrectionStatus } from './CorrectionDialog';
import { CreditNoteOffer, type CreditNoteProposal } from './CreditNoteOffer';

const STATUS_COLOURS: Record<RecordStatus, string> = {
  delivered: 'leaf',
  not_collected: 'orange',
  not_delivered: 'red',
  cancelled: 'gray',
  closure: 'gray',
  holiday_skipped: 'gray',
};

const CORRECTIONS: { status: CorrectionStatus; label: string }[] = [
  { status: 'not_collected', label: 'Marquer « Non retiré »' },
  { status: 'not_delivered', label: 'Marquer « Non livré »' },
  { status: 'delivered', label: 'Remettre « Livré »' },
];

const CORRECTABLE: readonly RecordStatus[] = ['delivered', 'not_collected', 'not_delivered'];

function formatStamp(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleDateString('fr-FR')} à ${date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`;
}

function byDepot(records: readonly DeliveryRecord[]): [string, DeliveryRecord[]][] {
  const groups = new Map<string, DeliveryRecord[]>();
  for (const record of records) groups.set(record.depotName, [...(groups.get(record.depotName) ?? []), record]);
  return [...groups.entries()];
}

/** A validated day: what was really delivered, per depot, with each correction's trail. */
export function DayRecords({ records, readOnly, onCorrected }: { records: readonly DeliveryRecord[]; readOnly: boolean; onCorrected(): void }) {
  const [correcting, setCorrecting] = useState<CorrectionRequest | null>(null);
  const [proposal, setProposal] = useState<CreditNoteProposal | null>(null);
  const openSubscriber = useAppState((s) => s.openSubscriber);
  return (
    <Stack gap="sm">
      {byDepot(records).map(([depotName, list]) => {
        const delivered = list.filter((r) => r.status === 'delivered').reduce((n, r) => n + r.quantity, 0);
        return (
          <Paper withBorder radius="sm" key={depotName} component="section" aria-label={`Livraisons de ${depotName}`}>
            <Group px="sm" py={6} bg="gray.0" gap="xs">
              <Text fw={600} size="sm">
                {depotName}
              </Text>
              <Text size="sm" c="dimmed">
                {plural(delivered, 'panier livré', 'paniers livrés')}
              </Text>
            </Group>
            <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={`Livraisons enregistrées de ${depotName}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">Adhérent</Table.Th>
                  <Table.Th w="20%">Formule</Table.Th>
                  <Table.Th w={50} ta="right">
                    Qté
                  </Table.Th>
                  <Table.Th>Statut</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((record) => {
                  const correctable = CORRECTABLE.includes(record.status);
                  return (
                    <Table.Tr key={record.id} c={correctable ? undefined : 'dimmed'}>
                      <Table.Td>
                        <Anchor component="button" type="button" size="sm" c={correctable ? 'dark' : 'dimmed'} onClick={() => openSubscriber(record.subscriberId)}>
                          {record.subscriberName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{record.formulaName}</Table.Td>
                      <Table.Td ta="right">{record.quantity}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Badge size="sm" variant="light" color={STATUS_COLOURS[record.status]}>
                            {RECORD_STATUS_LABELS[record.status]}
                          </Badge>
                          {record.note && !correctable && (
                            <Text size="xs" c="dimmed" span>
                              {record.note}
                            </Text>
                          )}
                        </Group>
                        {record.corrections.map((c, i) => (
                          <Text key={i} size="xs" c="dimmed">
                            Corrigé le {formatStamp(c.correctedAt)} par {c.correctedBy} : {RECORD_STATUS_LABELS[c.previousStatus as RecordStatus] ?? c.previousStatus} →{' '}
                            {RECORD_STATUS_LABELS[c.newStatus as RecordStatus] ?? c.newStatus} ({c.reason})
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {correctable && !readOnly && (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={`Corriger la livraison de ${record.subscriberName}`}>
                                <IconDots size={16} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {CORRECTIONS.filter((c) => c.status !== record.status).map((c) => (
                                <Menu.Item key={c.status} onClick={() => setCorrecting({ record, status: c.status })}>
                                  {c.label}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
      <CorrectionDialog
        request={correcting}
        onClose={() => setCorrecting(null)}
        onSaved={(proposal) => {
          setCorrecting(null);
          setProposal(proposal);
          onCorrected();
        }}
      />
      <CreditNoteOffer proposal={proposal} onClose={() => setProposal(null)} />
    </Stack>
  );
}
