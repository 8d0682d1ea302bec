import { Box, Button, Center, Container, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconDatabasePlus, IconFolderOpen, IconSparkles, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useHost } from '../api/api-context';
import type { HostState } from '../host/host';
import { notifyError } from '../notify/notify';
import { useAppState } from '../state/app-store';
import { CreateDatabaseModal, OpenDatabaseModal } from './FileNameModal';
import { RecoveryModal, refusedBaseOf, type RefusedBase } from './RecoveryModal';

function Choice({ icon: ChoiceIcon, title, text, onClick, disabled }: { icon: Icon; title: string; text: string; onClick(): void; disabled: boolean }) {
  return (
    <UnstyledButton onClick={onClick} disabled={disabled} style={{ height: '100%' }}>
      <Paper withBorder p="xl" h="100%" shadow="xs" style={{ cursor: disabled ? 'wait' : 'pointer' }}>
        <Stack gap="sm">
          <ThemeIcon size={48} radius="xl" variant="light">
            <ChoiceIcon size={26} />
          </ThemeIcon>
          <Text fw={650} fz="lg">
            {title}
          </Text>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}

/** No database open yet (or the person asked to change): create, open, or try the demo. */
export function FirstRunPage({ onOpened }: { onOpened(state: HostState): Promise<void> }) {
  const host = useHost();
  const hostState = useAppState((s) => s.host);
  const setShowFirstRun = useAppState((s) => s.setShowFirstRun);
  const setHost = useAppState((s) => s.setHost);
  const [busy, setBusy] = useState(false);
  const [modal, setModal] = useState<'create' | 'open' | null>(null);
  const [modalError, setModalError] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedBase | null>(null);

  async function run(action: () => Promise<HostState | null>, inModal: boolean) {
    setBusy(true);
    setModalError(null);
    try {
      const state = await action();
      if (state) {
        setModal(null);
        await onOpened(state);
      }
    } catch (error) {
      const offer = refusedBaseOf(error);
      if (offer) {
        setModal(null);
        setRefused(offer);
      } else if (inModal) setModalError(error instanceof Error ? error.message : String(error));
      else notifyError(error, 'La base n’a pas pu être ouverte');
    } finally {
      setBusy(false);
    }
  }

  const create = () => (host.asksForFileName ? setModal('create') : void run(() => host.createDatabase(), false));
  async function open() {
    if (!host.asksForFileName) return run(() => host.openDatabase(), false);
    try {
      setHost(await host.state()); // the folder may have changed since the page was shown
    } catch {
      // keep the list we have; opening reports its own error
    }
    setModal('open');
  }

  return (
    <Box bg="gray.0" mih="100vh">
      <Container size="md" py={64}>
        <Stack gap="xl">
          <Center>
            <Stack gap={6} align="center">
              <Title order={1} c="leaf.8">
                Bienvenue dans Paniers
              </Title>
              <Text c="dimmed" ta="center" maw={560}>
                Toutes les données de l’association (adhérents, abonnements, factures…) sont rangées dans un seul fichier,
                la base. Pour commencer, choisissez :
              </Text>
            </Stack>
          </Center>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Choice icon={IconDatabasePlus} title="Créer une nouvelle base" text="Une base vide, pour saisir votre association et vos adhérents." onClick={create} disabled={busy} />
            <Choice icon={IconFolderOpen} title="Ouvrir une base existante" text="Le fichier que vous utilisez déjà sur ce poste ou sur un partage." onClick={() => void open()} disabled={busy} />
            <Choice
              icon={IconSparkles}
              title="Découvrir avec la base de démonstration"
              text="Des adhérents et des dépôts fictifs pour essayer sans risque."
              onClick={() => void run(() => host.openDemo(), false)}
              disabled={busy}
            />
          </SimpleGrid>
          {hostState?.open && (
            <Center>
              <Button variant="subtle" onClick={() => setShowFirstRun(false)}>
                Revenir à la base ouverte{hostState.fileName ? ` (${hostState.fileName})` : ''}
              </Button>
            </Center>
          )}
        </Stack>
      </Container>
      <CreateDatabaseModal
        opened={modal === 'create'}
        busy={busy}
        error={modalError}
        onClose={() => setModal(null)}
        onCreate={(name) => void run(() => host.createDatabase(name), true)}
      />
      <RecoveryModal
        refused={refused}
        busy={busy}
        onClose={() => setRefused(null)}
        onRecover={() => {
          setRefused(null);
          void run(() => host.recoverRefused(), false);
        }}
      />
      <OpenDatabaseModal
        opened={modal === 'open'}
        busy={busy}
        error={modalError}
        databases={hostState?.databases ?? []}
        onClose={() => setModal(null)}
        onOpen={(name) => void run(() => host.openDatabase(name), true)}
      />
    </Box>
  );
}
