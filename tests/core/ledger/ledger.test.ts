import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEntry, balanceOf, withRunningBalance, type LedgerEntry, type LedgerKind } from '../../../core/ledger/ledger';
import { cents } from '../../../core/money/money';
import { subscriberFields } from '../../support/catalog';
import { createWorld } from '../../support/world';

const entry = (id: number, date: string, amount: number): LedgerEntry => ({ id, date, kind: 'payment', amountCents: cents(amount), reference: '', label: '', method: null, reversesId: null });

describe('balance and running balance (pure)', () => {
  it.each([
    [[], 0],
    [[entry(1, '2026-01-01', 1000)], 1000],
    [[entry(1, '2026-01-01', 1000), entry(2, '2026-02-01', -4200)], -3200],
  ] as const)('%j → %i', (entries, expected) => {
    expect(balanceOf(entries)).toBe(expected);
  });

  it('orders by date then entry and ends on the balance, for any entries', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), amount: fc.integer({ min: -100_000, max: 100_000 }) }), { maxLength: 30 }), (raw) => {
        const entries = raw.map((r, i) => entry(i + 1, `2026-03-${String(r.day).padStart(2, '0')}`, r.amount));
        const running = withRunningBalance(entries, 500);
        expect(running.at(-1)?.balanceCents ?? 500).toBe(500 + balanceOf(entries));
        expect(running.map((e) => e.date)).toEqual([...running.map((e) => e.date)].sort());
      }),
      { seed: 6, numRuns: 100 },
    );
  });
});

describe('ledger handlers', () => {
  async function withSubscriber() {
    const world = await createWorld();
    const s = ((await world.backend.call('subscriber-create', subscriberFields())) as { id: number }).id;
    return { ...world, s };
  }

  it.each([
    [2500, 'Solde d’ouverture (avance)'],
    [-1800, 'Solde d’ouverture (dû)'],
  ])('sets an opening balance of %i at the cut-over date', async (amount, label) => {
    const { backend, s } = await withSubscriber();
    await backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-03-31', amountCents: amount });
    expect(await backend.call('ledger-balance', { subscriberId: s })).toEqual({ subscriberId: s, at: null, balanceCents: amount });
    expect(await backend.call('ledger-balance', { subscriberId: s, at: '2026-03-30' })).toMatchObject({ balanceCents: 0 });
    const statement = (await backend.call('ledger-statement', { subscriberId: s })) as { entries: { label: string; balanceCents: number }[] };
    expect(statement.entries).toMatchObject([{ label, balanceCents: amount }]);
    // Replaced while the account has nothing else, by an appended correction (append-only ledger).
    await backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-03-31', amountCents: 100 });
    expect(await backend.call('ledger-balance', { subscriberId: s })).toMatchObject({ balanceCents: 100 });
    const corrected = (await backend.call('ledger-statement', { subscriberId: s })) as { entries: { label: string; amountCents: number }[] };
    expect(corrected.entries.at(-1)).toMatchObject({ amountCents: 100 - amount, label: expect.stringMatching(/^Solde d’ouverture corrigé/) });
  });

  it('gives a dated statement with the balance brought forward and a running balance', async () => {
    const { backend, db, s } = await withSubscriber();
    await backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-01-31', amountCents: 5000 });
    const add = (date: string, kind: LedgerKind, amount: number) => addEntry(db, { subscriberId: s, date, kind, amountCents: amount, label: kind }, 'x');
    add('2026-02-05', 'invoice', -4200);
    add('2026-03-05', 'invoice', -3150);
    add('2026-03-10', 'payment', 2350);
    const statement = (await backend.call('ledger-statement', { subscriberId: s, from: '2026-03-01', to: '2026-03-31' })) as {
      openingCents: number;
      entries: { date: string; amountCents: number; balanceCents: number }[];
      closingCents: number;
    };
    expect(statement.openingCents).toBe(800);
    expect(statement.entries.map((e) => [e.date, e.amountCents, e.balanceCents])).toEqual([
      ['2026-03-05', -3150, -2350],
      ['2026-03-10', 2350, 0],
    ]);
    expect(statement.closingCents).toBe(0);
    await expect(backend.call('ledger-opening-balance-set', { subscriberId: s, date: '2026-01-31', amountCents: 1 })).rejects.toThrow('ne peut plus changer');
    await expect(backend.call('ledger-statement', { subscriberId: s, from: '2026-04-01', to: '2026-03-01' })).rejects.toMatchObject({ fields: { to: expect.any(String) } });
    await expect(backend.call('ledger-balance', { subscriberId: 9999 })).rejects.toThrow('Adhérent introuvable');
  });
});
