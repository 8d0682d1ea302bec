import { addDays, type IsoDate } from '../dates/dates';
import { randomFrenchAccount } from './bank-ids';
import { discoveryEnd } from '../subscriptions/subscription-handlers';
import { daysBetween } from './calendar';
import type { DemoCatalogue, DemoDepot, DemoFormula } from './catalogue';
import { randomPerson, type DemoPerson } from './people';
import type { Random } from './random';

/** Who the subscribers are and what they subscribe to, before anything is written. */

export type Frequency = 'weekly' | 'biweekly_even' | 'biweekly_odd' | 'monthly';

export interface PlannedSubscription {
  id: number;
  formula: DemoFormula;
  depot: DemoDepot;
  frequency: Frequency;
  quantity: number;
  start: IsoDate;
  end: IsoDate | null;
  isDiscovery: boolean;
  discoveryMonths: 3 | 6 | null;
  /** Découverte renewals, each with the CCAS's agreement (the letter). */
  renewals: { previousEnd: IsoDate; newEnd: IsoDate; agreedOn: IsoDate; reference: string; agreedBy: string }[];
}

export type MembershipKind = 'standard' | 'solidarity' | 'supporter';

export interface PlannedSubscriber {
  id: number;
  person: DemoPerson;
  postcode: string;
  city: string;
  paymentMethod: 'sepa' | 'cheque';
  iban: string;
  bic: string;
  rum: string;
  mandateSignedOn: IsoDate | null;
  isEmployee: boolean;
  isSupporter: boolean;
  membershipExempt: boolean;
  /** Null when exempt (employees). */
  membership: MembershipKind | null;
  notes: string;
  createdOn: IsoDate;
  archivedOn: IsoDate | null;
  subscriptions: PlannedSubscription[];
  /** Summer absences: deliveries in these ranges are cancelled by the subscriber. */
  absences: (readonly [IsoDate, IsoDate])[];
}

export interface Window {
  from: IsoDate;
  to: IsoDate;
  /**
   * The day the association moved to Paniers: the history before it is the old software's
   * (ledger entries without documents); Paniers invoices from here (the office runs it).
   */
  cutover?: IsoDate;
}

