import { z } from 'zod';
import { defineHandler } from '../api/handler';
import { addDays, isoWeekday, type IsoDate } from '../dates/dates';
import { holidaysBetween } from '../calendar/holidays';
import { idField, isoDateField } from '../validation/fields';
import { mondayOf, planDeliveries } from './plan';
import { summarizeBaskets } from './week-summary';

/** The Semaine screen: every basket of the week containing `day`, with its totals. */
export const deliveryWeek = defineHandler({
  name: 'delivery-week',
  input: z.object({ day: isoDateField() }),
  mutates: false,
  run: ({ db }, { day }) => {
    const monday = mondayOf(day);
    const sunday = addDays(monday, 6);
    const baskets = planDeliveries(db, { from: monday, to: sunday });
    const holidays = holidaysBetween(monday, sunday);
    const roundsOnHolidays = holidays.flatMap((h) =>
      db
        .all<{ id: number; name: string; action: string | null; shift_to_date: string | null }>(
          `SELECT r.id, r.name, hd.action, hd.shift_to_date FROM rounds r
           LEFT JOIN holiday_decisions hd ON hd.round_id = r.id AND hd.holiday_date = ?
           WHERE r.archived_at IS NULL AND r.weekday = ?`,
          [h.date, isoWeekday(h.date)],
        )
        .map((r) => ({ holiday: h, roundId: r.id, roundName: r.name, action: r.action, shiftToDate: r.shift_to_date })),
    );
    return {
      monday,
      sunday,
      baskets,
      totals: summarizeBaskets(baskets),
      holidays,
      holidayDecisions: roundsOnHolidays,
    };
  },
});

/** A subscriber's next deliveries (8 weeks by default), with cancellations and closures shown. */
export const subscriberUpcomingDeliveries = defineHandler({
  name: 'subscriber-upcoming-deliveries',
  input: z.object({ subscriberId: idField, weeks: z.number().int().min(1).max(26).default(8) }),
  mutates: false,
  run: ({ db, clock }, { subscriberId, weeks }) => {
    const from = clock.today();
    const to = addDays(from, weeks * 7 - 1) as IsoDate;
    return planDeliveries(db, { from, to, subscriberId });
  },
});
