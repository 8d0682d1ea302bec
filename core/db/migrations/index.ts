import * as initial from './2026-12-04-01-initial';
import * as formulaOptions from './2026-12-04-02-formula-options';
import * as subscriptions from './2026-12-04-03-subscriptions';
import * as deliveryCalendar from './2026-12-04-04-delivery-calendar';
import * as weekClosing from './2026-12-04-05-week-closing';
import * as documentAssets from './2026-12-04-07-document-assets';
import * as invoicing from './2026-12-04-06-invoicing';
import * as payments from './2026-12-04-08-payments';
import * as moveIn from './2026-12-04-09-import';
import * as portal from './2026-12-04-10-portal';
import * as ledgerBalanceIndex from './2026-12-04-11-ledger-balance-index';
import { chainUnhashedEntries } from '../../ledger/chain';
import type { Db } from '../database';

export interface Migration {
  /** Sortable and unique: `YYYY-MM-DD-NN-what`. */
  id: string;
  up: string;
  /** A step SQL cannot do (hashing), run in the same transaction after `up`. */
  after?: (db: Db) => void;
}

/**
 * Append-only: a migration, once on main, is never edited or removed; changes come as new
 * entries at the end. A database whose applied list is not a prefix of this one is refused.
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: '2026-12-04-01-initial', up: initial.up },
  { id: '2026-12-04-02-formula-options', up: formulaOptions.up },
  { id: '2026-12-04-03-subscriptions', up: subscriptions.up },
  { id: '2026-12-04-04-delivery-calendar', up: deliveryCalendar.up },
  { id: '2026-12-04-05-week-closing', up: weekClosing.up },
  { id: '2026-12-04-06-invoicing', up: invoicing.up },
  { id: '2026-12-04-07-document-assets', up: documentAssets.up },
  { id: '2026-12-04-08-payments', up: payments.up, after: (db) => void chainUnhashedEntries(db) },
  { id: '2026-12-04-09-import', up: moveIn.up },
  { id: '2026-12-04-10-portal', up: portal.up },
  { id: '2026-12-04-11-ledger-balance-index', up: ledgerBalanceIndex.up },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