function randomDay(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

const FREQUENCIES: readonly (readonly [Frequency, number])[] = [
  ['weekly', 34],
  ['biweekly_even', 25],
  ['biweekly_odd', 25],
  ['monthly', 16],
];

const CCAS_TOWNS = ['Lorient', 'Lanester', 'Hennebont', 'Riantec', 'Quéven', 'Ploemeur'];

function summerAbsences(random: Random, window: Window): (readonly [IsoDate, IsoDate])[] {
  const absences: (readonly [IsoDate, IsoDate])[] = [];
  for (let year = Number(window.from.slice(0, 4)); year <= Number(window.to.slice(0, 4)); year++) {
    if (!random.chance(0.5)) continue;
    const start = randomDay(random, `${year}-07-01` as IsoDate, `${year}-08-20` as IsoDate);
    absences.push([start, addDays(start, random.int(10, 21))]);
  }
  return absences;
}

export function planSubscriber(random: Random, id: number, firstSubscriptionId: number, catalogue: DemoCatalogue, window: Window): PlannedSubscriber {
  const person = randomPerson(random, id);
  const depot = random.weighted(catalogue.depots.map((d) => [d, d.weight] as const));
  const isSupporter = random.chance(0.04);
  const isEmployee = !isSupporter && random.chance(0.03);
  const isDiscovery = !isSupporter && random.chance(0.08);
  // Basket schemes have a high turnover: three members in four joined during the history
  // (Découverte offers always did). With the 30 % who leave, 2,000 members × 2 years come to
  // ≈ 17 MB, the reference size of the benchmark.
  const createdOn = isDiscovery || random.chance(0.75) ? randomDay(random, window.from, addDays(window.to, -7)) : randomDay(random, addDays(window.from, -1100), addDays(window.from, -1));
  const paymentMethod = random.chance(0.7) ? 'sepa' : 'cheque';
  const account = randomFrenchAccount(random);
  const subscriber: PlannedSubscriber = {
    id,
    person,
    postcode: depot.postcode,
    city: depot.city,
    paymentMethod,
    iban: paymentMethod === 'sepa' || random.chance(0.3) ? account.iban : '',
    bic: paymentMethod === 'sepa' ? account.bic : '',
    rum: paymentMethod === 'sepa' ? `OPTIM-${String(id).padStart(6, '0')}` : '',
    mandateSignedOn: paymentMethod === 'sepa' ? createdOn : null,
    isEmployee,
    isSupporter,
    membershipExempt: isEmployee,
    membership: isEmployee ? null : isSupporter ? 'supporter' : isDiscovery ? 'solidarity' : 'standard',
    notes: '',
    createdOn,
    archivedOn: null,
    subscriptions: [],
    absences: summerAbsences(random, window),
  };
  if (isSupporter) return subscriber;

  let nextId = firstSubscriptionId;
  const add = (formula: DemoFormula, frequency: Frequency, start: IsoDate, end: IsoDate | null, quantity = 1, discoveryMonths: 3 | 6 | null = null) => {
    const sub: PlannedSubscription = { id: nextId++, formula, depot, frequency, quantity, start, end, isDiscovery: discoveryMonths !== null, discoveryMonths, renewals: [] };
    subscriber.subscriptions.push(sub);
    return sub;
  };
  const frequency = random.weighted(FREQUENCIES);
  // 30 % leave during the history; the subscription ends, the member record stays.
  const leaves = random.chance(0.3) && daysBetween(createdOn, window.to) > 60;
  const mainEnd: IsoDate | null = leaves ? randomDay(random, addDays(createdOn > window.from ? createdOn : window.from, 30), addDays(window.to, -1)) : null;

  if (isDiscovery) {
    // Letter: Découverte offers last 3 or 6 months, except for the association's employees.
    const months = random.pick([3, 6] as const);
    const end = isEmployee ? null : discoveryEnd(createdOn, months);
    const discovery = add(catalogue.formulas.DECOUVERTE, 'weekly', createdOn, end, 1, months);
    if (end && end < window.to) {
      const next = addDays(end, 1);
      const outcome = random.weighted([['regular', 45], ['renewed', 15], ['stopped', 40]] as const);
      if (outcome === 'regular') add(catalogue.formulas.PETIT, frequency, next, mainEnd && mainEnd > next ? mainEnd : null);
      if (outcome === 'renewed') {
        // A renewal extends the same offer by 3 months, once the CCAS has agreed.
        const town = random.pick(CCAS_TOWNS);
        const agreedOn = addDays(end, -random.int(3, 20));
        discovery.end = discoveryEnd(next, 3);
        discovery.renewals.push({ previousEnd: end, newEnd: discovery.end, agreedOn, reference: `CCAS ${town} ${agreedOn.slice(0, 4)}-${random.digits(4)}`, agreedBy: `CCAS de ${town}` });
        subscriber.notes = `Renouvellement Découverte accordé par le CCAS de ${town}.`;
      }
    }
  } else {
    const main = random.chance(0.55) ? catalogue.formulas.PETIT : catalogue.formulas.GRAND;
    add(main, frequency, createdOn, mainEnd);
    if (random.chance(0.15)) add(catalogue.formulas.FRUITS, frequency, createdOn, mainEnd);
    if (random.chance(0.2)) add(catalogue.formulas.OEUFS, frequency, createdOn, mainEnd, random.chance(0.2) ? 2 : 1);
  }
  // A member whose every subscription ended long ago is archived (never deleted) by the office.
  const ends = subscriber.subscriptions.map((s) => s.end);
  const lastEnd = ends.every((end) => end !== null) ? ends.reduce((a, b) => (a! > b! ? a : b)) : null;
  if (lastEnd && daysBetween(lastEnd, window.to) > 90 && random.chance(0.6)) {
    subscriber.archivedOn = addDays(lastEnd, random.int(20, 60));
  }
  if (!subscriber.notes && random.chance(0.05)) {
    subscriber.notes = random.pick(['Allergie au céleri : pas de céleri si possible.', 'Récupère le panier de sa voisine le mardi.', 'Préfère être contacté par SMS.']);
  }
  return subscriber;
}
