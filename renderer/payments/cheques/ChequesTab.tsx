import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { IsoDate } from '../../../core/dates/dates';
import { AllCheques } from './AllCheques';
import { RecordChequesDialog } from './RecordChequesDialog';
import { ToDeposit } from './ToDeposit';

/** « Chèques »: those to take to the bank (the default), every cheque, and entering new ones. */
export function ChequesTab({ today, readOnly, version, onChanged }: { today: IsoDate; readOnly: boolean; version: number; onChanged(): void }) {
  const [view, setView] = useState('deposit');
  const [recording, setRecording] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Vue des chèques"
          value={view}
          onChange={setView}
          data={[
            { value: 'deposit', label: 'À remettre en banque' },
            { value: 'all', label: 'Tous les chèques' },
          ]}
        />
        <Button leftSection={<IconPlus size={16} />} disabled={readOnly} onClick={() => setRecording(true)}>
          Enregistrer des chèques
        </Button>
      </Group>
      {view === 'deposit' ? (
        <ToDeposit today={today} version={version} readOnly={readOnly} onChanged={onChanged} />
      ) : (
        <AllCheques today={today} version={version} readOnly={readOnly} onChanged={onChanged} />
      )}
      {recording && (
        <RecordChequesDialog
          today={today}
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
