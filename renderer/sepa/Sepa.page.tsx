import { Stack, Tabs, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileCertificate, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { fromLocalDate } from '../../core/dates/dates';
import { useApiQuery } from '../api/use-api-query';
import { useAppState } from '../state/app-store';
import { BatchDetail } from './BatchDetail/BatchDetail';
import { BatchList } from './BatchList/BatchList';
import { MandateList } from './Mandates/MandateList';
import { NewBatch } from './NewBatch/NewBatch';
import { ReturnList } from './Returns/ReturnList';

type View = { kind: 'tabs' } | { kind: 'new' } | { kind: 'batch'; batchId: number };

/** « Prélèvements SEPA »: the collection batches and their life with the bank, the rejects to deal with, the mandates. */
export function SepaPage({ now }: { now: () => Date }) {
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const batches = useApiQuery('sepa-batch-list', {});
  const [view, setView] = useState<View>({ kind: 'tabs' });
  const [tab, setTab] = useState('batches');
  const today = fromLocalDate(now());
  const backToList = () => {
    setView({ kind: 'tabs' });
    void batches.reload();
  };

  if (view.kind === 'new') return <NewBatch onBack={backToList} onCreated={(batchId) => setView({ kind: 'batch', batchId })} />;
  if (view.kind === 'batch') return <BatchDetail key={view.batchId} batchId={view.batchId} today={today} readOnly={readOnly} onBack={backToList} />;

  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        Prélèvements SEPA
      </Title>
      <Tabs value={tab} onChange={(value) => setTab(value ?? 'batches')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="batches" leftSection={<IconStack2 size={16} />}>
            Lots
          </Tabs.Tab>
          <Tabs.Tab value="returns" leftSection={<IconAlertTriangle size={16} />}>
            Rejets à traiter
          </Tabs.Tab>
          <Tabs.Tab value="mandates" leftSection={<IconFileCertificate size={16} />}>
            Mandats
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="batches">
          <BatchList batches={batches.data} readOnly={readOnly} onOpen={(batchId) => setView({ kind: 'batch', batchId })} onNew={() => setView({ kind: 'new' })} />
        </Tabs.Panel>
        <Tabs.Panel value="returns">
          <ReturnList />
        </Tabs.Panel>
        <Tabs.Panel value="mandates">
          <MandateList today={today} readOnly={readOnly} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
