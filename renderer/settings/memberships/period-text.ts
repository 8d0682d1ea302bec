import { addDays, type IsoDate } from '../../../core/dates/dates';
import { membershipForJoining, periodContaining, type MembershipSettings } from '../../../core/memberships/membership-period';
import { frenchDay } from '../form/date-text';

const pad = (n: number) => String(n).padStart(2, '0');

function clampedDay(year: number, month: number, day: number): IsoDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}` as IsoDate;
}

const dayText = (day: IsoDate) => frenchDay(day);

/** Whether the numbers typed make a usable setting (else no explanation is shown). */
export function isComplete(settings: MembershipSettings): boolean {
  const ok = (month: number | null, day: number | null, maxDay: number) =>
    month !== null && day !== null && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= maxDay;
  const pivotOk = settings.pivotMonth === null ? settings.pivotDay === null : ok(settings.pivotMonth, settings.pivotDay, 31);
  return ok(settings.periodStartMonth, settings.periodStartDay, 28) && pivotOk;
}

/**
 * The rule in plain French, with examples computed by the same function that bills the
 * memberships (`membershipForJoining`), so what the office reads is what will happen.
 */
export function periodExplanation(settings: MembershipSettings, today: IsoDate): string[] {
  const period = periodContaining(today, settings);
  const lines = [`La période d’adhésion en cours va du ${dayText(period.start)} au ${dayText(period.end)}.`];
  if (settings.pivotMonth === null || settings.pivotDay === null) {
    const cover = membershipForJoining(today, settings);
    lines.push(`Sans date de bascule, toute adhésion finit avec la période en cours : une adhésion prise le ${dayText(today)} couvre jusqu’au ${dayText(cover.end)}.`);
    return lines;
  }
  const startYear = Number(period.start.slice(0, 4));
  let pivot = clampedDay(startYear, settings.pivotMonth, settings.pivotDay);
  if (pivot < period.start) pivot = clampedDay(startYear + 1, settings.pivotMonth, settings.pivotDay);
  const before = addDays(pivot, -1);
  if (before >= period.start) {
    lines.push(`Une adhésion prise le ${dayText(before)} couvre jusqu’au ${dayText(membershipForJoining(before, settings).end)}.`);
  }
  lines.push(`Une adhésion prise le ${dayText(pivot)} couvre jusqu’au ${dayText(membershipForJoining(pivot, settings).end)}.`);
  return lines;
}
