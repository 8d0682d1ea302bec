import { fromSerializedError } from '../../core/api/errors';
import type { InputOf, MethodName, OutputOf } from '../../core/handlers';
import type { Transport } from './transport';

/** The typed backend API: `api.call('organisation-update', input)` → the handler's output. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

/** Wraps a transport; backend errors are rethrown as typed errors (ValidationError…). */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport.call(method, input);
      if ('error' in result) throw fromSerializedError(result.error);
      return result.data as OutputOf<typeof method>;
    },
  };
}
