import type { Db } from '../db/database';
import { displayName } from '../subscribers/subscribers';
import { catalogueNames, describeRequest, REQUEST_TYPE_LABELS, type CatalogueNames } from './request-describe';
import { portalRequestSchema, type PortalRequest, type PortalRequestType } from './request-schema';

export const REQUEST_STATUSES = ['applied', 'waiting', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  applied: 'Appliquée',
  waiting: 'En attente',
  rejected: 'Refusée',
};

interface RequestRow {
  id: number;
  request_id: string;
  subscriber_ref: string;
  subscriber_id: number | null;
  type: PortalRequestType;
  requested_at: string;
  payload: string;
  received_at: string;
  status: RequestStatus;
  reason: string;
  decided_at: string | null;
  reported_in_sequence: number | null;
  kind: 'person' | 'organisation' | null;
  civility: '' | 'Mme' | 'M.' | null;
  first_name: string | null;
  last_name: string | null;
}

/** A request as the office's list shows it. */
export interface PortalRequestView {
  id: number;
  requestId: string;
  portalId: string;
  subscriberId: number | null;
  /** Empty when the portal id matches no subscriber. */
  subscriberName: string;
  type: PortalRequestType;
  typeLabel: string;
  /** What was asked, in French. */
  summary: string;
  requestedAt: string;
  receivedAt: string;
  status: RequestStatus;
  statusLabel: string;
  /** Why it waits or was refused (sent back to the portal once decided). */
  reason: string;
  decidedAt: string | null;
  /** The export sequence that told the portal the outcome; null: not told yet. */
  reportedInSequence: number | null;
}

const SELECT = `SELECT r.*, s.kind, s.civility, s.first_name, s.last_name FROM portal_requests r LEFT JOIN subscribers s ON s.id = r.subscriber_id`;

/** The stored request, as validated when it was imported. */
export function storedRequest(payload: string): PortalRequest {
  return portalRequestSchema.parse(JSON.parse(payload));
}

function toView(row: RequestRow, names: CatalogueNames): PortalRequestView {
  return {
    id: row.id,
    requestId: row.request_id,
    portalId: row.subscriber_ref,
    subscriberId: row.subscriber_id,
    subscriberName:
      row.kind === null ? '' : displayName({ kind: row.kind, civility: row.civility ?? '', firstName: row.first_name ?? '', lastName: row.last_name ?? '' }),
    type: row.type,
    typeLabel: REQUEST_TYPE_LABELS[row.type],
    summary: describeRequest(storedRequest(row.payload), names),
    requestedAt: row.requested_at,
    receivedAt: row.received_at,
    status: row.status,
    statusLabel: REQUEST_STATUS_LABELS[row.status],
    reason: row.reason,
    decidedAt: row.decided_at,
    reportedInSequence: row.reported_in_sequence,
  };
}

export function listRequests(db: Db, status: RequestStatus | null, limit: number): PortalRequestView[] {
  const names = catalogueNames(db);
  return db
    .all<RequestRow>(`${SELECT} WHERE (:status IS NULL OR r.status = :status) ORDER BY r.requested_at, r.id LIMIT :limit`, {
      ':status': status,
      ':limit': limit,
    })
    .map((row) => toView(row, names));
}

export function requestView(db: Db, id: number): PortalRequestView | undefined {
  const row = db.get<RequestRow>(`${SELECT} WHERE r.id = ?`, [id]);
  return row ? toView(row, catalogueNames(db)) : undefined;
}
