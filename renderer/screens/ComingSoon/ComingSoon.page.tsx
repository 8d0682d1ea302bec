import { EmptyState, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ScreenInfo } from '../../shell/screens';

/** An honest placeholder: says what this screen will hold, and that it is not there yet. */
export function ComingSoonPage({ screen }: { screen: ScreenInfo }) {
  const Icon = screen.icon;
  return (
    <Stack gap="lg">
      <Title order={1} fz="h2">
        {screen.label}
      </Title>
      <Paper withBorder p="xl" radius="md">
        <EmptyState
          variant="light"
          icon={<Icon size={32} stroke={1.5} />}
          title="Cet écran arrive dans une prochaine version"
          description="Rien n’est encore enregistré ici. Voici ce que vous y trouverez :"
        >
          <List spacing="xs" ta="left" maw={560} mx="auto" mt="sm">
            {(screen.upcoming ?? []).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed" mt="lg" ta="center">
            En attendant, commencez par renseigner votre association dans Paramètres.
          </Text>
        </EmptyState>
      </Paper>
    </Stack>
  );
}
