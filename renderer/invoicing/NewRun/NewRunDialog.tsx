import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';
import { monthLabel } from '../invoicing-text';
import { BlockerList } from './BlockerList';

type Blocker = OutputOf<'invoice-run-blockers'>[number];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** « Nouvelle facturation »: pick the month, see what blocks it, then prepare the drafts. */
export function NewRunDialog({
  opened,
  defaultMonth,
  runs,
  onClose,
  onPrepared,
}: {
  opened: boolean;
  defaultMonth: string;
  /** The runs already made: a month is invoiced once, so an issued month cannot be prepared again. */
  runs: readonly { month: string; status: 'draft' | 'issued' }[];
  onClose(): void;
  onPrepared(runId: number): void;
}) {
  const api = useApi();
  const [month, setMonth] = useState(defaultMonth);
  const [blockers, setBlockers] = useState<Blocker[] | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = MONTH.test(month);

  useEffect(() => {
    if (!opened || !valid) return;
    let current = true;
    setBlockers(null);
    api.call('invoice-run-blockers', { month }).then(
      (found) => current && setBlockers(found),
      (error: unknown) => notifyError(error, 'Les points à régler n’ont pas pu être lus'),
    );
    return () => {
      current = false;
    };
  }, [api, month, opened, valid]);

  const prepare = async () => {
    setBusy(true);
    try {
      const run = await api.call('invoice-run-prepare', { month });
      onPrepared(run.id);
    } catch (error) {
      notifyError(error, 'Les factures n’ont pas été préparées');
    } finally {
      setBusy(false);
    }
  };
  const existing = runs.find((run) => run.month === month);
  const ready = valid && blockers !== null && blockers.length === 0 && existing?.status !== 'issued';

  return (
    <Modal opened={opened} onClose={onClose} title="Nouvelle facturation" size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void prepare();
        }}
      >
        <Stack gap="md">
          <TextInput
            type="month"
            label="Mois à facturer"
            description="Les paniers livrés ce mois-là, d’après les livraisons validées."
            value={month}
            onChange={(event) => setMonth(event.currentTarget.value)}
            error={valid ? undefined : 'Choisissez un mois (exemple : 2026-04).'}
            data-autofocus
            maw={240}
          />
          {valid && blockers === null && <Loader size="sm" aria-label="Recherche des points à régler" />}
          {blockers && blockers.length > 0 && <BlockerList blockers={blockers} />}
          {existing?.status === 'issued' && (
            <Alert color="gray" title={`${capitalised(monthLabel(month))} est déjà facturé`}>
              Un mois ne se facture qu’une fois : ouvrez sa facturation dans la liste pour retrouver ses factures, ou choisissez un autre mois.
            </Alert>
          )}
          {existing?.status === 'draft' && (
            <Text size="sm" c="dimmed">
              Des brouillons existent déjà pour {monthLabel(month)} : les préparer à nouveau les met à jour, les factures exclues restent exclues.
            </Text>
          )}
          {blockers && blockers.length === 0 && existing?.status !== 'issued' && (
            <Text size="sm">Rien ne bloque la facturation de {monthLabel(month)} : les factures seront préparées en brouillon, à relire avant de les émettre.</Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" disabled={!ready} loading={busy}>
              Préparer les factures
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
