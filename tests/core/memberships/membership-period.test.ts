import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../core/dates/dates';
import { membershipForJoining, periodContaining, type MembershipSettings } from '../../../core/memberships/membership-period';
import { createTestBackend } from '../../support/core';

const calendar: MembershipSettings = { periodStartMonth: 1, periodStartDay: 1, pivotMonth: null, pivotDay: null };
const calendarPivotSept: MembershipSettings = { ...calendar, pivotMonth: 9, pivotDay: 1 };
const april: MembershipSettings = { periodStartMonth: 4, periodStartDay: 1, pivotMonth: null, pivotDay: null };
const aprilPivotJan: MembershipSettings = { ...april, pivotMonth: 1, pivotDay: 1 };

describe('membership period', () => {
  it.each([
    [calendar, '2026-01-01', '2026-01-01', '2026-12-31'],
    [calendar, '2026-12-31', '2026-01-01', '2026-12-31'],
    [april, '2026-03-31', '2025-04-01', '2026-03-31'],
    [april, '2026-04-01', '2026-04-01', '2027-03-31'],
  ])('%o: %s is in %s – %s', (settings, day, start, end) => {
    expect(periodContaining(day as IsoDate, settings)).toEqual({ start, end });
  });

  it.each([
    [calendar, '2026-10-15', '2026-01-01', '2026-12-31'],
    [calendarPivotSept, '2026-08-31', '2026-01-01', '2026-12-31'],
    [calendarPivotSept, '2026-09-01', '2026-01-01', '2027-12-31'],
    [aprilPivotJan, '2026-12-31', '2026-04-01', '2027-03-31'],
    [aprilPivotJan, '2027-01-01', '2026-04-01', '2028-03-31'],
    [aprilPivotJan, '2027-04-01', '2027-04-01', '2028-03-31'],
  ])('%o: joining on %s pays for %s – %s', (settings, day, start, end) => {
    expect(membershipForJoining(day as IsoDate, settings)).toEqual({ start, end });
  });
});

describe('membership handlers', () => {
  it('stores fee types and the period settings; refuses a half-given pivot', async () => {
    const { backend } = await createTestBackend();
    await backend.call('membership-type-create', { label: 'Cotisation standard', amountCents: 2000 });
    await backend.call('membership-type-create', { label: 'Cotisation solidaire', amountCents: 500 });
    expect(((await backend.call('membership-type-list', {})) as { label: string }[]).map((t) => t.label)).toEqual(['Cotisation solidaire', 'Cotisation standard']);
    expect(await backend.call('membership-settings-update', { periodStartMonth: 4, periodStartDay: 1, pivotMonth: 1, pivotDay: 1 })).toEqual(aprilPivotJan);
    await expect(backend.call('membership-settings-update', { periodStartMonth: 4, periodStartDay: 1, pivotMonth: 1, pivotDay: null })).rejects.toMatchObject({
      fields: { pivotDay: 'Indiquez le jour et le mois de bascule, ou aucun des deux.' },
    });
  });
});
