import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useAppState } from '../state/app-store';
import { SHORTCUTS } from './shortcuts';

export function HelpModal() {
  const opened = useAppState((s) => s.helpOpen);
  const setHelpOpen = useAppState((s) => s.setHelpOpen);
  return (
    <Modal opened={opened} onClose={() => setHelpOpen(false)} title="Aide : raccourcis clavier" size="lg">
      <Stack gap="md">
        <Text size="sm">
          Chaque modification est enregistrée sur le disque dès que vous la validez : l’en-tête indique l’heure du dernier
          enregistrement. Sur Mac, utilisez Cmd à la place de Ctrl.
        </Text>
        <Table striped withRowBorders={false} verticalSpacing={6}>
          <Table.Tbody>
            {SHORTCUTS.map((shortcut) => (
              <Table.Tr key={shortcut.what}>
                <Table.Td w={140}>
                  <Group gap={4} wrap="nowrap">
                    {shortcut.keys.map((key, index) => (
                      <Group key={key} gap={4} wrap="nowrap">
                        {index > 0 && <Text span size="xs">+</Text>}
                        <Kbd>{key}</Kbd>
                      </Group>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{shortcut.what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
