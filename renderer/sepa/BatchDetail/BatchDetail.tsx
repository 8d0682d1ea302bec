import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { formatEuros } from '../../../core/money/money';
import { useApiQuery } from '../../api/use-api-query';
import { monthLabel } from '../../invoicing/invoicing-text';
import { BatchStatusBadge } from '../common/BatchStatusBadge';
import { ExcludedInvoices } from '../common/ExcludedInvoices';
import { shortDate } from '../sepa-text';
import { BatchActions } from './BatchActions';
import { DebitTable } from './DebitTable';
import { ReturnDialog, type ReturnedDebit } from './ReturnDialog';

function Figure({ label, value, colour }: { label: string; value: string; colour?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600} c={colour}>
        {value}
      </Text>
    </div>
  );
}

/** One batch: where it stands with the bank, the next step, its debits and the run's excluded invoices. */
export function BatchDetail({ batchId, today, readOnly, onBack }: { batchId: number; today: string; readOnly: boolean; onBack(): void }) {
  const query = useApiQuery('sepa-batch-get', { batchId });
  const [returning, setReturning] = useState<ReturnedDebit | null>(null);
  const batch = query.data;

  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content" px={0}>
      Tous les prélèvements
    </Button>
  );
  if (!batch) {
    return (
      <Stack gap="md">
        {back}
        {query.error ? (
          <Alert color="red" title="Lot introuvable">
            {query.error.message}
          </Alert>
        ) : (
          <Loader aria-label="Chargement du lot" />
        )}
      </Stack>
    );
  }
  const canReturn = (batch.status === 'sent' || batch.status === 'settled') && !readOnly;

  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1} fz="h2">
            Prélèvement du {shortDate(batch.collectionDate)}
          </Title>
          <BatchStatusBadge status={batch.status} size="lg" />
        </Group>
        <BatchActions batch={batch} today={today} readOnly={readOnly} onChanged={query.reload} />
      </Group>
      {batch.status === 'ready' && (
        <Alert color="orange" variant="light">
          {batch.exportedAt
            ? 'Fichier exporté : déposez-le sur le site de votre banque, puis marquez le lot comme envoyé.'
            : 'Exportez le fichier XML et déposez-le sur le site de votre banque avant la date limite de remise (un jour ouvré avant le prélèvement).'}
        </Alert>
      )}
      {batch.status === 'sent' && (
        <Alert color="blue" variant="light">
          Envoyé à la banque. Après le {shortDate(batch.collectionDate)}, vérifiez le relevé et marquez le lot comme encaissé ; enregistrez les rejets que la banque vous signale.
        </Alert>
      )}
      <Card withBorder padding="md" aria-label="Résumé du lot">
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Lot" value={`n° ${batch.id}`} />
          <Figure label="Facturation" value={batch.month ? monthLabel(batch.month) : '—'} />
          <Figure label="Prélèvements" value={String(batch.count)} />
          <Figure label="Total" value={formatEuros(batch.totalCents)} />
          <Figure label="Rejets" value={batch.rejectedCount > 0 ? `${batch.rejectedCount} · ${formatEuros(batch.rejectedCents)}` : 'Aucun'} colour={batch.rejectedCount > 0 ? 'red.8' : undefined} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          Fichier pain.{batch.painVersion === '001.08' ? '008.001.08' : '008.001.02'} · message {batch.messageId}
          {batch.exportedAt ? ` · exporté le ${shortDate(batch.exportedAt.slice(0, 10))}` : ' · pas encore exporté'}
          {batch.sentAt ? ` · envoyé le ${shortDate(batch.sentAt.slice(0, 10))}` : ''}
        </Text>
      </Card>
      <DebitTable debits={batch.debits} canReturn={canReturn} onReturn={(d) => setReturning(d)} />
      <ExcludedInvoices excluded={batch.excluded} title="Factures de la facturation hors de ce lot" />
      {returning && (
        <ReturnDialog
          debit={returning}
          today={today}
          settled={batch.status === 'settled'}
          onClose={() => setReturning(null)}
          onSaved={() => {
            setReturning(null);
            void query.reload();
          }}
        />
      )}
    </Stack>
  );
}
