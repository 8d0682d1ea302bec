import { useState } from 'react';

export const PAGE_SIZE = 100;

/** One page of a long list: a few hundred rows draw at once, thousands are paged. */
export function usePaged<T>(rows: readonly T[]) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  return { shown: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), pages, page: current, setPage };
}
