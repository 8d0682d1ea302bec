import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AppError, ValidationError } from '../../../core/api/errors';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';

type Request = OutputOf<'portal-request-list'>[number];

/** What the office is deciding: a refusal (motive required), or an acceptance that needs a forcing reason. */
export type Decision = { kind: 'reject'; request: Request } | { kind: 'force'; request: Request; why: string };

const TEXT = {
  reject: {
    title: 'Refuser la demande',
    label: 'Motif du refus',
    help: 'Le portail transmettra ce motif à l’adhérent.',
    button: 'Refuser la demande',
  },
  force: {
    title: 'Accepter en dépassant la capacité',
    label: 'Raison du dépassement de capacité',
    help: 'Elle reste dans l’historique de l’abonnement.',
    button: 'Accepter quand même',
  },
} as const;

/** The motive of a refusal, or the reason to force a full depot; Enter submits, Escape closes. */
export function DecisionDialog({ decision, onClose, onDone }: { decision: Decision | null; onClose(): void; onDone(): void }) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReason('');
    setError(null);
  }, [decision]);

  if (!decision) return null;
  const text = TEXT[decision.kind];
  const { request } = decision;

  const submit = async () => {
    setBusy(true);
    try {
      if (decision.kind === 'reject') await api.call('portal-request-reject', { id: request.id, reason });
      else await api.call('portal-request-accept', { id: request.id, reason });
      notifySuccess(decision.kind === 'reject' ? 'Demande refusée : le motif partira au portail au prochain export.' : 'Demande acceptée et appliquée.');
      onDone();
    } catch (failure) {
      if (failure instanceof ValidationError && failure.fields.reason) setError(failure.fields.reason);
      else if (failure instanceof AppError) setError(failure.message);
      else notifyError(failure, 'La décision n’a pas été enregistrée');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={text.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {request.subscriberName || request.portalId} — {request.typeLabel} : {request.summary}
          </Text>
          {decision.kind === 'force' && (
            <Text size="sm" c="orange.8">
              {decision.why}
            </Text>
          )}
          <Textarea
            label={text.label}
            description={text.help}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              // Enter submits like every dialog; Shift+Enter still makes a new line.
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                void submit();
              }
            }}
            error={error}
            autosize
            minRows={2}
            data-autofocus
            withAsterisk
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color={decision.kind === 'reject' ? 'red' : undefined} loading={busy}>
              {text.button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
