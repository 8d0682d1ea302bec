import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { FREQUENCIES, type Frequency } from '../formulas/formulas';
import { readOrganisation } from '../organisation/organisation-handlers';
import { compareFr } from '../text/collate';
import { WEEKDAY_LABELS } from '../validation/fields';
import type { DepotsFile, FormulasFile, OrganisationFile } from './portal-schema';

/** The shared records of an export: the organisation's public face, depots and formulas. */

export function organisationRecord(db: Db): OrganisationFile {
  const org = readOrganisation(db);
  return {
    name: org.legalName,
    address: { line1: org.addressLine1, line2: org.addressLine2, postcode: org.postcode, city: org.city },
    phone: org.phone,
    email: org.email,
    website: org.website,
  };
}

interface DepotRow {
  id: number;
  name: string;
  garden_id: number;
  address_line1: string;
  postcode: string;
  city: string;
  weekday: number;
  pickup_hours: string;
}

interface ClosureRow {
  scope: 'organisation' | 'garden' | 'depot';
  garden_id: number | null;
  depot_id: number | null;
  from_date: string;
  to_date: string;
  label: string;
}

export function depotsRecord(db: Db, today: IsoDate): DepotsFile {
  const depots = db.all<DepotRow>('SELECT id, name, garden_id, address_line1, postcode, city, weekday, pickup_hours FROM depots WHERE archived_at IS NULL');
  const closures = db.all<ClosureRow>('SELECT scope, garden_id, depot_id, from_date, to_date, label FROM closures WHERE to_date >= ? ORDER BY from_date, to_date, id', [today]);
  return {
    depots: depots
      .sort((a, b) => compareFr(a.name, b.name) || a.id - b.id)
      .map((d) => ({
        id: d.id,
        name: d.name,
        address: { line1: d.address_line1, postcode: d.postcode, city: d.city },
        weekday: d.weekday,
        weekdayLabel: WEEKDAY_LABELS[d.weekday] ?? '',
        pickupHours: d.pickup_hours,
        upcomingClosures: closures
          .filter((c) => c.scope === 'organisation' || (c.scope === 'garden' && c.garden_id === d.garden_id) || (c.scope === 'depot' && c.depot_id === d.id))
          .map((c) => ({ from: c.from_date, to: c.to_date, label: c.label })),
      })),
  };
}

interface FormulaRow {
  id: number;
  code: string;
  name: string;
  description: string;
  frequencies: string;
  available_from_month: number | null;
  available_to_month: number | null;
}

export function formulasRecord(db: Db): FormulasFile {
  const formulas = db.all<FormulaRow>(
    'SELECT id, code, name, description, frequencies, available_from_month, available_to_month FROM formulas WHERE archived_at IS NULL ORDER BY code, id',
  );
  const prices = new Map<number, { validFrom: string; priceCents: number }[]>();
  for (const p of db.all<{ formula_id: number; valid_from: string; price_cents: number }>('SELECT formula_id, valid_from, price_cents FROM formula_prices ORDER BY formula_id, valid_from')) {
    const list = prices.get(p.formula_id) ?? [];
    list.push({ validFrom: p.valid_from, priceCents: p.price_cents });
    prices.set(p.formula_id, list);
  }
  return {
    formulas: formulas.map((f) => ({
      id: f.id,
      code: f.code,
      name: f.name,
      description: f.description,
      prices: prices.get(f.id) ?? [],
      frequencies: f.frequencies.split(',').filter((x): x is Frequency => (FREQUENCIES as readonly string[]).includes(x)),
      availableFromMonth: f.available_from_month,
      availableToMonth: f.available_to_month,
    })),
  };
}
