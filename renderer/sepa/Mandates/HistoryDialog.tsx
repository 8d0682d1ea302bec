import { Loader, Modal, Table, Text } from '@mantine/core';
import { useApiQuery } from '../../api/use-api-query';
import { shortDate } from '../sepa-text';

/** The earlier states of a subscriber's mandate, newest first (kept by the database on every change). */
export function HistoryDialog({ subscriberId, name, onClose }: { subscriberId: number; name: string; onClose(): void }) {
  const query = useApiQuery('mandate-history', { subscriberId });
  return (
    <Modal opened onClose={onClose} title={`Historique du mandat — ${name}`} size="xl" centered>
      {query.error && <Text c="red.8">{query.error.message}</Text>}
      {!query.data && !query.error && <Loader size="sm" aria-label="Chargement de l’historique" />}
      {query.data && query.data.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun changement : le mandat est tel qu’il a été saisi.
        </Text>
      )}
      {query.data && query.data.length > 0 && (
        <Table aria-label="Historique du mandat" fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Remplacé le</Table.Th>
              <Table.Th>RUM</Table.Th>
              <Table.Th>IBAN</Table.Th>
              <Table.Th>BIC</Table.Th>
              <Table.Th>Signé le</Table.Th>
              <Table.Th>Révoqué le</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDate(h.replacedAt.slice(0, 10))}</Table.Td>
                <Table.Td>{h.rum || '—'}</Table.Td>
                <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                  {h.iban || '—'}
                </Table.Td>
                <Table.Td>{h.bic || '—'}</Table.Td>
                <Table.Td>{shortDate(h.signedOn) || '—'}</Table.Td>
                <Table.Td>{shortDate(h.revokedOn) || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
