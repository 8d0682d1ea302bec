import { ActionIcon, Badge, Burger, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconDatabase, IconDeviceFloppy, IconHelp, IconLock } from '@tabler/icons-react';
import { useAppState } from '../state/app-store';
import { fileNameOf, saveStateLabel } from './save-state';

export function Header({ navOpened, onToggleNav, now }: { navOpened: boolean; onToggleNav(): void; now: () => Date }) {
  const status = useAppState((s) => s.status);
  const host = useAppState((s) => s.host);
  const setHelpOpen = useAppState((s) => s.setHelpOpen);
  const setShowFirstRun = useAppState((s) => s.setShowFirstRun);
  const fileName = fileNameOf(status?.file ?? null) ?? host?.fileName ?? 'Base sans fichier';

  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Afficher la navigation" />
        <Text fw={700} fz="xl" c="leaf.8">
          Paniers
        </Text>
        <Group gap={6} wrap="nowrap" aria-label="Base de données ouverte">
          <IconDatabase size={18} aria-hidden />
          <Text fw={500} truncate maw={320} title={status?.file ?? undefined}>
            {fileName}
          </Text>
        </Group>
        {status?.readOnly ? (
          <Tooltip label={`${status.lockHolder ?? 'Un autre poste'} utilise déjà cette base : vous pouvez consulter, pas modifier.`} multiline w={300}>
            <Badge color="orange" variant="light" size="lg" leftSection={<IconLock size={14} />}>
              Lecture seule
            </Badge>
          </Tooltip>
        ) : (
          status && (
            <Group gap={6} wrap="nowrap" c="dimmed" data-testid="save-state">
              <IconDeviceFloppy size={16} aria-hidden />
              <Text size="sm">{saveStateLabel(status.lastSavedAt, now())}</Text>
            </Group>
          )
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Button variant="subtle" color="gray" onClick={() => setShowFirstRun(true)}>
          Changer de base
        </Button>
        <Tooltip label="Aide et raccourcis clavier (F1)">
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setHelpOpen(true)} aria-label="Aide et raccourcis clavier">
            <IconHelp size={22} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
