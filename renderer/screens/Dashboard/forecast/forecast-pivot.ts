import { type IsoDate } from '../../../../core/dates/dates';
import { mondayOf } from '../../../week/week-dates';

export interface ForecastRow {
  date: string;
  gardenId: number;
  garden: string;
  formulaId: number;
  formula: string;
  count: number;
}

export interface PivotLine {
  key: string;
  label: string;
  /** Baskets per delivery day, in the order of `ForecastWeek.days`. */
  perDay: number[];
  total: number;
}

export interface ForecastWeek {
  monday: IsoDate;
  days: IsoDate[];
  formulas: PivotLine[];
  gardens: PivotLine[];
  perDay: number[];
  total: number;
}

function lines(rows: readonly ForecastRow[], days: readonly IsoDate[], keyOf: (r: ForecastRow) => string, labelOf: (r: ForecastRow) => string): PivotLine[] {
  const byKey = new Map<string, PivotLine>();
  for (const row of rows) {
    const key = keyOf(row);
    let line = byKey.get(key);
    if (!line) {
      line = { key, label: labelOf(row), perDay: days.map(() => 0), total: 0 };
      byKey.set(key, line);
    }
    line.perDay[days.indexOf(row.date as IsoDate)]! += row.count;
    line.total += row.count;
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/**
 * The forecast's rows as one table per week: formulas (then gardens) × delivery days, with
 * totals. Every week asked for is there, an empty one too (a closed week is news for the growers).
 */
export function forecastWeeks(rows: readonly ForecastRow[], mondays: readonly string[]): ForecastWeek[] {
  const byWeek = new Map<string, ForecastRow[]>(mondays.map((m) => [m, []]));
  for (const row of rows) {
    const monday = mondayOf(row.date as IsoDate);
    byWeek.set(monday, [...(byWeek.get(monday) ?? []), row]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([monday, weekRows]) => {
      const days = [...new Set(weekRows.map((r) => r.date as IsoDate))].sort();
      const perDay = days.map((d) => weekRows.filter((r) => r.date === d).reduce((sum, r) => sum + r.count, 0));
      return {
        monday: monday as IsoDate,
        days,
        formulas: lines(weekRows, days, (r) => `f${r.formulaId}`, (r) => r.formula),
        gardens: lines(weekRows, days, (r) => `g${r.gardenId}`, (r) => r.garden),
        perDay,
        total: perDay.reduce((a, b) => a + b, 0),
      };
    });
}
