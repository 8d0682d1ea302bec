import { Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconPlus, IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import type { IsoDate } from '../../../core/dates/dates';
import { cents, formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { plural } from '../payments-text';
import { ChequeGrid } from './ChequeGrid';
import { emptyLine, errorsByLine, linesInput, MAX_LINES, nextLine, repeatLines, type ChequeLine, type LineField } from './cheque-lines';
import { SubscriberPicker, type PickedSubscriber } from './SubscriberPicker';

/**
 * « Enregistrer des chèques »: the cheques a subscriber hands in together, postdated ones
 * included (« encaissés aux dates prévues »). Each is credited to their account at once.
 */
export function RecordChequesDialog({ today, onClose, onRecorded }: { today: IsoDate; onClose(): void; onRecorded(): void }) {
  const api = useApi();
  const [subscriber, setSubscriber] = useState<PickedSubscriber | null>(null);
  const [lines, setLines] = useState<ChequeLine[]>([emptyLine(today, '')]);
  const [lineErrors, setLineErrors] = useState<Record<number, Partial<Record<LineField, string>>>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [subscriberError, setSubscriberError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const change = (index: number, patch: Partial<ChequeLine>) => setLines((all) => all.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const pick = (next: PickedSubscriber | null) => {
    // The drawer is the subscriber unless someone else signed: follow the choice on lines still showing the old name.
    const previous = subscriber?.name ?? '';
    setLines((all) => all.map((line) => (line.drawer === previous ? { ...line, drawer: next?.name ?? '' } : line)));
    setSubscriber(next);
  };

  const { cheques, sent, errors: amountErrors } = linesInput(lines);
  const total = cents(cheques.reduce((sum, c) => sum + (Number.isFinite(c.amountCents) ? c.amountCents : 0), 0));

  const submit = async () => {
    setLineErrors({});
    setOtherErrors([]);
    setSubscriberError(undefined);
    if (!subscriber) {
      setSubscriberError('Choisissez l’adhérent qui remet les chèques.');
      return;
    }
    if (Object.keys(amountErrors).length) {
      setLineErrors(errorsByLine(amountErrors, lines.map((_, i) => i)).byLine);
      return;
    }
    if (cheques.length === 0) {
      setOtherErrors(['Saisissez au moins un chèque (numéro et montant).']);
      return;
    }
    setBusy(true);
    try {
      const recorded = await api.call('cheque-record', { subscriberId: subscriber.id, cheques });
      const sum = cents(recorded.cheques.reduce((s, c) => s + c.amountCents, 0));
      notifySuccess(`${plural(recorded.cheques.length, 'chèque enregistré', 'chèques enregistrés')} pour ${subscriber.name} : ${formatEuros(sum)} crédités sur son compte`);
      onRecorded();
    } catch (error) {
      if (error instanceof ValidationError) {
        const { subscriberId, ...fields } = error.fields;
        const { byLine, other } = errorsByLine(fields, sent);
        setSubscriberError(subscriberId);
        setLineErrors(byLine);
        setOtherErrors(other.length || Object.keys(byLine).length || subscriberId ? other : [error.message]);
      } else {
        notifyError(error, 'Les chèques n’ont pas été enregistrés');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Enregistrer des chèques" size={1040} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <SubscriberPicker value={subscriber} error={subscriberError} onChange={pick} />
          <ChequeGrid
            lines={lines}
            errors={lineErrors}
            onChange={change}
            onRemove={(index) => {
              setLines((all) => all.filter((_, i) => i !== index));
              setLineErrors({});
            }}
          />
          <Group gap="sm">
            <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} disabled={lines.length >= MAX_LINES} onClick={() => setLines((all) => [...all, nextLine(all, today, subscriber?.name ?? '')])}>
              Ajouter une ligne
            </Button>
            <Menu position="bottom-start">
              <Menu.Target>
                <Button variant="default" size="xs" leftSection={<IconRepeat size={14} />} rightSection={<IconChevronDown size={14} />} disabled={lines.length < 2}>
                  Répéter les dates
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>À partir de la date prévue du chèque 1</Menu.Label>
                <Menu.Item onClick={() => setLines((all) => repeatLines(all, 1))}>Tous les mois</Menu.Item>
                <Menu.Item onClick={() => setLines((all) => repeatLines(all, 3))}>Tous les trimestres</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Text size="sm" ml="auto" aria-label="Total des chèques saisis">
              {plural(cheques.length, 'chèque')} · total <b>{formatEuros(total)}</b>
            </Text>
          </Group>
          {otherErrors.length > 0 && (
            <Alert color="red" variant="light" p="sm">
              {otherErrors.map((message) => (
                <Text key={message} size="sm">
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            Chaque chèque est crédité sur le compte de l’adhérent à sa date de réception ; il apparaît dans « À remettre en banque » à sa date d’encaissement prévue.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={busy}>
              Enregistrer {cheques.length > 1 ? `les ${cheques.length} chèques` : 'le chèque'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
