import { Button, Group, Paper, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { InputOf } from '../../../../core/handlers';
import { useApi } from '../../../api/api-context';
import { notifyError } from '../../../notify/notify';
import { downloadText } from '../../../shared/download';
import type { Period } from './periods';

export type ReportTable = InputOf<'report-csv'>['table'];

/** One report: a title, its figures, and the CSV of the same figures built by the backend. */
export function ReportSection({ title, table, period, actions, children, empty }: { title: string; table: ReportTable; period: Period; actions?: ReactNode; children: ReactNode; empty?: boolean }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const csv = await api.call('report-csv', { ...period, table });
      downloadText(csv.fileName, csv.content);
    } catch (error) {
      notifyError(error, `${title} : export impossible`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={600}>{title}</Text>
        <Group gap="xs" wrap="nowrap">
          {actions}
          <Button variant="default" size="compact-sm" leftSection={<IconDownload size={14} />} loading={busy} disabled={empty} aria-label={`${title} : exporter (CSV)`} onClick={() => void download()}>
            CSV
          </Button>
        </Group>
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          Rien sur cette période.
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
