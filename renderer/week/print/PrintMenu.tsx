import { ActionIcon, Button, Menu, Tooltip } from '@mantine/core';
import { IconChevronDown, IconPrinter } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { InputOf } from '../../../core/handlers';
import { useApi } from '../../api/api-context';
import { notifyError } from '../../notify/notify';
import { PdfReadyDialog } from './PdfReadyDialog';
import type { PdfFile } from './pdf-output';

export type DocumentMethod = 'document-delivery-sheets' | 'document-packing-summary' | 'document-crate-labels';
export type DocumentRequest = InputOf<'document-delivery-sheets'>;

/** The printed documents of the week, in the order the office prepares them. */
export const DOCUMENTS: Record<DocumentMethod, { title: string; ready: string }> = {
  'document-delivery-sheets': { title: 'Feuilles de livraison', ready: 'Feuilles de livraison prêtes' },
  'document-packing-summary': { title: 'Bon de préparation', ready: 'Bon de préparation prêt' },
  'document-crate-labels': { title: 'Étiquettes de caisses (3 × 8)', ready: 'Étiquettes prêtes' },
};

export interface PrintTarget {
  method: DocumentMethod;
  /** What the menu item says: « Toute la semaine », « Mardi 8 décembre »… */
  label: string;
  request: DocumentRequest;
}

function usePrint() {
  const api = useApi();
  const [ready, setReady] = useState<{ file: PdfFile; method: DocumentMethod } | null>(null);
  const [busy, setBusy] = useState(false);
  async function print({ method, request }: PrintTarget) {
    setBusy(true);
    try {
      // The packing summary covers whole days (every depot): it takes only the dates.
      const input = method === 'document-packing-summary' ? { from: request.from, to: request.to } : request;
      setReady({ file: await api.call(method, input), method });
    } catch (error) {
      notifyError(error, `${DOCUMENTS[method].title} : impression impossible`);
    } finally {
      setBusy(false);
    }
  }
  const dialog = <PdfReadyDialog file={ready?.file ?? null} title={ready ? DOCUMENTS[ready.method].ready : ''} onClose={() => setReady(null)} />;
  return { print, busy, dialog };
}

/** A print button with a choice of documents and scopes (the week, a day, a round): one PDF each time. */
export function PrintMenu({ targets, label, disabled }: { targets: readonly PrintTarget[]; label: string; disabled?: boolean }) {
  const { print, busy, dialog } = usePrint();
  const methods = [...new Set(targets.map((t) => t.method))];
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconPrinter size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy} disabled={disabled}>
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {methods.map((method, index) => (
            <Fragment key={method}>
              {index > 0 && <Menu.Divider />}
              <Menu.Label>{DOCUMENTS[method].title}</Menu.Label>
              {targets
                .filter((t) => t.method === method)
                .map((target) => (
                  <Menu.Item key={target.label} onClick={() => void print(target)}>
                    {target.label}
                  </Menu.Item>
                ))}
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
      {dialog}
    </>
  );
}

/** A small printer button for one depot's (or one round's) delivery sheet. */
export function PrintIcon({ target }: { target: PrintTarget }) {
  const { print, busy, dialog } = usePrint();
  return (
    <>
      <Tooltip label={target.label}>
        <ActionIcon variant="subtle" color="gray" aria-label={target.label} loading={busy} onClick={() => void print(target)}>
          <IconPrinter size={16} />
        </ActionIcon>
      </Tooltip>
      {dialog}
    </>
  );
}
