import type { Db } from '../db/database';
import { sha256Hex } from '../text/hash';

/**
 * The subscriber id the portal sees: stable (id and creation instant never change) and not
 * enumerable from outside, unlike `ADH-000123` (design of issue 9).
 */
export function portalIdOf(subscriberId: number, createdAt: string): string {
  return `P${sha256Hex(`paniers-portail:${subscriberId}:${createdAt}`).slice(0, 16)}`;
}

export const PORTAL_ID_PATTERN = /^P[0-9a-f]{16}$/;

/**
 * Portal id → subscriber id. A hash cannot be reversed, so every subscriber is hashed once
 * per import (about 10,000 hashes: milliseconds) and the map answers the requests after.
 * Archived subscribers are included so a request of theirs meets the handlers' own refusal
 * (« fiche archivée ») rather than a vaguer « adhérent inconnu ».
 */
export function portalIdIndex(db: Db): Map<string, number> {
  const index = new Map<string, number>();
  db.withStatement('SELECT id, created_at FROM subscribers', (stmt) =>
    stmt.each<{ id: number; created_at: string }>(undefined, (row) => {
      index.set(portalIdOf(row.id, row.created_at), row.id);
    }),
  );
  return index;
}
