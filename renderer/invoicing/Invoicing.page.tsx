import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../api/use-api-query';
import { InvoiceDialog } from './InvoiceDetail/InvoiceDialog';
import { InvoiceSearch } from './InvoiceSearch/InvoiceSearch';
import { previousMonth } from './invoicing-text';
import { NewRunDialog } from './NewRun/NewRunDialog';
import { RunList } from './RunList/RunList';
import { RunReview } from './RunReview/RunReview';

/** « Facturation »: the month runs, a run's review and issue, any invoice found by number or name. */
export function InvoicingPage({ now }: { now: () => Date }) {
  const runs = useApiQuery('invoice-run-list', {});
  const [runId, setRunId] = useState<number | null>(null);
  const [invoiceId, setInvoiceId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <>
      {runId !== null ? (
        <RunReview
          runId={runId}
          onOpenInvoice={setInvoiceId}
          onBack={() => {
            setRunId(null);
            void runs.reload();
          }}
        />
      ) : (
        <Stack gap="lg">
          <Title order={1} fz="h2">
            Facturation
          </Title>
          <RunList runs={runs.data} onOpen={setRunId} onNew={() => setCreating(true)} />
          <InvoiceSearch onOpen={setInvoiceId} />
        </Stack>
      )}
      {creating && (
        <NewRunDialog
          opened
          defaultMonth={previousMonth(now())}
          runs={runs.data ?? []}
          onClose={() => setCreating(false)}
          onPrepared={(id) => {
            setCreating(false);
            setRunId(id);
          }}
        />
      )}
      {invoiceId !== null && <InvoiceDialog key={invoiceId} invoiceId={invoiceId} onClose={() => setInvoiceId(null)} />}
    </>
  );
}
