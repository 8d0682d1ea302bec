import { z } from 'zod';
import { NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import { frenchPublicHolidays } from '../calendar/holidays';
import { addDays, formatDateFr, isoWeekday, type IsoDate } from '../dates/dates';
import { idField, isoDateField } from '../validation/fields';
import { mondayOf } from './plan';

/** The year's public holidays and, for each round delivering that weekday, the decision. */
export const holidayList = defineHandler({
  name: 'holiday-list',
  input: z.object({ year: z.number().int().min(2000).max(2100) }),
  mutates: false,
  run: ({ db }, { year }) =>
    frenchPublicHolidays(year).map((holiday) => ({
      ...holiday,
      weekday: isoWeekday(holiday.date),
      rounds: db
        .all<{ id: number; name: string; code: string; action: 'deliver' | 'shift' | 'skip' | null; shift_to_date: string | null }>(
          `SELECT r.id, r.name, r.code, hd.action, hd.shift_to_date FROM rounds r
           LEFT JOIN holiday_decisions hd ON hd.round_id = r.id AND hd.holiday_date = ?
           WHERE r.archived_at IS NULL AND r.weekday = ? ORDER BY r.code`,
          [holiday.date, isoWeekday(holiday.date)],
        )
        .map((r) => ({ roundId: r.id, roundName: r.name, roundCode: r.code, action: r.action, shiftToDate: r.shift_to_date })),
    })),
});

/**
 * For a holiday and a round: deliver anyway, shift to another day of the same week (« mardi
 * 8 mai férié → livraison mercredi 9 mai »), or skip. Shifted dates appear on the sheets.
 */
export const holidayDecide = defineHandler({
  name: 'holiday-decide',
  input: z.object({
    holidayDate: isoDateField(),
    roundId: idField,
    action: z.enum(['deliver', 'shift', 'skip'], 'Choisissez : livrer, décaler ou supprimer la livraison.'),
    shiftToDate: isoDateField('Date de report invalide.').nullable(),
  }),
  labels: { holidayDate: 'Jour férié', roundId: 'Tournée', action: 'Décision', shiftToDate: 'Livrer le' },
  mutates: true,
  run: ({ db, clock }, input) => {
    const year = Number(input.holidayDate.slice(0, 4));
    const holidays = frenchPublicHolidays(year);
    if (!holidays.some((h) => h.date === input.holidayDate)) throw ValidationError.field('holidayDate', `Le ${formatDateFr(input.holidayDate)} n’est pas un jour férié.`);
    const round = db.get<{ weekday: number }>('SELECT weekday FROM rounds WHERE id = ?', [input.roundId]);
    if (!round) throw new NotFoundError('Tournée introuvable.');
    if (round.weekday !== isoWeekday(input.holidayDate)) throw ValidationError.field('roundId', 'Cette tournée ne livre pas ce jour-là.');
    let shiftTo: IsoDate | null = null;
    if (input.action === 'shift') {
      shiftTo = input.shiftToDate;
      if (shiftTo === null) throw ValidationError.field('shiftToDate', 'Indiquez le jour de livraison de remplacement.');
      if (mondayOf(shiftTo) !== mondayOf(input.holidayDate)) throw ValidationError.field('shiftToDate', 'Le report se fait dans la même semaine.');
      if (shiftTo === input.holidayDate || holidays.some((h) => h.date === shiftTo)) throw ValidationError.field('shiftToDate', 'Choisissez un jour qui n’est pas férié.');
    }
    const recorded = db.get('SELECT 1 FROM delivery_days WHERE delivery_date BETWEEN ? AND ? LIMIT 1', [mondayOf(input.holidayDate), addDays(mondayOf(input.holidayDate), 6)]);
    if (recorded) throw ValidationError.field('action', 'Cette semaine est déjà validée.');
    db.run(
      `INSERT INTO holiday_decisions (holiday_date, round_id, action, shift_to_date, decided_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (holiday_date, round_id) DO UPDATE SET action = excluded.action, shift_to_date = excluded.shift_to_date, decided_at = excluded.decided_at`,
      [input.holidayDate, input.roundId, input.action, shiftTo, clock.now().toISOString()],
    );
    return { holidayDate: input.holidayDate, roundId: input.roundId, action: input.action, shiftToDate: shiftTo };
  },
});
