import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, toLocalNoon, type IsoDate } from '../dates/dates';

export interface DeliverySettings {
  cancelDeadlineDays: number;
  /** `HH:MM`, local time. */
  cancelDeadlineTime: string;
  billNotCollected: boolean;
}

export function readDeliverySettings(db: Db): DeliverySettings {
  const row = db.get<{ cancel_deadline_days: number; cancel_deadline_time: string; bill_not_collected: number }>('SELECT * FROM delivery_settings WHERE id = 1');
  if (!row) throw new Error('delivery_settings row missing');
  return { cancelDeadlineDays: row.cancel_deadline_days, cancelDeadlineTime: row.cancel_deadline_time, billNotCollected: row.bill_not_collected === 1 };
}

/** The last moment a basket of `day` may be cancelled (e.g. two days before, at noon). */
export function cancellationDeadline(day: IsoDate, settings: DeliverySettings): Date {
  const deadline = toLocalNoon(addDays(day, -settings.cancelDeadlineDays));
  const [hours, minutes] = settings.cancelDeadlineTime.split(':').map(Number) as [number, number];
  deadline.setHours(hours, minutes, 0, 0);
  return deadline;
}

export const deliverySettingsGet = defineHandler({
  name: 'delivery-settings-get',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => readDeliverySettings(db),
});

export const deliverySettingsUpdate = defineHandler({
  name: 'delivery-settings-update',
  input: z.object({
    cancelDeadlineDays: z.number().int().min(0, 'Entre 0 et 14 jours.').max(14, 'Entre 0 et 14 jours.'),
    cancelDeadlineTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure invalide (exemple : 12:00).'),
    billNotCollected: z.boolean(),
  }),
  labels: { cancelDeadlineDays: 'Délai d’annulation (jours)', cancelDeadlineTime: 'Heure limite', billNotCollected: 'Facturer les paniers non retirés' },
  mutates: true,
  run: ({ db }, input) => {
    db.run('UPDATE delivery_settings SET cancel_deadline_days = ?, cancel_deadline_time = ?, bill_not_collected = ? WHERE id = 1', [
      input.cancelDeadlineDays,
      input.cancelDeadlineTime,
      input.billNotCollected ? 1 : 0,
    ]);
    return readDeliverySettings(db);
  },
});
