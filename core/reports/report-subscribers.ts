import type { Db } from '../db/database';
import { addDays, type IsoDate } from '../dates/dates';
import { monthRange } from '../invoicing/blockers';

export interface SubscriberMonth {
  month: string;
  /** Subscribers with a subscription running on the month's last day. */
  activeAtMonthEnd: number;
  /** Subscribers whose first subscription starts in the month. */
  arrivals: number;
  /** Subscribers whose last subscription ends in the month (none running after it). */
  departures: number;
}

export interface DiscoveryRetention {
  /** Découverte offers whose term ended in the period (and before today). */
  ended: number;
  /** Of those, subscribers who continued with a normal subscription within 4 weeks of the end. */
  continued: number;
  /** Neither continued nor 4 weeks past their end yet: still undecided. */
  pending: number;
  /** continued ÷ (ended − pending), in percent to one decimal; null when nothing is decided yet. */
  ratePercent: number | null;
}

export interface SubscriberReport {
  months: SubscriberMonth[];
  discovery: DiscoveryRetention;
}

/** A Découverte subscriber has 4 weeks after the term to take a normal subscription (issue 10). */
export const RETENTION_DAYS = 28;

interface VersionRow {
  subscriber_id: number;
  chain_id: number;
  start_date: string;
  end_date: string | null;
  is_discovery: number;
}

function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addDays(monthRange(month).to, 1).slice(0, 7)) months.push(month);
  return months;
}

const OPEN = '9999-12-31';

/** Active subscribers at each month's end, arrivals and departures, and what became of the Découverte offers. */
export function subscriberReport(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): SubscriberReport {
  const versions = db.all<VersionRow>('SELECT subscriber_id, chain_id, start_date, end_date, is_discovery FROM subscriptions');
  const spans = new Map<number, { first: string; last: string }>();
  for (const v of versions) {
    const end = v.end_date ?? OPEN;
    const span = spans.get(v.subscriber_id);
    if (!span) spans.set(v.subscriber_id, { first: v.start_date, last: end });
    else {
      if (v.start_date < span.first) span.first = v.start_date;
      if (end > span.last) span.last = end;
    }
  }
  const months = monthsBetween(from, to).map((month) => {
    const { from: first, to: last } = monthRange(month);
    const active = new Set<number>();
    for (const v of versions) if (v.start_date <= last && (v.end_date ?? OPEN) >= last) active.add(v.subscriber_id);
    let arrivals = 0;
    let departures = 0;
    for (const span of spans.values()) {
      if (span.first >= first && span.first <= last) arrivals++;
      if (span.last >= first && span.last <= last) departures++;
    }
    return { month, activeAtMonthEnd: active.size, arrivals, departures };
  });
  return { months, discovery: discoveryRetention(versions, from, to, today) };
}

function discoveryRetention(versions: readonly VersionRow[], from: IsoDate, to: IsoDate, today: IsoDate): DiscoveryRetention {
  // The term's end: the last end of the chain's Découverte versions (a renewal moves it).
  const terms = new Map<number, { subscriberId: number; end: string | null }>();
  for (const v of versions) {
    if (v.is_discovery !== 1) continue;
    const term = terms.get(v.chain_id);
    const end = v.end_date ?? OPEN;
    if (!term) terms.set(v.chain_id, { subscriberId: v.subscriber_id, end });
    else if (term.end !== null && end > term.end) term.end = end;
  }
  const normal = new Map<number, VersionRow[]>();
  for (const v of versions) if (v.is_discovery !== 1) normal.set(v.subscriber_id, [...(normal.get(v.subscriber_id) ?? []), v]);
  let ended = 0;
  let continued = 0;
  let pending = 0;
  for (const term of terms.values()) {
    const end = term.end;
    if (end === null || end === OPEN || end < from || end > to || end >= today) continue;
    ended++;
    const limit = addDays(end as IsoDate, RETENTION_DAYS);
    const goesOn = (normal.get(term.subscriberId) ?? []).some((v) => v.start_date <= limit && (v.end_date ?? OPEN) > end);
    if (goesOn) continued++;
    else if (limit >= today) pending++;
  }
  const decided = ended - pending;
  return { ended, continued, pending, ratePercent: decided > 0 ? Math.round((continued / decided) * 1000) / 10 : null };
}
