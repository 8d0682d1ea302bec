import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A dialog holding one form: Enter submits (a real submit button), Escape closes (Modal),
 * the field marked `data-autofocus` gets the focus, and a message that belongs to no field
 * is shown above the buttons.
 */
export function FormDialog({
  opened,
  title,
  submitLabel,
  submitting,
  formError,
  danger,
  size = 'md',
  onClose,
  onSubmit,
  children,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  submitting: boolean;
  formError: string | null;
  danger?: boolean;
  size?: string;
  onClose(): void;
  onSubmit(event: { preventDefault(): void }): void;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form noValidate aria-label={title} onSubmit={(event) => void onSubmit(event)}>
        <Stack gap="md">
          {children}
          {formError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={submitting} color={danger ? 'red' : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
