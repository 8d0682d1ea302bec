import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { creditorIdWithCheckDigits } from '../validation/bank';
import { frenchIban, siretWithKey } from './bank-ids';
import { fictionalPhone } from './people';
import type { Random } from './random';

/**
 * The association of the letter (seed/000…): Optim’ism, its two gardens, their depots around
 * Lorient, the rounds, and the formulas with their dated prices.
 */

export type GardenKey = 'pont-scorff' | 'riantec';

export interface DemoDepot {
  id: number;
  garden: GardenKey;
  name: string;
  address: string;
  postcode: string;
  city: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hours: string;
  /** Share of the subscribers who pick up here. */
  weight: number;
  /** The one round that serves it (set when the rounds are inserted). */
  roundId: number;
}

// The letter's list: the Pont-Scorff farm serves exactly these seven depots (rule 7 of DOMAIN.md).
const DEPOTS: readonly Omit<DemoDepot, 'id' | 'roundId'>[] = [
  { garden: 'pont-scorff', name: 'Pont-Scorff', address: 'Jardin de Pont-Scorff, route de Cléguer', postcode: '56620', city: 'Pont-Scorff', weekday: 2, hours: '16h30 – 19h00', weight: 10 },
  { garden: 'pont-scorff', name: 'Quéven', address: 'Salle Jean-Pierre-Calloc’h, rue de Kerlébert', postcode: '56530', city: 'Quéven', weekday: 2, hours: '17h00 – 19h00', weight: 9 },
  { garden: 'pont-scorff', name: 'Guidel', address: 'Biocoop, rue de l’Océan', postcode: '56520', city: 'Guidel', weekday: 2, hours: '17h00 – 19h30', weight: 8 },
  { garden: 'pont-scorff', name: 'Ploemeur', address: 'Maison des associations, rue de Kerdual', postcode: '56270', city: 'Ploemeur', weekday: 2, hours: '17h30 – 19h30', weight: 9 },
  { garden: 'pont-scorff', name: 'Keryado (Lorient)', address: 'Maison de quartier de Keryado, rue Jules-Guesde', postcode: '56100', city: 'Lorient', weekday: 4, hours: '16h30 – 19h00', weight: 10 },
  { garden: 'pont-scorff', name: 'Lanester', address: 'Centre social Albert-Jacquard, rue Jean-Jaurès', postcode: '56600', city: 'Lanester', weekday: 4, hours: '17h00 – 19h00', weight: 11 },
  { garden: 'pont-scorff', name: 'Hennebont', address: 'Parking des Haras, rue Victor-Hugo', postcode: '56700', city: 'Hennebont', weekday: 4, hours: '17h00 – 19h00', weight: 8 },
  { garden: 'riantec', name: 'Riantec', address: 'Jardin de Riantec, rue de Kerdurand', postcode: '56670', city: 'Riantec', weekday: 3, hours: '16h00 – 19h00', weight: 8 },
  { garden: 'riantec', name: 'Port-Louis', address: 'Halle, place Notre-Dame', postcode: '56290', city: 'Port-Louis', weekday: 3, hours: '17h00 – 19h00', weight: 5 },
  { garden: 'riantec', name: 'Gâvres', address: 'Mairie, rue de la Mairie', postcode: '56680', city: 'Gâvres', weekday: 3, hours: '17h30 – 19h00', weight: 3 },
  { garden: 'riantec', name: 'Locmiquélic', address: 'Épicerie solidaire, rue de la Paix', postcode: '56570', city: 'Locmiquélic', weekday: 3, hours: '17h00 – 19h00', weight: 5 },
  { garden: 'riantec', name: 'Larmor-Plage', address: 'Salle des fêtes, rue des Roseaux', postcode: '56260', city: 'Larmor-Plage', weekday: 5, hours: '16h30 – 19h00', weight: 6 },
  { garden: 'riantec', name: 'Lorient centre', address: 'Maison des associations, cours de Chazelles', postcode: '56100', city: 'Lorient', weekday: 5, hours: '16h30 – 19h30', weight: 12 },
];

