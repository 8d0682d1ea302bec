import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, formatDateFr, type IsoDate } from '../dates/dates';
import { readDeliverySettings } from '../deliveries/delivery-settings';
import { planDeliveries } from '../deliveries/plan';
import { loadMembershipContext, membershipDue, type MembershipContext } from './membership-due';

/** `2026-04`, the month an invoice run bills. */
export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois invalide (attendu AAAA-MM, exemple : 2026-04).');

export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01` as IsoDate;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next as IsoDate, -1) };
}

/** The day the accounts moved to Paniers, if one is recorded (the letter: 10 April). */
export function readCutover(db: Db): IsoDate | null {
  return (db.get<{ d: IsoDate | null }>('SELECT cutover_date AS d FROM cutover WHERE id = 1')?.d ?? null) as IsoDate | null;
}

/**
 * The days of `month` Paniers bills: the whole month, or from the cut-over day on (the old
 * software invoiced the deliveries before it). Empty (from > to) for a month before the cut-over.
 */
export function billableRange(db: Db, month: string): { from: IsoDate; to: IsoDate } {
  const range = monthRange(month);
  const cutover = readCutover(db);
  return cutover && cutover > range.from ? { from: cutover, to: range.to } : range;
}

/** SQL condition of a billed delivery record (alias r): delivered, or not collected when the setting bills it. */
export function billedStatusSql(db: Db): string {
  return readDeliverySettings(db).billNotCollected ? "r.status IN ('delivered', 'not_collected')" : "r.status = 'delivered'";
}

export type Blocker =
  | { kind: 'open_day'; date: string; baskets: number; message: string }
  | { kind: 'missing_address'; subscriberId: number; name: string; message: string }
  | { kind: 'organisation'; field: string; message: string }
  | { kind: 'cutover'; date: string; message: string };

/**
 * Subscribers a run of `month` would bill: those with billed baskets in the month not yet
 * invoiced, and supporters (no baskets) whose cotisation falls due on the 1st of the month.
 */
export function subscribersToBill(db: Db, month: string, context: MembershipContext = loadMembershipContext(db)): number[] {
  const { from, to } = billableRange(db, month);
  if (from > to) return [];
  const withBaskets = db
    .all<{ id: number }>(
      `SELECT DISTINCT r.subscriber_id AS id FROM deliveries r
       WHERE r.delivery_date BETWEEN :from AND :to AND ${billedStatusSql(db)}
         AND NOT EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.delivery_id = r.id AND i.status = 'issued')`,
      { ':from': from, ':to': to },
    )
    .map((r) => r.id);
  const baskets = new Set(withBaskets);
  const supporters = db
    .all<{ id: number; membership_exempt: number; membership_type_id: number | null }>(
      'SELECT id, membership_exempt, membership_type_id FROM subscribers WHERE is_supporter = 1 AND archived_at IS NULL AND membership_type_id IS NOT NULL',
    )
    .filter((s) => !baskets.has(s.id) && membershipDue(s, context, from) !== null)
    .map((s) => s.id);
  return [...withBaskets, ...supporters].sort((a, b) => a - b);
}

/**
 * What must be fixed before a month is invoiced: days of the month with planned baskets not
 * yet validated (their records, the billing basis, do not exist), subscribers to bill with no
 * postal address, and the organisation's mandatory mentions (finance-rules §1.2).
 */
export function findBlockers(db: Db, month: string): Blocker[] {
  const { from, to } = billableRange(db, month);
  if (from > to) {
    return [{ kind: 'cutover', date: from, message: `Ce mois précède la reprise des comptes dans Paniers (le ${formatDateFr(from)}) : l’ancien logiciel l’a facturé.` }];
  }
  const blockers: Blocker[] = [];
  const closed = new Set(db.all<{ d: string }>('SELECT delivery_date AS d FROM delivery_days WHERE delivery_date BETWEEN ? AND ?', [from, to]).map((r) => r.d));
  const open = new Map<string, number>();
  for (const b of planDeliveries(db, { from, to, unsorted: true })) {
    if (!closed.has(b.date)) open.set(b.date, (open.get(b.date) ?? 0) + b.quantity);
  }
  for (const [date, baskets] of [...open.entries()].sort()) {
    blockers.push({ kind: 'open_day', date, baskets, message: `Livraisons du ${formatDateFr(date as IsoDate)} non validées (${baskets} panier${baskets > 1 ? 's' : ''}) : validez la semaine avant de facturer.` });
  }
  const ids = subscribersToBill(db, month);
  if (ids.length > 0) {
    const rows = db.all<{ id: number; name: string }>(
      `SELECT id, trim(first_name || ' ' || last_name) AS name FROM subscribers
       WHERE id IN (${ids.map(() => '?').join(',')}) AND (trim(address_line1) = '' OR trim(postcode) = '' OR trim(city) = '')
       ORDER BY last_name, first_name, id`,
      ids,
    );
    for (const r of rows) {
      blockers.push({ kind: 'missing_address', subscriberId: r.id, name: r.name, message: `${r.name} n’a pas d’adresse postale complète : complétez sa fiche (adresse, code postal, ville).` });
    }
  }
  const org = db.get<{ legal_name: string; address_line1: string; postcode: string; city: string; siret: string }>('SELECT * FROM organisation WHERE id = 1')!;
  const required: [string, string, string][] = [
    ['legalName', org.legal_name, 'Indiquez le nom de l’association dans les Paramètres : il figure sur chaque facture.'],
    ['addressLine1', org.address_line1, 'Indiquez l’adresse de l’association dans les Paramètres : elle figure sur chaque facture.'],
    ['postcode', org.postcode, 'Indiquez le code postal de l’association dans les Paramètres.'],
    ['city', org.city, 'Indiquez la ville de l’association dans les Paramètres.'],
    ['siret', org.siret, 'Indiquez le SIRET de l’association dans les Paramètres : c’est une mention obligatoire des factures.'],
  ];
  for (const [field, value, message] of required) if (value.trim() === '') blockers.push({ kind: 'organisation', field, message });
  return blockers;
}

export const invoiceRunBlockers = defineHandler({
  name: 'invoice-run-blockers',
  input: z.object({ month: monthField }),
  labels: { month: 'Mois' },
  mutates: false,
  run: ({ db }, { month }) => findBlockers(db, month),
});
