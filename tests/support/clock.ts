import { fromLocalDate } from '../../core/dates/dates';
import type { Clock } from '../../core/dates/clock';

/** A clock the test moves forward (a collection date passes, a cheque falls due). */
export function settableClock(isoInstant: string): Clock & { set(isoInstant: string): void } {
  let instant = new Date(isoInstant);
  return {
    now: () => new Date(instant.getTime()),
    today: () => fromLocalDate(instant),
    set: (next) => {
      instant = new Date(next);
    },
  };
}
