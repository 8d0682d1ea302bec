import { NavLink, Stack } from '@mantine/core';
import { useAppState } from '../state/app-store';
import { SCREENS } from './screens';

export function Navigation({ onNavigate }: { onNavigate?(): void }) {
  const screen = useAppState((s) => s.screen);
  const navigate = useAppState((s) => s.navigate);
  return (
    <Stack component="nav" gap={4} aria-label="Navigation principale">
      {SCREENS.map((item) => {
        const Icon = item.icon;
        return (
          <NavLink
            key={item.id}
            component="button"
            label={item.label}
            leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
            active={item.id === screen}
            aria-current={item.id === screen ? 'page' : undefined}
            aria-keyshortcuts={`Alt+${item.digit}`}
            title={`${item.label} (Alt+${item.digit})`}
            variant="light"
            onClick={() => {
              navigate(item.id);
              onNavigate?.();
            }}
          />
        );
      })}
    </Stack>
  );
}