const ROUNDS: readonly { code: string; name: string; weekday: number; colour: string; depots: readonly string[] }[] = [
  { code: 'PS-MAR', name: 'Pont-Scorff – mardi', weekday: 2, colour: '#2f9e44', depots: ['Pont-Scorff', 'Quéven', 'Guidel', 'Ploemeur'] },
  { code: 'PS-JEU', name: 'Pont-Scorff – jeudi', weekday: 4, colour: '#1971c2', depots: ['Keryado (Lorient)', 'Lanester', 'Hennebont'] },
  { code: 'RI-MER', name: 'Riantec – mercredi', weekday: 3, colour: '#e8590c', depots: ['Riantec', 'Locmiquélic', 'Port-Louis', 'Gâvres'] },
  { code: 'RI-VEN', name: 'Riantec – vendredi', weekday: 5, colour: '#9c36b5', depots: ['Larmor-Plage', 'Lorient centre'] },
];

export type FormulaCode = 'PETIT' | 'GRAND' | 'FRUITS' | 'OEUFS' | 'DECOUVERTE';

export interface DemoFormula {
  id: number;
  code: FormulaCode;
  name: string;
  /** Price per delivery before and from `priceChange` (the one change in the history). */
  oldPrice: number;
  newPrice: number;
  quarterlyFlat: number;
  vatRateBp: number;
  isSocial: boolean;
  months: readonly [number, number] | null;
}

const FORMULAS: readonly Omit<DemoFormula, 'id' | 'vatRateBp'>[] = [
  { code: 'PETIT', name: 'Petit panier', oldPrice: 1200, newPrice: 1250, quarterlyFlat: 15000, isSocial: false, months: null },
  { code: 'GRAND', name: 'Grand panier', oldPrice: 1900, newPrice: 2000, quarterlyFlat: 24000, isSocial: false, months: null },
  // Fruit baskets only when the orchards give (DOMAIN.md: May–October).
  { code: 'FRUITS', name: 'Panier fruits', oldPrice: 800, newPrice: 850, quarterlyFlat: 10000, isSocial: false, months: [5, 10] },
  { code: 'OEUFS', name: 'Boîte de 6 œufs', oldPrice: 250, newPrice: 270, quarterlyFlat: 3300, isSocial: false, months: null },
  { code: 'DECOUVERTE', name: 'Panier Découverte', oldPrice: 450, newPrice: 500, quarterlyFlat: 6000, isSocial: true, months: null },
];

/** Yearly membership fee types (the subscriber's `membership_type_id` is the index + 1). */
export const MEMBERSHIP_TYPES = [
  { kind: 'standard', label: 'Cotisation standard', amount: 1500 },
  { kind: 'solidarity', label: 'Cotisation solidaire', amount: 500 },
  { kind: 'supporter', label: 'Adhésion de soutien', amount: 2000 },
] as const;

const DESCRIPTIONS: Record<FormulaCode, string> = {
  PETIT: 'Légumes de saison pour 1 à 2 personnes.',
  GRAND: 'Légumes de saison pour 3 à 4 personnes.',
  FRUITS: 'Fruits de saison, de mai à octobre.',
  OEUFS: 'Six œufs bio de la ferme voisine.',
  DECOUVERTE: 'Petit panier à tarif social, 3 ou 6 mois avec l’accord du CCAS.',
};

/** Vegetables, fruit and eggs: reduced VAT rate (CGI art. 278-0 bis), in basis points. */
const VAT_RATE_BP = 550;

export interface DemoCatalogue {
  depots: DemoDepot[];
  rounds: { id: number; weekday: number }[];
  formulas: Record<FormulaCode, DemoFormula>;
  priceChange: IsoDate;
}

function insertOrganisation(db: Db, random: Random): void {
  const iban = frenchIban('42559', '10000', random.digits(11)); // Crédit Coopératif, the associations' bank
  db.run(
    `UPDATE organisation SET legal_name = ?, address_line1 = ?, address_line2 = ?, postcode = ?, city = ?, siret = ?,
       phone = ?, email = ?, website = ?, iban = ?, bic = ?, sepa_creditor_id = ?, vat_status = 'not_liable',
       invoice_header = ?, invoice_footer = ?, payment_terms = ? WHERE id = 1`,
    [
      'Optim’ism',
      'Jardin de Pont-Scorff, route de Cléguer',
      'BP 12',
      '56620',
      'Pont-Scorff',
      siretWithKey(`4${random.digits(12)}`),
      fictionalPhone(random),
      'paniers@example.org',
      'https://example.org/optimism',
      iban,
      'CCOPFRPPXXX',
      creditorIdWithCheckDigits('FR', 'ZZZ', `${random.int(100000, 999999)}`),
      'Jardin de Cocagne – chantier d’insertion',
      'Association loi 1901, membre du Réseau Cocagne.',
      'Prélèvement le 10 du mois, ou règlement d’avance par chèques trimestriels.',
    ],
  );
}

