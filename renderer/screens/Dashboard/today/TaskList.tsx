import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { formatEuros } from '../../../../core/money/money';
import { taskAction, useOpenTask, type DashboardTask } from './open-task';

/** « À faire »: each task of the day with the button that leads to where it is done. */
export function TaskList({ tasks }: { tasks: readonly DashboardTask[] }) {
  const open = useOpenTask();
  return (
    <Paper withBorder p="lg" component="section" aria-label="À faire">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>À faire</Text>
        {tasks.length > 0 && (
          <Badge variant="light" color="orange">
            {tasks.length}
          </Badge>
        )}
      </Group>
      {tasks.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconChecks size={18} />
          <Text size="sm">Rien en attente : les semaines sont validées, la facturation et les règlements sont à jour.</Text>
        </Group>
      ) : (
        <Stack gap={4} role="list">
          {tasks.map((task, index) => (
            <Group key={`${task.kind}-${index}`} role="listitem" justify="space-between" wrap="nowrap" gap="sm" py={4} style={{ borderBottom: index < tasks.length - 1 ? '1px solid var(--mantine-color-gray-2)' : undefined }}>
              <Text size="sm">
                {task.label}
                {task.amountCents !== undefined && task.amountCents > 0 && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    · {formatEuros(task.amountCents)}
                  </Text>
                )}
              </Text>
              <Button variant="light" size="compact-sm" style={{ flexShrink: 0 }} aria-label={`${task.label} : ${taskAction(task).toLowerCase()}`} onClick={() => open(task)}>
                {taskAction(task)}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
