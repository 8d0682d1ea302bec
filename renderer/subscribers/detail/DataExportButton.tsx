import { Button } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../notify/notify';
import { downloadBase64 } from '../../shared/download';

/**
 * A subscriber's right of access (RGPD art. 15): everything Paniers holds about them, as a
 * zip of CSVs and PDFs built by the backend, saved where the office chooses. Reading only,
 * so it stays available on a database opened read-only.
 */
export function DataExportButton({ subscriberId }: { subscriberId: number }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);

  async function exportData() {
    setBusy(true);
    try {
      const zip = await api.call('subscriber-data-export', { subscriberId });
      downloadBase64(zip.fileName, zip.base64, 'application/zip');
      notifySuccess(`Données exportées : ${zip.fileName} (${zip.files.length} fichiers)`);
    } catch (error) {
      notifyError(error, 'Données non exportées');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="default" leftSection={<IconFileZip size={16} />} loading={busy} onClick={() => void exportData()}>
      Exporter ses données (RGPD)
    </Button>
  );
}
