import { useMemo } from 'react';
import type { OutputOf } from '../../../core/handlers';
import { useApiQuery } from '../../api/use-api-query';

export type DepotItem = OutputOf<'depot-list'>[number];
export type FormulaItem = OutputOf<'formula-list'>[number];

/** Active depots and formulas, for the selects of the subscription dialogs and the filters. */
export function useCatalogue() {
  const depots = useApiQuery('depot-list', { includeArchived: false });
  const formulas = useApiQuery('formula-list', { includeArchived: false });
  return useMemo(
    () => ({
      depots: depots.data ?? [],
      formulas: formulas.data ?? [],
      loading: depots.loading || formulas.loading,
      depotOptions: (depots.data ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.gardenName})` })),
      formulaOptions: (formulas.data ?? []).map((f) => ({ value: String(f.id), label: f.name })),
    }),
    [depots.data, depots.loading, formulas.data, formulas.loading],
  );
}

export type Catalogue = ReturnType<typeof useCatalogue>;
