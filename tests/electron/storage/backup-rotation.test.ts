import { describe, expect, it } from 'vitest';
import { planRotation, type DatedBackup } from '../../../electron/storage/backup-rotation';

/** Local time, like the backup names: `daysAgo` days before 4 December 2026, at `hour`. */
const at = (daysAgo: number, hour: number): DatedBackup => ({
  id: `J-${daysAgo}-${hour}h`,
  createdAt: new Date(2026, 11, 4 - daysAgo, hour),
});
const NOW = new Date(2026, 11, 4, 18);
const hours = (daysAgo: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => at(daysAgo, from + i));
const days = (from: number, to: number, hour = 10) => Array.from({ length: to - from + 1 }, (_, i) => at(from + i, hour));
const ids = (list: DatedBackup[]) => list.map((b) => b.id);

describe('backup rotation: the 10 most recent plus the newest of each day over 31 days', () => {
  it.each<[string, DatedBackup[], string[]]>([
    ['nothing to rotate', [], []],
    ['five from today: all kept', hours(0, 8, 12), []],
    ['twelve from today: the two oldest go', hours(0, 6, 17), ['J-0-7h', 'J-0-6h']],
    ['twelve today and one on each of the 3 days before: the daily ones stay', [...hours(0, 6, 17), ...days(1, 3)], ['J-0-7h', 'J-0-6h']],
    ['one a day for 40 days: days 31 to 39 go', days(0, 39), ids(days(31, 39))],
    ['three on an old day: only its newest stays', [...hours(0, 8, 17), at(10, 9), at(10, 14), at(10, 11)], ['J-10-11h', 'J-10-9h']],
    ['30 days ago is the last day kept, 31 days ago goes', [...hours(0, 8, 17), at(30, 23), at(31, 23)], ['J-31-23h']],
    ['older backups among the 10 most recent are kept whatever their age', [at(100, 9), at(200, 9)], []],
  ])('%s', (_label, backups, removed) => {
    const { keep, remove } = planRotation(backups, NOW);
    expect(remove.sort()).toEqual([...removed].sort());
    expect(keep.length + remove.length).toBe(backups.length);
  });

  it('takes its limits from the policy', () => {
    const { remove } = planRotation(hours(0, 8, 12), NOW, { keepRecent: 2, keepDays: 1 });
    expect(remove.sort()).toEqual(['J-0-10h', 'J-0-8h', 'J-0-9h']);
  });
});
