import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';

/** Asks before an action that cannot be undone from the screen (delete); Enter confirms. */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void onConfirm().finally(() => {
            setBusy(false);
            onClose();
          });
        }}
      >
        <Text size="sm" mb="lg">
          {message}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button type="submit" color={danger ? 'red' : undefined} loading={busy} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
