import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { formatEuros, type Cents } from '../../../core/money/money';
import { monthLabel } from '../invoicing-text';

/** Issuing is final (numbers taken, invoices frozen): say exactly what will happen before. */
export function IssueConfirm({ opened, month, count, totalCents, busy, onCancel, onConfirm }: { opened: boolean; month: string; count: number; totalCents: Cents; busy: boolean; onCancel(): void; onConfirm(): void }) {
  return (
    <Modal opened={opened} onClose={onCancel} title="Émettre les factures" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            Émettre {count} facture{count > 1 ? 's' : ''} de {monthLabel(month)}, pour un total de {formatEuros(totalCents)} TTC ?
          </Text>
          <Text size="sm" c="dimmed">
            Chaque facture reçoit son numéro et ne pourra plus être modifiée : une erreur se corrige ensuite par un avoir. Les factures exclues ne sont pas émises.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Annuler
            </Button>
            <Button type="submit" loading={busy} data-autofocus>
              Émettre {count} facture{count > 1 ? 's' : ''}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
