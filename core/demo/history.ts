import { addDays, type IsoDate } from '../dates/dates';
import type { Occurrence } from './calendar';
import { MEMBERSHIP_TYPES } from './catalogue';
import type { PlannedSubscriber, PlannedSubscription, Window } from './plan';
import type { Random } from './random';

/**
 * The past of one subscriber: delivery records, then the ledger that follows from them
 * (letter: invoice in arrears each month, SEPA debit on the 10th, or quarterly cheques).
 */

export type DeliveryStatus = 'delivered' | 'cancelled' | 'closure' | 'holiday_skipped';

/** `[date, scheduled date, subscription, subscriber, depot, formula, quantity, unit price, vat bp, status, note]`, as inserted. */
export type DeliveryRow = [IsoDate, IsoDate, number, number, number, number, number, number, number, DeliveryStatus, string];

export interface LedgerRow {
  date: IsoDate;
  kind: 'opening_balance' | 'invoice' | 'payment' | 'payment_reversal';
  amount: number;
  method: 'sepa' | 'cheque' | 'transfer' | null;
  reference: string;
  label: string;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `[chain, from, to, reason, source, created at]`, as inserted in `cancellations`. */
export type CancellationRow = [number, IsoDate, IsoDate, string, 'office' | 'portal', string];

function takesDelivery(sub: PlannedSubscription, occ: Occurrence): boolean {
  // The planner's rules: the usual day decides dates, frequency and season; the shift does not.
  if (occ.scheduled < sub.start || (sub.end && occ.scheduled > sub.end)) return false;
  const months = sub.formula.months;
  if (months && (occ.monthNumber < months[0] || occ.monthNumber > months[1])) return false;
  switch (sub.frequency) {
    case 'weekly':
      return true;
    case 'biweekly_even':
      return occ.weekParity === 0;
    case 'biweekly_odd':
      return occ.weekParity === 1;
    case 'monthly':
      return occ.firstOfMonth;
  }
}

function overlaps(sub: PlannedSubscription, from: IsoDate, to: IsoDate): boolean {
  return sub.start <= to && (!sub.end || sub.end >= from);
}

export interface HistorySink {
  delivery(row: DeliveryRow): void;
  cancellation(row: CancellationRow): void;
}

/**
 * Emits the cancellations and delivery rows of a subscriber and returns what was delivered
 * per month (cents), the base of the monthly invoices.
 */
export function deliveriesOf(
  subscriber: PlannedSubscriber,
  occurrences: ReadonlyMap<number, readonly Occurrence[]>,
  window: Window,
  priceChange: IsoDate,
  random: Random,
  sink: HistorySink,
): Map<string, number> {
  const billed = new Map<string, number>();
  const source = () => (random.chance(0.6) ? 'portal' : 'office');
  for (const sub of subscriber.subscriptions) {
    // Summer holidays: one cancellation per subscription, entered a few days ahead.
    const absences = subscriber.absences.filter(([from, to]) => from <= window.to && overlaps(sub, from, to));
    for (const [from, to] of absences) sink.cancellation([sub.id, from, to, 'Vacances', source(), `${addDays(from, -random.int(3, 20))}T18:00:00.000Z`]);
    const price = (date: IsoDate) => (date >= priceChange ? sub.formula.newPrice : sub.formula.oldPrice);
    for (const occ of occurrences.get(sub.depot.id) ?? []) {
      if (!takesDelivery(sub, occ)) continue;
      let status: DeliveryStatus = occ.status === 'open' ? 'delivered' : occ.status;
      let note = occ.reason;
      if (status === 'delivered') {
        if (absences.some(([a, b]) => (occ.date >= a && occ.date <= b) || (occ.scheduled >= a && occ.scheduled <= b))) {
          status = 'cancelled';
          note = 'Vacances';
        } else if (random.chance(0.025)) {
          status = 'cancelled';
          note = 'Absence ponctuelle';
          sink.cancellation([sub.id, occ.date, occ.date, note, source(), `${addDays(occ.date, -random.int(2, 10))}T08:00:00.000Z`]);
        }
      }
      const unit = price(occ.date);
      // The formula's VAT rate is recorded as the week closing does; whether it is charged
      // depends on the organisation's VAT status when invoicing.
      sink.delivery([occ.date, occ.scheduled, sub.id, subscriber.id, sub.depot.id, sub.formula.id, sub.quantity, unit, sub.formula.vatRateBp, status, note]);
      if (status === 'delivered') billed.set(occ.month, (billed.get(occ.month) ?? 0) + unit * sub.quantity);
    }
  }
  return billed;
}

function firstOfNextMonth(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return (m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`) as IsoDate;
}

/** The 10th on or after `date`: the monthly direct-debit day of the letter. */
function nextCollectionDay(date: IsoDate): IsoDate {
  if (Number(date.slice(8)) <= 10) return `${date.slice(0, 8)}10` as IsoDate;
  return `${firstOfNextMonth(date.slice(0, 7)).slice(0, 8)}10` as IsoDate;
}

function membershipFee(subscriber: PlannedSubscriber): number {
  return MEMBERSHIP_TYPES.find((type) => type.kind === subscriber.membership)?.amount ?? 0;
}

function activeOn(sub: PlannedSubscription, date: IsoDate): boolean {
  return sub.start <= date && (!sub.end || sub.end >= date);
}

/** What a cheque payer prepays for a quarter (the letter, rule 4), from the subscriptions active on a day. */
function quarterlyFlatOn(subscriber: PlannedSubscriber, day: IsoDate): number {
  return subscriber.subscriptions
    .filter((s) => activeOn(s, day))
    .reduce((sum, s) => sum + (s.formula.quarterlyFlat * s.quantity) / (s.frequency === 'weekly' ? 1 : s.frequency === 'monthly' ? 4 : 2), 0);
}

export function ledgerOf(subscriber: PlannedSubscriber, billed: ReadonlyMap<string, number>, window: Window, random: Random): LedgerRow[] {
  const rows: LedgerRow[] = [];
  const ref = (prefix: string, date: IsoDate) => `${prefix}${date.slice(0, 4)}${date.slice(5, 7)}-${String(subscriber.id).padStart(5, '0')}`;
  const until = subscriber.archivedOn && subscriber.archivedOn < window.to ? subscriber.archivedOn : window.to;
  const since = subscriber.createdOn > window.from ? subscriber.createdOn : window.from;

  if (subscriber.createdOn < window.from && random.chance(0.35)) {
    // Letter, rule 6: the balance carried over from the old software at the cut-over date.
    rows.push({ date: window.from, kind: 'opening_balance', amount: random.int(-600, 1200) * 10, method: null, reference: '', label: 'Solde repris de l’ancien logiciel' });
  }
  const fee = membershipFee(subscriber);
  if (fee > 0) {
    // Yearly on 1 January, and on joining for those who joined during the history.
    const feeDays = subscriber.createdOn >= window.from ? [since] : [];
    for (let year = Number(since.slice(0, 4)) + 1; `${year}-01-01` <= until; year++) feeDays.push(`${year}-01-01` as IsoDate);
    for (const day of feeDays.filter((d) => !window.cutover || d < window.cutover)) rows.push({ date: day, kind: 'invoice', amount: -fee, method: null, reference: ref('C', day), label: `Cotisation ${day.slice(0, 4)}` });
  }
  for (const [month, total] of billed) {
    const day = firstOfNextMonth(month);
    // From the cut-over month on, the office invoices in Paniers itself (no double billing).
    if (day > until || (window.cutover && month >= window.cutover.slice(0, 7))) continue;
    const monthName = MONTHS_FR[Number(month.slice(5)) - 1]!;
    rows.push({ date: day, kind: 'invoice', amount: -total, method: null, reference: ref('F', day), label: `Paniers livrés en ${monthName} ${month.slice(0, 4)}` });
  }

  if (subscriber.paymentMethod === 'sepa') {
    // Each invoice is collected exactly on the next 10th (letter: "le montant prélevé correspondra exactement").
    const collections = new Map<IsoDate, number>();
    for (const row of rows) {
      if (row.kind !== 'invoice') continue;
      const day = nextCollectionDay(row.date);
      if (day <= until) collections.set(day, (collections.get(day) ?? 0) - row.amount);
    }
    for (const [day, amount] of collections) {
      rows.push({ date: day, kind: 'payment', amount, method: 'sepa', reference: subscriber.rum, label: 'Prélèvement SEPA' });
      if (random.chance(0.006)) {
        const rejected = addDays(day, 5);
        rows.push({ date: rejected, kind: 'payment_reversal', amount: -amount, method: 'sepa', reference: subscriber.rum, label: 'Rejet de prélèvement : provision insuffisante' });
        if (addDays(rejected, 12) <= until) {
          rows.push({ date: addDays(rejected, 12), kind: 'payment', amount, method: 'transfer', reference: '', label: 'Virement après rejet de prélèvement' });
        }
      }
    }
  } else {
    // Letter, rule 4: cheque payers prepay a flat amount per quarter depending on the basket size.
    for (let year = Number(since.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
      for (const month of ['01', '04', '07', '10']) {
        const day = `${year}-${month}-05` as IsoDate;
        if (day < since || day > until) continue;
        const flat = quarterlyFlatOn(subscriber, day);
        if (flat > 0) rows.push({ date: day, kind: 'payment', amount: Math.round(flat), method: 'cheque', reference: random.digits(7), label: 'Chèque trimestriel' });
      }
    }
    for (const row of rows.filter((r) => r.label.startsWith('Cotisation'))) {
      rows.push({ date: row.date, kind: 'payment', amount: -row.amount, method: 'cheque', reference: random.digits(7), label: `Chèque de ${row.label.toLowerCase()}` });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A cheque handed to the office in Paniers' time, recorded in `cheques` and credited. */
export interface AdvanceCheque {
  number: string;
  bank: string;
  drawer: string;
  amount: number;
  receivedOn: IsoDate;
  plannedOn: IsoDate;
}

const BANKS = ['Crédit Agricole', 'Crédit Mutuel de Bretagne', 'La Banque Postale', 'Banque Populaire Grand Ouest', 'CIC Ouest', 'Caisse d’Épargne', 'Société Générale'];

/**
 * Since the cut-over, cheque payers hand in next quarter's cheque in advance (the letter:
 * « encaissés aux dates prévues »): most are planned for the quarter's first days, a few for
 * the last days (still to take to the bank today), some people gave the two next quarters.
 */
export function advanceChequesOf(subscriber: PlannedSubscriber, window: Window, random: Random): AdvanceCheque[] {
  if (subscriber.paymentMethod !== 'cheque' || !window.cutover || (subscriber.archivedOn && subscriber.archivedOn <= window.to)) return [];
  const quarterStart = (day: IsoDate): IsoDate => {
    const month = Number(day.slice(5, 7));
    const next = Math.floor((month - 1) / 3) * 3 + 4;
    return (next > 12 ? `${Number(day.slice(0, 4)) + 1}-01-05` : `${day.slice(0, 4)}-${String(next).padStart(2, '0')}-05`) as IsoDate;
  };
  const first = quarterStart(window.to);
  const flat = quarterlyFlatOn(subscriber, window.to);
  if (flat <= 0 || !random.chance(0.8)) return [];
  const drawer = subscriber.person.kind === 'organisation' ? subscriber.person.lastName : [subscriber.person.firstName, subscriber.person.lastName].join(' ');
  const bank = random.pick(BANKS);
  const receivedOn = addDays(window.to, -random.int(2, 30));
  const due = random.chance(0.15);
  const cheques: AdvanceCheque[] = [
    { number: random.digits(7), bank, drawer, amount: Math.round(flat), receivedOn, plannedOn: due ? addDays(window.to, -random.int(0, 2)) : first },
  ];
  if (random.chance(0.3)) {
    const after = `${first.slice(0, 5)}04-05` as IsoDate;
    cheques.push({ number: String(Number(cheques[0]!.number) + 1).padStart(7, '0'), bank, drawer, amount: Math.round(flat), receivedOn, plannedOn: after });
  }
  // A cheque cannot be planned before it was handed in.
  return cheques.map((c) => (c.plannedOn < c.receivedOn ? { ...c, plannedOn: c.receivedOn } : c));
}
