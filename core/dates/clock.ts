import { fromLocalDate, type IsoDate } from './dates';

/** Today and now come from here, never from `new Date()` in business code, so tests freeze time. */
export interface Clock {
  now(): Date;
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => fromLocalDate(new Date()),
};

/** A clock frozen at a given instant (tests, demo data, benchmarks). */
export function fixedClock(isoInstant: string): Clock {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Instant invalide : ${isoInstant}`);
  return {
    now: () => new Date(instant.getTime()),
    today: () => fromLocalDate(instant),
  };
}