/** Inserts settings, gardens, depots, rounds and formulas; returns what the history needs. */
export function insertCatalogue(db: Db, random: Random, subscribers: number, priceChange: IsoDate): DemoCatalogue {
  insertOrganisation(db, random);
  db.run("INSERT INTO gardens (id, name, address) VALUES (1, 'Pont-Scorff', 'Route de Cléguer, 56620 Pont-Scorff'), (2, 'Riantec', 'Rue de Kerdurand, 56670 Riantec')");
  const totalWeight = DEPOTS.reduce((sum, d) => sum + d.weight, 0);
  const depots: DemoDepot[] = DEPOTS.map((d, i) => ({ ...d, id: i + 1, roundId: 0 }));
  db.withStatement(
    `INSERT INTO depots (id, name, garden_id, address_line1, postcode, city, weekday, pickup_hours, capacity,
       referent_name, referent_phone, referent_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (stmt) => {
      for (const d of depots) {
        // Room for the expected load plus a margin, rounded to ten baskets as a referent would say.
        const capacity = Math.max(20, Math.ceil(((d.weight / totalWeight) * subscribers * 1.2) / 10) * 10);
        const referent = `${random.pick(['Annick', 'Gwenola', 'Yannick', 'Brigitte', 'Erwann', 'Soazig'])} ${random.pick(['Le Dréau', 'Guillemot', 'Le Sauce', 'Kerjean'])}`;
        stmt.run([d.id, d.name, d.garden === 'pont-scorff' ? 1 : 2, d.address, d.postcode, d.city, d.weekday, d.hours, capacity, referent, fictionalPhone(random), `depot.${d.id}@example.org`]);
      }
    },
  );
  ROUNDS.forEach((round, i) => {
    db.run('INSERT INTO rounds (id, code, name, weekday, colour) VALUES (?, ?, ?, ?, ?)', [i + 1, round.code, round.name, round.weekday, round.colour]);
    round.depots.forEach((name, position) => {
      const depot = depots.find((d) => d.name === name)!;
      depot.roundId = i + 1;
      db.run('INSERT INTO round_depots (round_id, depot_id, position) VALUES (?, ?, ?)', [i + 1, depot.id, position + 1]);
      // The van leaves the garden at 13h30 and reaches a depot every half hour.
      const minutes = 13 * 60 + 30 + 30 * (position + 1);
      db.run('UPDATE depots SET delivery_slot = ? WHERE id = ?', [`vers ${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`, depot.id]);
    });
  });
  const formulas = {} as Record<FormulaCode, DemoFormula>;
  FORMULAS.forEach((f, i) => {
    const formula: DemoFormula = { ...f, id: i + 1, vatRateBp: VAT_RATE_BP };
    formulas[f.code] = formula;
    // The Découverte basket is the social variant of the petit panier.
    const base = f.code === 'DECOUVERTE' ? formulas.PETIT.id : null;
    db.run(
      `INSERT INTO formulas (id, code, name, vat_rate_bp, quarterly_flat_cents, is_social, available_from_month, available_to_month, base_formula_id, description)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [formula.id, f.code, f.name, formula.vatRateBp, f.quarterlyFlat, f.isSocial ? 1 : 0, f.months?.[0] ?? null, f.months?.[1] ?? null, base, DESCRIPTIONS[f.code]],
    );
    db.run('INSERT INTO formula_prices (formula_id, valid_from, price_cents) VALUES (?, ?, ?), (?, ?, ?)', [formula.id, '2015-01-01', f.oldPrice, formula.id, priceChange, f.newPrice]);
  });
  MEMBERSHIP_TYPES.forEach((type, i) => db.run('INSERT INTO membership_types (id, label, amount_cents) VALUES (?, ?, ?)', [i + 1, type.label, type.amount]));
  return { depots, rounds: ROUNDS.map((r, i) => ({ id: i + 1, weekday: r.weekday })), formulas, priceChange };
}
