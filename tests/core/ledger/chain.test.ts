import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../core/ledger/chain';
import { addEntry } from '../../../core/ledger/ledger';
import { subscriberFields } from '../../support/catalog';
import { createWorld } from '../../support/world';

async function ledgerWithEntries() {
  const world = await createWorld();
  const s = ((await world.backend.call('subscriber-create', subscriberFields())) as { id: number }).id;
  const now = '2026-12-04T09:30:00.000Z';
  addEntry(world.db, { subscriberId: s, date: '2026-03-31', kind: 'opening_balance', amountCents: 2500, label: 'Solde d’ouverture', sourceType: 'opening' }, now);
  addEntry(world.db, { subscriberId: s, date: '2026-04-30', kind: 'invoice', amountCents: -4200, reference: 'FA-2026-00001', label: 'Facture' }, now);
  addEntry(world.db, { subscriberId: s, date: '2026-05-10', kind: 'payment', amountCents: 1700, method: 'sepa', reference: 'FA-2026-00001', label: 'Prélèvement' }, now);
  return { ...world, s };
}

describe('the ledger as a hash chain', () => {
  it('checks a chain that nobody touched', async () => {
    const { db, backend } = await ledgerWithEntries();
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 3 });
    expect(await backend.call('ledger-chain-check', {})).toMatchObject({ ok: true, message: 'Journal intègre : 3 écritures vérifiées, aucune modification.' });
  });

  it('refuses to change or delete an entry, and an entry written around the chain', async () => {
    const { db, s } = await ledgerWithEntries();
    expect(() => db.run('UPDATE ledger_entries SET amount_cents = 1 WHERE id = 2')).toThrow('append-only');
    expect(() => db.run('DELETE FROM ledger_entries WHERE id = 3')).toThrow('append-only');
    expect(() =>
      db.run("INSERT INTO ledger_entries (subscriber_id, entry_date, kind, amount_cents, created_at) VALUES (?, '2026-06-01', 'payment', 100, 'x')", [s]),
    ).toThrow('hash chain');
  });

  // Someone with a SQLite editor drops the triggers and edits the file: the check still finds it.
  it.each([
    ['entry_date', '2026-04-31'],
    ['kind', 'payment'],
    ['amount_cents', -4201],
    ['method', 'cash'],
    ['reference', 'FA-2026-00007'],
    ['label', 'Facturf'],
    ['created_at', '2026-12-04T09:30:00.001Z'],
    ['source_type', 'invoice'],
  ] as const)('finds the first broken link when %s changes to %s', async (column, changed) => {
    const { db, backend } = await ledgerWithEntries();
    db.exec('DROP TRIGGER ledger_entries_no_update; DROP TRIGGER ledger_entries_no_delete');
    db.run(`UPDATE ledger_entries SET ${column} = ? WHERE id = 2`, [changed]);
    expect(verifyChain(db)).toMatchObject({ ok: false, reason: 'hash', brokenAt: { id: 2 } });
    const report = (await backend.call('ledger-chain-check', {})) as { message: string };
    expect(report.message).toMatch(/^Journal altéré à l’écriture n° 2 du \d\d\/\d\d\/2026 /);
  });

  it('finds a removed entry and a swapped hash', async () => {
    const { db } = await ledgerWithEntries();
    db.exec('DROP TRIGGER ledger_entries_no_update; DROP TRIGGER ledger_entries_no_delete');
    db.run('DELETE FROM ledger_entries WHERE id = 2');
    expect(verifyChain(db)).toMatchObject({ ok: false, reason: 'gap', brokenAt: { id: 3 } });
    const other = await ledgerWithEntries();
    other.db.exec('DROP TRIGGER ledger_entries_no_update');
    const last = other.db.get<{ hash: string }>('SELECT hash FROM ledger_entries WHERE id = 3')!.hash;
    other.db.run('UPDATE ledger_entries SET hash = ? WHERE id = 2', [last]);
    expect(verifyChain(other.db)).toMatchObject({ ok: false, reason: 'hash', brokenAt: { id: 2 } });
  });
});
