import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlant2 } from '@tabler/icons-react';
import { useAppState } from '../../../state/app-store';
import { useOpenTask, type DashboardTask } from './open-task';

const ACTIONS: Partial<Record<DashboardTask['kind'], string>> = {
  setup_organisation: 'Renseigner l’association',
  setup_depots: 'Créer jardins et dépôts',
  setup_formulas: 'Créer les formules',
  setup_import: 'Importer l’ancien fichier',
};

/**
 * An empty database: no figures at all (zeros would look like a bad week), but the first
 * steps still to take, as the backend lists them, in the order that works.
 */
export function FirstSteps({ tasks }: { tasks: readonly DashboardTask[] }) {
  const open = useOpenTask();
  const navigate = useAppState((s) => s.navigate);
  return (
    <Paper withBorder p="xl" component="section" aria-label="Premiers pas">
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon variant="light" size="lg" radius="xl">
            <IconPlant2 size={20} />
          </ThemeIcon>
          <Title order={2} fz="h3">
            Bienvenue ! La base ne contient encore aucun adhérent
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Les paniers de la semaine, les tâches à faire et les rapports s’afficheront ici dès les premiers abonnements. Pour commencer :
        </Text>
        <List type="ordered" spacing="sm" aria-label="Premières étapes">
          {tasks.map((task) => (
            <List.Item key={task.kind}>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Text size="sm">{task.label}.</Text>
                <Button variant="light" size="compact-sm" style={{ flexShrink: 0 }} onClick={() => open(task)}>
                  {ACTIONS[task.kind] ?? 'Ouvrir'}
                </Button>
              </Group>
            </List.Item>
          ))}
          <List.Item>
            <Group gap="sm" wrap="nowrap" justify="space-between">
              <Text size="sm">Enregistrez les adhérents et leurs abonnements (ou importez-les ci-dessus).</Text>
              <Button variant="light" size="compact-sm" style={{ flexShrink: 0 }} onClick={() => navigate('subscribers')}>
                Ajouter des adhérents
              </Button>
            </Group>
          </List.Item>
        </List>
      </Stack>
    </Paper>
  );
}
