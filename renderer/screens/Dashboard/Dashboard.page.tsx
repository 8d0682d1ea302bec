import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { fileNameOf, saveStateLabel } from '../../shell/save-state';
import { useAppState } from '../../state/app-store';
import { PaymentTasks } from './PaymentTasks';

/** What is true today: the open file, whether the association is set up, and the money tasks of the day. */
export function DashboardPage({ now }: { now: () => Date }) {
  const status = useAppState((s) => s.status);
  const navigate = useAppState((s) => s.navigate);
  const configured = status?.isConfigured ?? false;
  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {status?.organisationName ? `Bonjour, ${status.organisationName}` : 'Bienvenue dans Paniers'}
      </Title>
      {configured ? (
        <Alert color="leaf" icon={<IconCheck />} title="Votre association est renseignée">
          Son nom, ses coordonnées et sa banque figureront sur les factures et les prélèvements. Vous pouvez les modifier
          à tout moment dans Paramètres.
        </Alert>
      ) : (
        <Alert color="orange" icon={<IconAlertCircle />} title="Première étape : renseignez votre association">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              Le nom, l’adresse, le SIRET et la banque de l’association apparaissent sur les factures et les fichiers de
              prélèvement.
            </Text>
            <Button onClick={() => navigate('settings')}>Renseigner l’association</Button>
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Text fw={600} mb={4}>
            Base de données
          </Text>
          <Text>{fileNameOf(status?.file ?? null) ?? 'Base sans fichier'}</Text>
          <Text size="sm" c="dimmed">
            {status?.readOnly ? 'Ouverte en lecture seule' : saveStateLabel(status?.lastSavedAt ?? null, now())}
          </Text>
        </Paper>
        {configured && <PaymentTasks />}
      </SimpleGrid>
    </Stack>
  );
}
