import { useCallback, useState } from 'react';

/**
 * The checked rows of a list, kept as ids. `excluded` rather than `selected` so that rows
 * arriving with a reload are selected by default (the office deposits all that is due).
 */
export function useExclusion() {
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback((id: number, checked: boolean) => {
    setExcluded((previous) => {
      const next = new Set(previous);
      if (checked) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const setAll = useCallback((ids: readonly number[], checked: boolean) => setExcluded(checked ? new Set() : new Set(ids)), []);
  return { excluded, toggle, setAll, reset: () => setExcluded(new Set()) };
}

/** The opposite default: nothing checked until the person picks (letters, reminders). */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback((id: number, checked: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const setAll = useCallback((ids: readonly number[], checked: boolean) => setSelected(checked ? new Set(ids) : new Set()), []);
  return { selected, toggle, setAll };
}
