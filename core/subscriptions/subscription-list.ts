import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Frequency } from '../formulas/formulas';
import { displayName } from '../subscribers/subscribers';
import { searchTerms } from '../text/fold';
import { idField } from '../validation/fields';
import type { SubscriptionStatus } from './subscriptions';

export const SUBSCRIPTION_SORTS = ['name', 'start', 'end', 'depot'] as const;

const ORDER_BY: Record<(typeof SUBSCRIPTION_SORTS)[number], string> = {
  name: 'last_name COLLATE NOCASE, first_name COLLATE NOCASE, chain_id',
  start: 'start_date DESC, chain_id DESC',
  // Open-ended subscriptions last: the office looks here for what ends soon.
  end: "coalesce(end_date, '9999-12-31'), last_name COLLATE NOCASE, chain_id",
  depot: 'depot_name COLLATE NOCASE, last_name COLLATE NOCASE, chain_id',
};

export const subscriptionListInput = z.object({
  query: z.string().max(200).default(''),
  depotId: idField.optional(),
  formulaId: idField.optional(),
  status: z.enum(['active', 'upcoming', 'ended']).optional(),
  discoveryOnly: z.boolean().default(false),
  sort: z.enum(SUBSCRIPTION_SORTS).default('name'),
  limit: z.number().int().min(1).max(20_000).default(100),
  offset: z.number().int().min(0).default(0),
});

export interface SubscriptionListRow {
  chainId: number;
  subscriberId: number;
  subscriberName: string;
  depotId: number;
  depotName: string;
  formulaId: number;
  formulaName: string;
  frequency: Frequency;
  quantity: number;
  startDate: string;
  /** Last day of the subscription (its last version's end); null when open-ended. */
  endDate: string | null;
  isDiscovery: boolean;
  status: SubscriptionStatus;
}

/**
 * The chains with their version in force today (else the next one, else the last one), the
 * same choice as `loadSubscription`, done in SQL so a page of 10,000 chains stays one query.
 */
const CHAINS = `
  WITH chains AS (
    SELECT chain_id, min(subscriber_id) AS subscriber_id, min(start_date) AS start_date,
           max(coalesce(end_date, '9999-12-31')) AS last_end, max(is_discovery) AS is_discovery
    FROM subscriptions GROUP BY chain_id
  ),
  listed AS (
    SELECT c.chain_id, c.subscriber_id, c.start_date,
           CASE WHEN c.last_end = '9999-12-31' THEN NULL ELSE c.last_end END AS end_date,
           c.is_discovery,
           CASE WHEN c.start_date > :today THEN 'upcoming' WHEN c.last_end < :today THEN 'ended' ELSE 'active' END AS status,
           (SELECT v.id FROM subscriptions v WHERE v.chain_id = c.chain_id
             ORDER BY CASE WHEN v.start_date <= :today AND (v.end_date IS NULL OR v.end_date >= :today) THEN 0
                           WHEN v.start_date > :today THEN 1 ELSE 2 END,
                      CASE WHEN v.start_date > :today THEN v.start_date ELSE '' END,
                      v.start_date DESC
             LIMIT 1) AS version_id
    FROM chains c
  )
  SELECT l.*, s.kind, s.civility, s.first_name, s.last_name, s.search_text,
         v.depot_id, d.name AS depot_name, v.formula_id, f.name AS formula_name, v.frequency, v.quantity
  FROM listed l
  JOIN subscribers s ON s.id = l.subscriber_id
  JOIN subscriptions v ON v.id = l.version_id
  JOIN depots d ON d.id = v.depot_id
  JOIN formulas f ON f.id = v.formula_id`;

interface ListRow {
  chain_id: number;
  subscriber_id: number;
  start_date: string;
  end_date: string | null;
  is_discovery: number;
  status: SubscriptionStatus;
  kind: 'person' | 'organisation';
  civility: '' | 'Mme' | 'M.';
  first_name: string;
  last_name: string;
  depot_id: number;
  depot_name: string;
  formula_id: number;
  formula_name: string;
  frequency: Frequency;
  quantity: number;
}

/** The Abonnements screen: every subscription, searchable by subscriber, filtered, paged, counted. */
export const subscriptionList = defineHandler({
  name: 'subscription-list',
  input: subscriptionListInput,
  mutates: false,
  run: ({ db, clock }, input) => {
    const params: Record<string, string | number> = { ':today': clock.today() };
    const where: string[] = [];
    searchTerms(input.query).forEach((term, i) => {
      where.push(`search_text LIKE :q${i} ESCAPE '\\'`);
      params[`:q${i}`] = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    });
    if (input.depotId) {
      where.push('depot_id = :depot');
      params[':depot'] = input.depotId;
    }
    if (input.formulaId) {
      where.push('formula_id = :formula');
      params[':formula'] = input.formulaId;
    }
    if (input.status) {
      where.push('status = :status');
      params[':status'] = input.status;
    }
    if (input.discoveryOnly) where.push('is_discovery = 1');
    const filtered = `SELECT * FROM (${CHAINS}) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM (${filtered})`, params)?.n ?? 0;
    const rows = db.all<ListRow>(`${filtered} ORDER BY ${ORDER_BY[input.sort]} LIMIT :limit OFFSET :offset`, {
      ...params,
      ':limit': input.limit,
      ':offset': input.offset,
    });
    return {
      total,
      rows: rows.map(
        (row): SubscriptionListRow => ({
          chainId: row.chain_id,
          subscriberId: row.subscriber_id,
          subscriberName: displayName({ kind: row.kind, civility: row.civility, firstName: row.first_name, lastName: row.last_name }),
          depotId: row.depot_id,
          depotName: row.depot_name,
          formulaId: row.formula_id,
          formulaName: row.formula_name,
          frequency: row.frequency,
          quantity: row.quantity,
          startDate: row.start_date,
          endDate: row.end_date,
          isDiscovery: row.is_discovery === 1,
          status: row.status,
        }),
      ),
    };
  },
});
