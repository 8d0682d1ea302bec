import { useEffect, useRef } from 'react';

/** Reloads a query when `version` moves (another part of the screen changed the data), not on mount. */
export function useReloadOn(version: number, reload: () => Promise<void>): void {
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void reload();
  }, [version, reload]);
}
