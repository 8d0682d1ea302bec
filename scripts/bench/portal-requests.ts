import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend, createRegistry, loadSqlite, openDatabase, type Db } from '../../core';
import { addDays, type IsoDate } from '../../core/dates/dates';
import { planDeliveries } from '../../core/deliveries/plan';
import { portalIdOf } from '../../core/portal/portal-ids';
import { BENCH_CLOCK, benchDatabase } from './databases';
import type { Row } from './report';
import { measure } from './stats';

/** Issue 9: importing 5,000 portal requests in at most 3 s. */
const TARGET_MS = 3000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * What a busy portal sends: mostly cancellations of upcoming baskets (past the deadline
 * for none), some contact updates, a few temporary and permanent depot changes (some of
 * which meet a full depot and wait). Every request goes through the office's handlers.
 */
export function syntheticRequestsFile(db: Db, count: number): string {
  const today = BENCH_CLOCK.today();
  const from = addDays(today, 7) as IsoDate;
  const baskets = planDeliveries(db, { from, to: addDays(from, 8 * 7 - 1) as IsoDate }).filter((b) => b.status === 'expected');
  const bySubscriber = new Map<number, string[]>();
  for (const b of baskets) bySubscriber.set(b.subscriberId, [...(bySubscriber.get(b.subscriberId) ?? []), b.date]);
  const subscribers = db
    .all<{ id: number; created_at: string }>('SELECT id, created_at FROM subscribers WHERE archived_at IS NULL ORDER BY id')
    .filter((s) => bySubscriber.has(s.id));
  const depots = db.all<{ id: number }>('SELECT id FROM depots WHERE archived_at IS NULL ORDER BY id').map((d) => d.id);
  const requests = Array.from({ length: count }, (_, i) => {
    const s = subscribers[i % subscribers.length]!;
    const round = Math.floor(i / subscribers.length);
    const common = { requestId: `bench-${i}`, portalId: portalIdOf(s.id, s.created_at), requestedAt: '2026-12-04T08:00:00Z' };
    const dates = bySubscriber.get(s.id)!;
    if (round === 0 && i % 20 === 0) return { ...common, type: 'temporary_change', from: addDays(from, 14), to: addDays(from, 27), depotId: depots[i % depots.length] };
    if (round === 0 && i % 20 === 1) return { ...common, type: 'permanent_change', from: addDays(from, 35), depotId: depots[i % depots.length] };
    if (round === 2 || dates.length <= round) return { ...common, type: 'contact_update', email: `portail.${i}@example.fr`, phone: '06 12 34 56 78' };
    return { ...common, type: 'cancel_deliveries', dates: [dates[round]] };
  });
  return JSON.stringify({ format: 'paniers-portail-demandes', version: 1, requests });
}

/** `portal-requests-import` of 5,000 requests through the Backend, on a fresh copy of the bench database each run. */
export async function benchPortalRequests(runs: number, subscribers = 2000, count = 5000): Promise<Row[]> {
  const database = await benchDatabase(path.join(ROOT, '.bench'), subscribers, 2);
  const bytes = new Uint8Array(await readFile(database.file));
  const sqlite = await loadSqlite();
  let content = '';
  let outcome = { applied: 0, waiting: 0, duplicates: 0 };
  const stats = await measure(runs, 1, async () => {
    const { db } = openDatabase(sqlite, bytes, BENCH_CLOCK);
    content ||= syntheticRequestsFile(db, count);
    const backend = new Backend({ db, sqlite, clock: BENCH_CLOCK, registry: createRegistry(), randomId: () => 'bench' });
    const start = performance.now();
    outcome = (await backend.call('portal-requests-import', { files: [{ name: 'demandes/bench.json', content }] })) as typeof outcome;
    const ms = performance.now() - start;
    db.close();
    if (outcome.applied + outcome.waiting !== count) throw new Error(`bench: ${count} requests sent, ${outcome.applied + outcome.waiting} stored`);
    return ms;
  });
  const label = `${count.toLocaleString('fr-FR')} demandes, ${database.label}`;
  return [
    { operation: 'Portal requests import', database: label, stats, targetMs: TARGET_MS },
    { operation: '  applied / waiting', database: label, stats: null, value: `${outcome.applied} / ${outcome.waiting}`, targetMs: null },
    { operation: 'Requests file size', database: label, stats: null, value: `${(content.length / 1024 / 1024).toFixed(1)} MB`, targetMs: null },
  ];
}
