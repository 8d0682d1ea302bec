import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, isoWeek, type IsoDate } from '../dates/dates';
import { mondayOf, planDeliveries } from '../deliveries/plan';
import { compareFr } from '../text/collate';
import { isoDateField } from '../validation/fields';
import { plannedGroups, tally, byName, type NamedCount } from './week-counts';

/** Baskets due one day, from one garden, of one formula. */
export interface ForecastRow {
  date: string;
  gardenId: number;
  garden: string;
  formulaId: number;
  formula: string;
  count: number;
}

export interface ForecastWeek {
  /** ISO week `YYYY-Www`. */
  week: string;
  monday: string;
  /** Delivery days with baskets due, in order. */
  days: string[];
  total: number;
  byFormula: { formulaId: number; formula: string; count: number }[];
  byGarden: { gardenId: number; garden: string; count: number }[];
}

export interface Forecast {
  from: string;
  to: string;
  /** Every formula and garden with baskets in the period, in French order: the columns. */
  formulas: { formulaId: number; name: string }[];
  gardens: { gardenId: number; name: string }[];
  rows: ForecastRow[];
  weeks: ForecastWeek[];
  total: number;
}

export const forecastInput = z.object({
  from: isoDateField('Date de début invalide.').optional(),
  weeks: z.number({ message: 'Indiquez un nombre de semaines.' }).int('Un nombre entier de semaines.').min(1, 'Au moins une semaine.').max(26, 'Au plus 26 semaines.').default(8),
});
export const FORECAST_LABELS = { from: 'À partir du', weeks: 'Semaines' };

/**
 * The harvest forecast (issue 10): the baskets due from `from` to the end of the `weeks`-th
 * ISO week, from one planner pass, so subscriptions, frequencies, availability, closures,
 * holiday shifts and known cancellations count exactly as on the week screen.
 */
export function buildForecast(db: Db, from: IsoDate, weeks: number): Forecast {
  const to = addDays(mondayOf(from), 7 * weeks - 1);
  const groups = plannedGroups(planDeliveries(db, { from, to, unsorted: true, withoutContact: true }), () => true);
  const cells = new Map<string, ForecastRow>();
  const formulas = new Map<number, NamedCount>();
  const gardens = new Map<number, NamedCount>();
  const byWeek = new Map<string, { days: Set<string>; total: number; formulas: Map<number, NamedCount>; gardens: Map<number, NamedCount> }>();
  let total = 0;
  for (const g of groups) {
    const key = `${g.date}|${g.garden_id}|${g.formula_id}`;
    const cell = cells.get(key);
    if (cell) cell.count += g.baskets;
    else cells.set(key, { date: g.date, gardenId: g.garden_id, garden: g.garden, formulaId: g.formula_id, formula: g.formula, count: g.baskets });
    tally(formulas, g.formula_id, g.formula, g.baskets);
    tally(gardens, g.garden_id, g.garden, g.baskets);
    const monday = mondayOf(g.date as IsoDate);
    let week = byWeek.get(monday);
    if (!week) {
      week = { days: new Set(), total: 0, formulas: new Map(), gardens: new Map() };
      byWeek.set(monday, week);
    }
    week.days.add(g.date);
    week.total += g.baskets;
    tally(week.formulas, g.formula_id, g.formula, g.baskets);
    tally(week.gardens, g.garden_id, g.garden, g.baskets);
    total += g.baskets;
  }
  const weekList: ForecastWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const week = byWeek.get(monday);
    weekList.push({
      week: isoWeek(monday),
      monday,
      days: week ? [...week.days].sort() : [],
      total: week?.total ?? 0,
      byFormula: week ? [...week.formulas.values()].sort(byName).map((f) => ({ formulaId: f.id, formula: f.name, count: f.count })) : [],
      byGarden: week ? [...week.gardens.values()].sort(byName).map((g) => ({ gardenId: g.id, garden: g.name, count: g.count })) : [],
    });
  }
  const rows = [...cells.values()].sort((a, b) => a.date.localeCompare(b.date) || compareFr(a.garden, b.garden) || compareFr(a.formula, b.formula));
  return {
    from,
    to,
    formulas: [...formulas.values()].sort(byName).map((f) => ({ formulaId: f.id, name: f.name })),
    gardens: [...gardens.values()].sort(byName).map((g) => ({ gardenId: g.id, name: g.name })),
    rows,
    weeks: weekList,
    total,
  };
}

export const forecastGet = defineHandler({
  name: 'forecast-get',
  input: forecastInput,
  labels: FORECAST_LABELS,
  mutates: false,
  run: ({ db, clock }, { from, weeks }): Forecast => buildForecast(db, from ?? clock.today(), weeks),
});
