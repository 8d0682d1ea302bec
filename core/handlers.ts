import { HandlerRegistry, type ContractOf } from './api/handler';
import { appStatus } from './app/app-handlers';
import { organisationGet, organisationUpdate } from './organisation/organisation-handlers';

/**
 * The backend contract: every handler the UI can call, by kebab-case name. One grep for a
 * name finds the caller (`api['organisation-update']`) and the implementation.
 */
export const HANDLERS = [appStatus, organisationGet, organisationUpdate] as const;

export type Contract = ContractOf<typeof HANDLERS>;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = Contract[M]['input'];
export type OutputOf<M extends MethodName> = Contract[M]['output'];

export function createRegistry(): HandlerRegistry {
  return new HandlerRegistry(HANDLERS);
}
