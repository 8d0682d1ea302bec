import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatEuros } from '../../../core/money/money';
import { useApiQuery } from '../../api/use-api-query';
import { useAppState } from '../../state/app-store';

/** The money tasks of the day (batches, cheques, rejects, low balances, unpaid), each a way to its screen. */
export function PaymentTasks() {
  const navigate = useAppState((s) => s.navigate);
  const { data: alerts, error } = useApiQuery('payment-alerts', {});
  return (
    <Paper withBorder p="lg" aria-label="Règlements à suivre">
      <Text fw={600} mb={4}>
        Règlements à suivre
      </Text>
      {error ? (
        <Text size="sm" c="red">
          {error.message}
        </Text>
      ) : !alerts ? (
        <Text size="sm" c="dimmed">
          Chargement…
        </Text>
      ) : alerts.length === 0 ? (
        <Text size="sm" c="dimmed">
          Rien à faire côté règlements aujourd’hui.
        </Text>
      ) : (
        <Stack gap={6}>
          {alerts.map((alert) => (
            <Group key={alert.kind} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">
                {alert.message}
                {alert.amountCents > 0 && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {formatEuros(alert.amountCents)}
                  </Text>
                )}
              </Text>
              <Button variant="subtle" size="compact-sm" aria-label={`${alert.message} : ouvrir`} onClick={() => navigate(alert.screen)}>
                {alert.screen === 'sepa' ? 'Prélèvements' : 'Règlements'}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
