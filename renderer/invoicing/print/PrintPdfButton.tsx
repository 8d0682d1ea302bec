import { Button, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../../notify/notify';
import type { PdfFile } from '../../week/print/pdf-output';
import { PdfReadyDialog } from '../../week/print/PdfReadyDialog';

/**
 * Builds a PDF with the backend, then offers it the way the host allows (save/print in
 * Electron, download/open on the web), through the same dialog as the Semaine screen's sheets.
 */
export function PrintPdfButton({ label, readyTitle, load, ...button }: { label: string; readyTitle: string; load(): Promise<PdfFile> } & ButtonProps) {
  const [file, setFile] = useState<PdfFile | null>(null);
  const [busy, setBusy] = useState(false);

  const build = async () => {
    setBusy(true);
    try {
      setFile(await load());
    } catch (error) {
      notifyError(error, 'Le PDF n’a pas pu être préparé');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={16} />} loading={busy} onClick={() => void build()} {...button}>
        {label}
      </Button>
      <PdfReadyDialog file={file} title={readyTitle} onClose={() => setFile(null)} />
    </>
  );
}
