import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { toCsv, type CsvColumn } from '../../core/export/csv';
import { downloadText } from './download';

/** « Exporter (CSV) » for a list as shown: the rows given, in the columns given (`;`, BOM, French). */
export function CsvButton<Row>({ fileName, columns, rows, label = 'Exporter (CSV)' }: { fileName: string; columns: CsvColumn<Row>[]; rows: readonly Row[]; label?: string }) {
  return (
    <Button variant="default" size="sm" leftSection={<IconDownload size={16} />} disabled={rows.length === 0} onClick={() => downloadText(fileName, toCsv(columns, [...rows]))}>
      {label}
    </Button>
  );
}
