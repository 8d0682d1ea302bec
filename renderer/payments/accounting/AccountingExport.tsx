import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { ValidationError } from '../../../core/api/errors';
import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { DateField } from '../../shared/DateField';
import { downloadText } from '../../shared/download';
import { plural, quickPeriods } from '../payments-text';
import { ChainCheck } from './ChainCheck';

type Result = OutputOf<'accounting-export'>;
type Format = 'fec' | 'csv';

const FORMAT_HELP: Record<Format, string> = {
  fec: 'Fichier des écritures comptables : 18 colonnes séparées par des tabulations, pour le logiciel du comptable.',
  csv: 'Les mêmes écritures pour un tableur (Excel, LibreOffice) : « ; » entre les colonnes, virgule décimale.',
};

/** « Export comptable »: the journals of a period for the accountant, and the ledger's integrity check. */
export function AccountingExport({ today }: { today: IsoDate }) {
  const api = useApi();
  const periods = quickPeriods(today);
  const [from, setFrom] = useState<string>(periods[0]!.from);
  const [to, setTo] = useState<string>(periods[0]!.to);
  const [format, setFormat] = useState<Format>('fec');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(Result & { from: string; to: string }) | null>(null);

  const exportFile = async () => {
    setErrors({});
    setBusy(true);
    try {
      const done = await api.call('accounting-export', { from, to, format });
      // The FEC is tab-separated text (A47 A-1 LPF); the CSV opens in a spreadsheet.
      downloadText(done.fileName, done.content, format === 'fec' ? 'text/plain;charset=utf-8' : 'text/csv;charset=utf-8');
      setResult({ ...done, from, to });
      notifySuccess(`${done.fileName} téléchargé : ${plural(done.entries, 'écriture')}`);
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields);
      else notifyError(error, 'L’export comptable n’a pas été fait');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void exportFile();
          }}
        >
          <Stack gap="md">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Période :
              </Text>
              {periods.map((period) => (
                <Button
                  key={period.label}
                  size="compact-sm"
                  variant={from === period.from && to === period.to ? 'light' : 'subtle'}
                  onClick={() => {
                    setFrom(period.from);
                    setTo(period.to);
                  }}
                >
                  {period.label}
                </Button>
              ))}
            </Group>
            <Group align="flex-start" gap="md">
              <DateField label="Du" width={150} value={from} error={errors.from} onChange={setFrom} />
              <DateField label="Au" width={150} value={to} error={errors.to} onChange={setTo} />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Format
                </Text>
                <SegmentedControl
                  aria-label="Format"
                  value={format}
                  onChange={(value) => setFormat(value as Format)}
                  data={[
                    { value: 'fec', label: 'FEC' },
                    { value: 'csv', label: 'CSV tableur' },
                  ]}
                />
              </Stack>
            </Group>
            <Text size="sm" c="dimmed">
              {FORMAT_HELP[format]}
            </Text>
            <Group>
              <Button type="submit" leftSection={<IconDownload size={16} />} loading={busy}>
                Exporter
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {result && <ExportSummary result={result} />}
      <ChainCheck />
    </Stack>
  );
}

function ExportSummary({ result }: { result: Result & { from: string; to: string } }) {
  const balanced = result.totals.debitCents === result.totals.creditCents;
  return (
    <Paper withBorder p="lg" aria-label="Résumé de l’export">
      <Title order={3} fz="h5" mb="xs">
        {result.fileName}
      </Title>
      <Text size="sm" mb="sm">
        Du {formatDateShortFr(result.from as IsoDate)} au {formatDateShortFr(result.to as IsoDate)} : {plural(result.entries, 'écriture')}, {plural(result.lines, 'ligne')}. Total débit{' '}
        {formatEuros(result.totals.debitCents as Cents)} {balanced ? '=' : '≠'} total crédit {formatEuros(result.totals.creditCents as Cents)}
        {balanced ? ' : équilibré.' : '.'}
      </Text>
      <Table verticalSpacing={4} fz="sm" maw={560} aria-label="Écritures par journal">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Journal</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th ta="right">Écritures</Table.Th>
            <Table.Th ta="right">Débit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.byJournal.map((journal) => (
            <Table.Tr key={journal.kind}>
              <Table.Td>{journal.label}</Table.Td>
              <Table.Td>{journal.code}</Table.Td>
              <Table.Td ta="right">{journal.entries}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatEuros(journal.debitCents as Cents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.skippedLegacyEntries > 0 && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />} mt="md">
          {result.skippedLegacyEntries > 1
            ? `${plural(result.skippedLegacyEntries, 'écriture')} de l’ancien logiciel ne sont pas exportées : elles relèvent de la comptabilité tenue avant Paniers.`
            : '1 écriture de l’ancien logiciel n’est pas exportée : elle relève de la comptabilité tenue avant Paniers.'}
        </Alert>
      )}
    </Paper>
  );
}
