import { Alert, Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import type { QueryState } from '../../api/use-api-query';
import { notifyError, notifySuccess } from '../../notify/notify';
import { useAppState } from '../../state/app-store';
import { DecisionDialog, type Decision } from './DecisionDialog';

type Requests = OutputOf<'portal-request-list'>;
type Request = Requests[number];

/**
 * The requests the portal sent that the rules held back, each with its reason: the office
 * accepts (with the override its own screens allow) or refuses with a motive.
 */
export function WaitingRequests({ requests, readOnly, onDecided }: { requests: QueryState<Requests>; readOnly: boolean; onDecided(): void }) {
  const api = useApi();
  const openSubscriber = useAppState((s) => s.openSubscriber);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [accepting, setAccepting] = useState<number | null>(null);

  const accept = async (request: Request) => {
    setAccepting(request.id);
    try {
      await api.call('portal-request-accept', { id: request.id, reason: '' });
      notifySuccess('Demande acceptée et appliquée.');
      onDecided();
    } catch (error) {
      // A full depot: the backend asks for the forcing reason, as the subscription screen does.
      if (error instanceof ValidationError && error.fields.reason) setDecision({ kind: 'force', request, why: error.fields.reason });
      else notifyError(error, 'La demande n’a pas pu être acceptée');
    } finally {
      setAccepting(null);
    }
  };

  if (requests.error) return <Alert color="red" title="Les demandes en attente n’ont pas pu être lues">{requests.error.message}</Alert>;
  if (!requests.data) return <Loader size="sm" aria-label="Chargement des demandes en attente" />;
  const rows = requests.data;

  return (
    <>
      <Text size="sm" c="dimmed">
        {rows.length === 0 ? 'Aucune demande en attente.' : `${rows.length} demande${rows.length > 1 ? 's' : ''} en attente d’une décision.`}
      </Text>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={800} maxHeight={420}>
          <Table stickyHeader striped highlightOnHover aria-label="Demandes en attente" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Adhérent</Table.Th>
                <Table.Th>Demande</Table.Th>
                <Table.Th>Ce qui est demandé</Table.Th>
                <Table.Th>Pourquoi elle attend</Table.Th>
                <Table.Th aria-label="Décision" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>
                    {request.subscriberId !== null ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => openSubscriber(request.subscriberId)}>
                        {request.subscriberName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Inconnu ({request.portalId})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.typeLabel}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.summary}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="orange.9">
                      {request.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        disabled={readOnly || request.subscriberId === null}
                        loading={accepting === request.id}
                        onClick={() => void accept(request)}
                        aria-label={`Accepter la demande de ${request.subscriberName || request.portalId}`}
                      >
                        Accepter
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        disabled={readOnly}
                        onClick={() => setDecision({ kind: 'reject', request })}
                        aria-label={`Refuser la demande de ${request.subscriberName || request.portalId}`}
                      >
                        Refuser
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          onDecided();
        }}
      />
    </>
  );
}
