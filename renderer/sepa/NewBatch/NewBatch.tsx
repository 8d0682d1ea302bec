import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { isIsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { monthLabel } from '../../invoicing/invoicing-text';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import { ExcludedInvoices } from '../common/ExcludedInvoices';
import { plural, shortDate } from '../sepa-text';
import { PlannedDebits } from './PlannedDebits';

type Preview = OutputOf<'sepa-batch-preview'>;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** « Nouveau prélèvement »: pick an issued run, check the date and what goes in, then create the batch. */
export function NewBatch({ onBack, onCreated }: { onBack(): void; onCreated(batchId: number): void }) {
  const api = useApi();
  const runs = useApiQuery('invoice-run-list', {});
  // Issued runs only, newest month first (the backend already sorts by month, descending).
  const issued = useMemo(() => (runs.data ?? []).filter((run) => run.status === 'issued'), [runs.data]);
  const [runId, setRunId] = useState<number | null>(null);
  const [date, setDate] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [dateError, setDateError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const previewRef = useRef<Preview | null>(null);
  previewRef.current = preview;

  useEffect(() => {
    if (runId === null && issued[0]) setRunId(issued[0].id);
  }, [issued, runId]);

  // A new run: the backend suggests its date (the one the invoices announced, or the earliest allowed).
  useEffect(() => {
    if (runId === null) return;
    let current = true;
    api.call('sepa-batch-preview', { runId }).then(
      (found) => {
        if (!current) return;
        setPreview(found);
        setDate(found.collectionDate);
        setDateError(found.dateProblem ?? undefined);
      },
      (error: unknown) => current && notifyError(error, 'Le prélèvement n’a pas pu être préparé'),
    );
    return () => {
      current = false;
    };
  }, [api, runId]);

  // A typed date: the backend says whether it is allowed, and why not, as soon as it is a whole date.
  useEffect(() => {
    if (runId === null || !isIsoDate(date) || (previewRef.current?.runId === runId && previewRef.current.collectionDate === date)) return;
    let current = true;
    api.call('sepa-batch-preview', { runId, collectionDate: date }).then(
      (found) => {
        if (!current) return;
        setPreview(found);
        setDateError(found.dateProblem ?? undefined);
      },
      (error: unknown) => current && notifyError(error, 'Le prélèvement n’a pas pu être préparé'),
    );
    return () => {
      current = false;
    };
  }, [api, runId, date]);

  const shownPreview = preview && preview.runId === runId ? preview : null;
  const ready = shownPreview !== null && shownPreview.collectionDate === date && !dateError && shownPreview.count > 0;

  const create = async () => {
    // Enter with a half-typed date: say what is expected (not while typing, it would flash red).
    if (!isIsoDate(date)) setDateError(date === '' ? 'Indiquez la date de prélèvement (jj/mm/aaaa).' : 'Date de prélèvement invalide : tapez-la sous la forme jj/mm/aaaa.');
    if (!ready || runId === null) return;
    setBusy(true);
    try {
      const batch = await api.call('sepa-batch-create', { runId, collectionDate: date });
      notifySuccess(`Lot n° ${batch.id} créé : ${plural(batch.count, 'prélèvement')} pour ${formatEuros(batch.totalCents)}, le ${shortDate(batch.collectionDate)}`);
      onCreated(batch.id);
    } catch (error) {
      if (error instanceof ValidationError && error.fields.collectionDate) setDateError(error.fields.collectionDate);
      notifyError(error, 'Le lot n’a pas été créé');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content" px={0}>
        Tous les prélèvements
      </Button>
      <Title order={1} fz="h2">
        Nouveau prélèvement
      </Title>
      {runs.data && issued.length === 0 ? (
        <Alert color="blue" variant="light" title="Aucune facturation émise">
          Un prélèvement se fait à partir d’une facturation émise. Émettez d’abord les factures du mois dans l’écran Facturation.
        </Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <Card withBorder padding="lg">
            <Group align="flex-start" gap="md">
              <Select
                label="Facturation"
                w={300}
                data={issued.map((run) => ({ value: String(run.id), label: `${capitalised(monthLabel(run.month))} — ${plural(run.count, 'facture')}` }))}
                value={runId === null ? null : String(runId)}
                onChange={(value) => {
                  if (!value) return;
                  setRunId(Number(value));
                  setDate('');
                  setPreview(null);
                }}
                allowDeselect={false}
              />
              <DateField
                label="Date de prélèvement"
                width={200}
                value={date}
                error={dateError}
                required
                onChange={(value) => {
                  setDateError(undefined);
                  setDate(value);
                }}
              />
              <Button type="submit" leftSection={<IconCheck size={16} />} disabled={!ready} loading={busy} ml="auto" mt={25}>
                Créer le lot
              </Button>
            </Group>
            {shownPreview && (
              <Text size="sm" c="dimmed" mt="xs">
                Date proposée : le {shortDate(shownPreview.suggestedDate)}, celle qu’annoncent les factures. Au plus tôt : le {shortDate(shownPreview.earliestDate)} (factures du{' '}
                {shortDate(shownPreview.invoiceDate)}, délai de pré-notification, remise à la banque un jour ouvré avant).
              </Text>
            )}
          </Card>
        </form>
      )}
      {runId !== null && !shownPreview && <Loader size="sm" aria-label="Préparation du prélèvement" />}
      {shownPreview && (
        <>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="xs" align="baseline">
              <Title order={2} fz="h4">
                {plural(shownPreview.count, 'prélèvement')} pour {formatEuros(shownPreview.totalCents)}
              </Title>
              {shownPreview.otherMethods > 0 && (
                <Text size="sm" c="dimmed">
                  {plural(shownPreview.otherMethods, 'facture')} réglée{shownPreview.otherMethods > 1 ? 's' : ''} autrement (chèque, virement…), hors prélèvement.
                </Text>
              )}
            </Group>
            <PlannedDebits debits={shownPreview.debits} />
          </Card>
          <ExcludedInvoices excluded={shownPreview.excluded} />
        </>
      )}
    </Stack>
  );
}
