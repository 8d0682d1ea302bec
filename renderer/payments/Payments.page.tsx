import { Stack, Tabs, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalculator, IconCash, IconFileStack, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { fromLocalDate } from '../../core/dates/dates';
import { useAppState } from '../state/app-store';
import { AccountingExport } from './accounting/AccountingExport';
import { ChequesTab } from './cheques/ChequesTab';
import { LowBalances } from './low-balance/LowBalances';
import { SlipList } from './slips/SlipList';
import { Unpaid } from './unpaid/Unpaid';

/** « Règlements »: cheques and their deposit slips, low balances, unpaid debts, the accountant's export. */
export function PaymentsPage({ now }: { now: () => Date }) {
  const readOnly = useAppState((s) => s.status?.readOnly ?? false);
  const [tab, setTab] = useState('cheques');
  // Bumped by every change made on this screen, so each list shows it without a remount.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const today = fromLocalDate(now());

  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        Règlements
      </Title>
      <Tabs value={tab} onChange={(value) => setTab(value ?? 'cheques')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="cheques" leftSection={<IconCash size={16} />}>
            Chèques
          </Tabs.Tab>
          <Tabs.Tab value="slips" leftSection={<IconFileStack size={16} />}>
            Bordereaux
          </Tabs.Tab>
          <Tabs.Tab value="low" leftSection={<IconReceipt size={16} />}>
            Soldes bas
          </Tabs.Tab>
          <Tabs.Tab value="unpaid" leftSection={<IconAlertTriangle size={16} />}>
            Impayés
          </Tabs.Tab>
          <Tabs.Tab value="accounting" leftSection={<IconCalculator size={16} />}>
            Export comptable
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cheques">
          <ChequesTab today={today} readOnly={readOnly} version={version} onChanged={changed} />
        </Tabs.Panel>
        <Tabs.Panel value="slips">
          <SlipList version={version} />
        </Tabs.Panel>
        <Tabs.Panel value="low">
          <LowBalances version={version} />
        </Tabs.Panel>
        <Tabs.Panel value="unpaid">
          <Unpaid version={version} />
        </Tabs.Panel>
        <Tabs.Panel value="accounting">
          <AccountingExport today={today} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
