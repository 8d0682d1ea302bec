import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { readMembershipSettings } from '../memberships/membership-handlers';
import { membershipForJoining, periodContaining, type MembershipPeriod, type MembershipSettings } from '../memberships/membership-period';

export interface MembershipDue {
  typeId: number;
  label: string;
  amountCents: number;
  covers: MembershipPeriod;
}

/** What deciding the fee needs, loaded once for a whole run. */
export interface MembershipContext {
  settings: MembershipSettings;
  types: ReadonlyMap<number, { label: string; amountCents: number }>;
  /** Issued, uncredited membership lines per subscriber: the periods already paid. */
  paid: ReadonlyMap<number, MembershipPeriod[]>;
}

export function loadMembershipContext(db: Db): MembershipContext {
  const paid = new Map<number, MembershipPeriod[]>();
  for (const r of db.all<{ s: number; start: string; end: string }>(
    `SELECT i.subscriber_id AS s, l.covers_from AS start, l.covers_to AS end FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
     WHERE i.status = 'issued' AND l.kind = 'membership' AND NOT EXISTS (SELECT 1 FROM credit_note_lines c WHERE c.invoice_line_id = l.id)`,
  )) {
    paid.set(r.s, [...(paid.get(r.s) ?? []), { start: r.start as IsoDate, end: r.end as IsoDate }]);
  }
  const types = new Map(db.all<{ id: number; label: string; amount_cents: number }>('SELECT id, label, amount_cents FROM membership_types').map((t) => [t.id, { label: t.label, amountCents: t.amount_cents }]));
  return { settings: readMembershipSettings(db), types, paid };
}

/**
 * The membership fee falls due on the first invoice of a period: when no issued, uncredited
 * membership covers `day` (the first billed day), the subscriber has a fee type and is not
 * exempt. A first membership follows the joining rule (from the pivot day on, it also covers
 * the next period); later ones cover the period containing `day`.
 */
export function membershipDue(
  subscriber: { id: number; membership_exempt: number; membership_type_id: number | null },
  context: MembershipContext,
  day: IsoDate,
): MembershipDue | null {
  if (subscriber.membership_exempt === 1 || subscriber.membership_type_id === null) return null;
  const paid = context.paid.get(subscriber.id) ?? [];
  if (paid.some((p) => p.start <= day && day <= p.end)) return null;
  const type = context.types.get(subscriber.membership_type_id);
  if (!type) return null;
  const covers = paid.length === 0 ? membershipForJoining(day, context.settings) : periodContaining(day, context.settings);
  return { typeId: subscriber.membership_type_id, label: type.label, amountCents: type.amountCents, covers };
}
