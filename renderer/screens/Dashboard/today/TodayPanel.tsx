import { Alert, Button, Grid, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useApiQuery } from '../../../api/use-api-query';
import { useAppState } from '../../../state/app-store';
import { FileState } from './FileState';
import { FirstSteps } from './FirstSteps';
import { TaskList } from './TaskList';
import { WeekBaskets } from './WeekBaskets';

/** « Aujourd’hui »: this week's baskets, what needs doing, and the state of the file. */
export function TodayPanel({ now }: { now: () => Date }) {
  const { data, error } = useApiQuery('dashboard-get', {});
  const configured = useAppState((s) => s.status?.isConfigured ?? false);
  const navigate = useAppState((s) => s.navigate);
  const setSettingsTab = useAppState((s) => s.setSettingsTab);

  if (error) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Le tableau de bord n’a pas pu être lu">
        {error.message}
      </Alert>
    );
  }
  if (!data) return <Loader size="sm" aria-label="Chargement du tableau de bord" />;

  if (data.empty) {
    return (
      <Stack gap="lg">
        <FirstSteps tasks={data.tasks} />
        <FileState lastBackupAt={data.lastBackupAt} now={now} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {!configured && (
        <Alert color="orange" icon={<IconAlertCircle />} title="L’association n’est pas encore renseignée">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">Le nom, l’adresse, le SIRET et la banque de l’association sont nécessaires pour facturer et prélever.</Text>
            <Button
              size="compact-sm"
              onClick={() => {
                setSettingsTab('organisation');
                navigate('settings');
              }}
            >
              Renseigner l’association
            </Button>
          </Stack>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TaskList tasks={data.tasks} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <WeekBaskets week={data.week} />
            <FileState lastBackupAt={data.lastBackupAt} now={now} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
