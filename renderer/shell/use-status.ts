import { useCallback } from 'react';
import { useApi } from '../api/api-context';
import { useAppState } from '../state/app-store';

/** Re-reads `app-status` (file, save time, read-only) for the header, after a save or an open. */
export function useRefreshStatus(): () => Promise<void> {
  const api = useApi();
  const setStatus = useAppState((s) => s.setStatus);
  return useCallback(async () => {
    try {
      setStatus(await api.call('app-status', {}));
    } catch {
      // The header keeps its last known state; the failing action reports its own error.
    }
  }, [api, setStatus]);
}
