import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../core/api/errors';
import type { InputOf, MethodName, OutputOf } from '../../core/handlers';
import { useApi } from './api-context';

export interface QueryState<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * Reads from the backend when the component mounts (and on `reload`). Small on purpose:
 * the backend is local and fast, so no cache layer; screens reload after their own mutations.
 */
export function useApiQuery<M extends MethodName>(method: M, input: InputOf<M>): QueryState<OutputOf<M>> {
  const api = useApi();
  const [state, setState] = useState<{ data?: OutputOf<M>; error?: AppError; loading: boolean }>({ loading: true });
  const inputKey = JSON.stringify(input);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await api.call(method, JSON.parse(inputKey) as InputOf<M>);
      if (ticket === latest.current) setState({ data, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState({ error: error as AppError, loading: false });
    }
  }, [api, method, inputKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}
