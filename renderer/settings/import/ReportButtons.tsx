import { Button, Group, type MantineSize } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { PrintPdfButton } from '../../invoicing/print/PrintPdfButton';
import { notifyError } from '../../notify/notify';
import { downloadText } from '../../shared/download';

/**
 * An import's report, kept with the database: the PDF (save/print) and the same lines as a CSV.
 * `labelled`: in a table row, short « PDF » / « CSV » buttons whose accessible name says which import.
 */
export function ReportButtons({ importId, size = 'sm', labelled = false }: { importId: number; size?: MantineSize; labelled?: boolean }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const suffix = labelled ? ` de l’import n° ${importId}` : '';

  async function csv() {
    setBusy(true);
    try {
      const file = await api.call('import-report-csv', { importId });
      downloadText(file.fileName, file.content);
    } catch (error) {
      notifyError(error, 'Rapport CSV non préparé');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <PrintPdfButton
        size={size}
        label={labelled ? 'PDF' : 'Rapport (PDF)'}
        aria-label={`Rapport (PDF)${suffix}`}
        readyTitle="Rapport d’import prêt"
        load={() => api.call('document-import-report', { importId })}
      />
      <Button size={size} variant="default" leftSection={<IconFileTypeCsv size={16} />} loading={busy} aria-label={`Rapport (CSV)${suffix}`} onClick={() => void csv()}>
        {labelled ? 'CSV' : 'Rapport (CSV)'}
      </Button>
    </Group>
  );
}
