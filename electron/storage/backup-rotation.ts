import { fromLocalDate } from '../../core/dates/dates';

export interface RotationPolicy {
  /** The most recent backups kept whatever their date. */
  keepRecent: number;
  /** For this many days back (today included), the newest backup of each day is kept. */
  keepDays: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepRecent: 10, keepDays: 31 };

export interface DatedBackup {
  id: string;
  createdAt: Date;
}

/**
 * Which backups to keep: the `keepRecent` newest, plus the newest of each local calendar day
 * over the last `keepDays` days. Recent ones cover "I broke something an hour ago", daily
 * ones "I noticed it last week". Pure, so the policy is tested as a table.
 */
export function planRotation(
  backups: readonly DatedBackup[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): { keep: string[]; remove: string[] } {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const firstDay = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (policy.keepDays - 1), 12);
  const oldestKeptDay = fromLocalDate(firstDay);
  const daysSeen = new Set<string>();
  const keep: string[] = [];
  const remove: string[] = [];
  newestFirst.forEach((backup, index) => {
    const day = fromLocalDate(backup.createdAt);
    const newestOfItsDay = !daysSeen.has(day);
    daysSeen.add(day);
    if (index < policy.keepRecent || (newestOfItsDay && day >= oldestKeptDay)) keep.push(backup.id);
    else remove.push(backup.id);
  });
  return { keep, remove };
}
