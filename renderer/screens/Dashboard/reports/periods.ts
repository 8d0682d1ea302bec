import { addMonths, type IsoDate } from '../../../../core/dates/dates';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface QuickPeriod {
  label: string;
  period(today: IsoDate): Period;
}

const firstOfMonth = (day: IsoDate) => `${day.slice(0, 7)}-01` as IsoDate;

/**
 * The periods the office asks for most. « 3 derniers mois » starts on the first of a month (the
 * current one and the two before) so that no month is cut; periods of this year end today,
 * where the figures end, rather than in empty weeks to come.
 */
export const QUICK_PERIODS: readonly QuickPeriod[] = [
  {
    label: '3 derniers mois',
    period: (today) => ({ from: addMonths(firstOfMonth(today), -2), to: today }),
  },
  { label: 'Année en cours', period: (today) => ({ from: `${today.slice(0, 4)}-01-01` as IsoDate, to: today }) },
  {
    label: 'Année précédente',
    period: (today) => {
      const year = Number(today.slice(0, 4)) - 1;
      return { from: `${year}-01-01` as IsoDate, to: `${year}-12-31` as IsoDate };
    },
  },
];
