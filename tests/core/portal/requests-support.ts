import type { Backend } from '../../../core';
import { portalIdOf } from '../../../core/portal/portal-ids';

/** What the portal knows of a subscriber: its portal id (from the export, or computed the same way). */
export async function portalIdFor(backend: Backend, subscriberId: number): Promise<string> {
  const subscriber = (await backend.call('subscriber-get', { id: subscriberId })) as { id: number; createdAt: string };
  return portalIdOf(subscriber.id, subscriber.createdAt);
}

export async function subscriberOf(backend: Backend, chainId: number): Promise<number> {
  return ((await backend.call('subscription-get', { chainId })) as { subscriberId: number }).subscriberId;
}

let sequence = 0;

/** A requests file as the simulated portal writes it: the envelope, ids and instants filled in. */
export function requestsFile(requests: Record<string, unknown>[]): string {
  return JSON.stringify(
    {
      format: 'paniers-portail-demandes',
      version: 1,
      requests: requests.map((r) => ({ requestId: `req-${++sequence}`, requestedAt: '2026-12-04T08:00:00Z', ...r })),
    },
    null,
    2,
  );
}

export interface ImportResult {
  applied: number;
  waiting: number;
  rejected: number;
  duplicates: number;
  files: { name: string; requests: number; applied: number; waiting: number; duplicates: number; problems: { path: string; message: string }[] }[];
}

export async function importRequests(backend: Backend, files: { name: string; content: string }[]): Promise<ImportResult> {
  return (await backend.call('portal-requests-import', { files })) as ImportResult;
}

export interface RequestView {
  id: number;
  requestId: string;
  portalId: string;
  subscriberId: number | null;
  subscriberName: string;
  type: string;
  typeLabel: string;
  summary: string;
  status: string;
  statusLabel: string;
  reason: string;
  decidedAt: string | null;
}

export async function listRequests(backend: Backend, status?: 'applied' | 'waiting' | 'rejected'): Promise<RequestView[]> {
  return (await backend.call('portal-request-list', status ? { status } : {})) as RequestView[];
}

interface Basket {
  date: string;
  chainId: number;
  status: string;
  depotName: string;
  formulaName: string;
  temporary: boolean;
  reason: string;
}

/** The baskets of one subscription in the week of `day`, as the Semaine screen shows them. */
export async function weekBaskets(backend: Backend, day: string, chainId: number): Promise<Basket[]> {
  const week = (await backend.call('delivery-week', { day })) as { baskets: Basket[] };
  return week.baskets.filter((b) => b.chainId === chainId);
}
