import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useHost } from '../api/api-context';
import { FirstRunPage } from '../first-run/FirstRun.page';
import type { HostState } from '../host/host';
import { notifyError } from '../notify/notify';
import { AppFrame } from '../shell/AppFrame';
import { useRefreshStatus } from '../shell/use-status';
import { useAppState } from '../state/app-store';

/** Asks the host whether a database is open, then shows the first-run screen or the frame. */
export function Root({ now }: { now?: () => Date }) {
  const host = useHost();
  const hostState = useAppState((s) => s.host);
  const showFirstRun = useAppState((s) => s.showFirstRun);
  const setHost = useAppState((s) => s.setHost);
  const navigate = useAppState((s) => s.navigate);
  const refreshStatus = useRefreshStatus();

  useEffect(() => {
    host.state().then(setHost, (error: unknown) => {
      notifyError(error, 'Paniers n’a pas pu démarrer');
      setHost({ open: false, fileName: null, databases: [] });
    });
  }, [host, setHost]);

  const open = hostState?.open ?? false;
  const fileName = hostState?.fileName ?? null;
  useEffect(() => {
    if (open) void refreshStatus();
    document.title = open && fileName ? `${fileName} – Paniers` : 'Paniers';
  }, [open, fileName, refreshStatus]);

  const onOpened = useCallback(
    async (state: HostState) => {
      setHost(state);
      navigate('dashboard');
      await refreshStatus();
    },
    [setHost, navigate, refreshStatus],
  );

  if (!hostState) {
    return (
      <Center h="100vh">
        <Loader aria-label="Démarrage de Paniers" />
      </Center>
    );
  }
  if (!hostState.open || showFirstRun) return <FirstRunPage onOpened={onOpened} />;
  return <AppFrame now={now} />;
}
