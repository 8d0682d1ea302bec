import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { Backend, createRegistry, type Db } from '../../../core';
import { createDemoTestDb } from '../../support/demo';

/**
 * The portal export (issue 9) on a small demo association: every file validates against the
 * committed JSON Schemas with ajv (not zod, the schemas' source), nothing private leaks,
 * incremental exports carry just what changed, and the two phases keep the sequence honest.
 */

type ExportFile = { name: string; content?: string; base64?: string };
interface Manifest {
  sequence: number;
  kind: 'full' | 'incremental';
  previousSequence: number | null;
  files: { name: string; sha256: string; bytes: number; records: number }[];
  counts: Record<string, number>;
}
interface Prepared {
  exportId: number;
  sequence: number;
  kind: 'full' | 'incremental';
  requestedKind: string;
  notice: string | null;
  files: ExportFile[];
  manifest: Manifest;
}

const SCHEMA_DIR = path.join(import.meta.dirname, '..', '..', '..', 'docs', 'portal');
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();
function validatorFor(fileName: string): ValidateFunction {
  const schemaName = fileName.startsWith('subscribers/') ? 'subscriber.schema.json' : fileName.replace('.json', '.schema.json');
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, schemaName), 'utf8')) as object);
    validators.set(schemaName, validate);
  }
  return validate;
}

const bytesOf = (f: ExportFile) => (f.content !== undefined ? Buffer.from(f.content, 'utf8') : Buffer.from(f.base64 ?? '', 'base64'));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const names = (p: Prepared) => p.files.map((f) => f.name);
const fileOf = (p: Prepared, name: string) => {
  const file = p.files.find((f) => f.name === name);
  if (!file?.content) throw new Error(`${name} missing from the export`);
  return JSON.parse(file.content) as Record<string, unknown>;
};

/** The manifest lists every file but itself, with the checksum, size and record count of its exact bytes. */
function expectManifestMatches(p: Prepared): void {
  const manifest = fileOf(p, 'manifest.json');
  expect(manifest).toEqual(p.manifest);
  expect(p.files.at(-1)!.name).toBe('manifest.json');
  const listed = p.files.slice(0, -1);
  expect(p.manifest.files.map((f) => f.name)).toEqual(listed.map((f) => f.name));
  for (const [i, f] of listed.entries()) {
    const bytes = bytesOf(f);
    expect(p.manifest.files[i]).toMatchObject({ sha256: sha256(bytes), bytes: bytes.length });
  }
}

async function setup(subscribers = 40) {
  const { db, sqlite, clock } = await createDemoTestDb({ subscribers });
  const backend = new Backend({ db, sqlite, clock, registry: createRegistry(), randomId: () => 'x' });
  const prepare = async (kind: 'full' | 'incremental') => (await backend.call('portal-export-prepare', { kind })) as Prepared;
  const confirm = async (exportId: number) => (await backend.call('portal-export-confirm', { exportId })) as { sequence: number; reportedResponses: number };
  return { db, backend, prepare, confirm };
}

function portalIdOfRow(db: Db, id: number, p: Prepared): string {
  const email = db.get<{ email: string }>('SELECT email FROM subscribers WHERE id = ?', [id])!.email;
  const file = p.files.filter((f) => f.name.startsWith('subscribers/')).find((f) => (JSON.parse(f.content!) as { email: string }).email === email)!;
  return (JSON.parse(file.content!) as { portalId: string }).portalId;
}

describe('portal export: format and privacy', () => {
  let world: Awaited<ReturnType<typeof setup>>;
  let full: Prepared;
  let sepaId: number;

  beforeAll(async () => {
    world = await setup();
    const { db, backend } = world;
    const run = (await backend.call('invoice-run-prepare', { month: '2026-11' })) as { id: number };
    await backend.call('invoice-run-issue', { runId: run.id });
    sepaId = db.get<{ id: number }>("SELECT id FROM subscribers WHERE payment_method = 'sepa' AND archived_at IS NULL ORDER BY id LIMIT 1")!.id;
    db.run(
      "UPDATE subscribers SET iban = 'FR7630006000019876543211234', mandate_rum = 'RUM-SECRET-0042', notes = 'Allergique aux noisettes, code portail 4812', birth_date = '1961-07-23' WHERE id = ?",
      [sepaId],
    );
    await backend.call('portal-settings-update', { weeksAhead: 6, includeInvoicePdfs: true, pushUrl: '' });
    full = await world.prepare('full');
  }, 120_000);

  it('validates every exported file against the committed JSON Schemas (ajv)', () => {
    expect(full.files.length).toBeGreaterThan(40);
    for (const f of full.files) {
      if (f.name.endsWith('.pdf')) continue;
      const validate = validatorFor(f.name);
      const ok = validate(JSON.parse(f.content!));
      expect(ok ? [] : validate.errors, f.name).toEqual([]);
    }
    expect(names(full)).toEqual(expect.arrayContaining(['organisation.json', 'depots.json', 'formulas.json', 'removed.json', 'responses.json', 'manifest.json']));
    expectManifestMatches(full);
    const active = world.db.get<{ n: number }>('SELECT count(*) AS n FROM subscribers WHERE archived_at IS NULL')!.n;
    expect(full.manifest.counts).toMatchObject({ subscribers: active, activeSubscribers: active, removed: 0, responses: 0 });
  });

  it('masks the IBAN and leaves out the full IBAN, RUM, notes and birth date', () => {
    const portalId = portalIdOfRow(world.db, sepaId, full);
    const record = fileOf(full, `subscribers/${portalId}.json`) as { paymentMethod: { kind: string; ibanMasked: string } };
    expect(record.paymentMethod).toMatchObject({ kind: 'sepa', ibanMasked: 'FR76 •••• 1234' });
    const text = full.files.map((f) => f.content ?? '').join('\n');
    for (const secret of ['30006000019876543211234', '9876543211', 'RUM-SECRET-0042', 'Allergique', 'noisettes', '1961-07-23', '23/07/1961']) {
      expect(text).not.toContain(secret);
    }
    // No demo IBAN either, nor any RUM or note of anyone.
    for (const row of world.db.all<{ iban: string; mandate_rum: string; notes: string }>("SELECT iban, mandate_rum, notes FROM subscribers WHERE iban != '' OR notes != ''")) {
      if (row.iban) expect(text).not.toContain(row.iban.replace(/\s/g, '').slice(4, 20));
      if (row.mandate_rum) expect(text).not.toContain(row.mandate_rum);
      if (row.notes.length > 8) expect(text).not.toContain(row.notes);
    }
  });

  it('gives each invoice its paid status by the payments module’s own ageing, and joins its PDF without recording a hash', async () => {
    const unpaid = (await world.backend.call('unpaid-list', {})) as { subscribers: { invoices: { number: string; remainingCents: number }[] }[] };
    const remaining = new Map(unpaid.subscribers.flatMap((s) => s.invoices.map((i) => [i.number, i.remainingCents] as const)));
    const invoices = full.files
      .filter((f) => f.name.startsWith('subscribers/'))
      .flatMap((f) => (JSON.parse(f.content!) as { invoices: { number: string; amountCents: number; status: string; remainingCents: number; pdf: string | null }[] }).invoices);
    const issued = world.db.get<{ n: number }>("SELECT count(*) AS n FROM invoices WHERE status = 'issued'")!.n;
    expect(invoices.length).toBe(issued);
    expect(issued).toBeGreaterThan(10);
    for (const i of invoices) {
      const left = remaining.get(i.number) ?? 0;
      expect(i.remainingCents).toBe(left);
      expect(i.status).toBe(left === 0 ? 'paid' : left < i.amountCents ? 'partially_paid' : 'unpaid');
      expect(i.pdf).toBe(`factures/${i.number}.pdf`);
      const pdf = full.files.find((f) => f.name === i.pdf)!;
      expect(bytesOf(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expect(new Set(invoices.map((i) => i.status)).size).toBeGreaterThan(1);
    expect(full.manifest.counts.invoicePdfs).toBe(issued);
    expect(world.db.get<{ n: number }>('SELECT count(*) AS n FROM invoices WHERE pdf_sha256 IS NOT NULL')!.n).toBe(0);
  });

  it('lists the planner’s next weeks with each deadline and whether the basket can still be cancelled', async () => {
    const portalId = portalIdOfRow(world.db, sepaId, full);
    const record = fileOf(full, `subscribers/${portalId}.json`) as { upcomingDeliveries: { date: string; status: string; cancellationDeadline: string; cancellable: boolean }[] };
    const planned = (await world.backend.call('subscriber-upcoming-deliveries', { subscriberId: sepaId, weeks: 6 })) as { date: string; status: string }[];
    expect(record.upcomingDeliveries.map((d) => [d.date, d.status])).toEqual(planned.map((b) => [b.date, b.status]));
    const now = new Date('2026-12-04T09:30:00.000Z');
    for (const d of record.upcomingDeliveries) expect(d.cancellable).toBe(d.status === 'expected' && new Date(d.cancellationDeadline) >= now);
  });
});

describe('portal export: two phases and incremental exports', () => {
  it('turns a first incremental into a full export and says so', async () => {
    const { prepare } = await setup(8);
    const first = await prepare('incremental');
    expect(first).toMatchObject({ kind: 'full', requestedKind: 'incremental', sequence: 1, manifest: { kind: 'full', previousSequence: null } });
    expect(first.notice).toMatch(/Aucun export n’a encore été écrit/);
  });

  it('reuses the sequence when preparing twice without confirming, and refuses the replaced export', async () => {
    const { backend, prepare } = await setup(8);
    const a = await prepare('full');
    const b = await prepare('full');
    expect([a.sequence, b.sequence]).toEqual([1, 1]);
    await expect(backend.call('portal-export-confirm', { exportId: a.exportId })).rejects.toMatchObject({ type: 'not-found' });
    expect(await backend.call('portal-status', {})).toMatchObject({ lastWritten: null, prepared: { exportId: b.exportId, sequence: 1, kind: 'full' } });
  });

  it('exports just the changed subscriber after one change, then nothing once confirmed', async () => {
    const { db, backend, prepare, confirm } = await setup(20);
    const full = await prepare('full');
    expect(await confirm(full.exportId)).toMatchObject({ sequence: 1 });
    await expect(confirm(full.exportId)).rejects.toMatchObject({ type: 'conflict' });

    const empty = await prepare('incremental');
    expect(names(empty)).toEqual(['manifest.json']);
    expect(empty.manifest).toMatchObject({ sequence: 2, kind: 'incremental', previousSequence: 1, files: [] });

    const id = db.get<{ id: number }>('SELECT id FROM subscribers WHERE archived_at IS NULL ORDER BY id LIMIT 1 OFFSET 3')!.id;
    const portalId = portalIdOfRow(db, id, full);
    const subscriber = (await backend.call('subscriber-get', { id })) as Record<string, unknown>;
    expect(subscriber.email).toBeTruthy();
    db.run("UPDATE subscribers SET email = 'nouvelle.adresse@example.fr' WHERE id = ?", [id]);
    const one = await prepare('incremental');
    expect(one.sequence).toBe(2);
    expect(names(one)).toEqual([`subscribers/${portalId}.json`, 'manifest.json']);
    expect(fileOf(one, `subscribers/${portalId}.json`)).toMatchObject({ portalId, email: 'nouvelle.adresse@example.fr' });
    expectManifestMatches(one);
    expect(one.manifest.counts).toMatchObject({ subscribers: 1, depots: 0, formulas: 0 });
    await confirm(one.exportId);

    const after = await prepare('incremental');
    expect(after).toMatchObject({ sequence: 3, manifest: { files: [] } });
    expect(await backend.call('portal-status', {})).toMatchObject({
      lastWritten: { sequence: 2, kind: 'incremental', counts: { subscribers: 1 } },
      prepared: { sequence: 3 },
      waitingRequests: 0,
      lastPush: null,
    });
  });

  it('lists an archived subscriber in removed.json once, and sends decided requests back once', async () => {
    const { db, backend, prepare, confirm } = await setup(12);
    const full = await prepare('full');
    await confirm(full.exportId);
    const id = db.get<{ id: number }>('SELECT id FROM subscribers WHERE archived_at IS NULL ORDER BY id DESC LIMIT 1')!.id;
    const portalId = portalIdOfRow(db, id, full);
    db.run("UPDATE subscribers SET archived_at = '2026-12-04T09:00:00.000Z' WHERE id = ?", [id]);
    const insert = (requestId: string, status: string, reason: string) =>
      db.run(
        `INSERT INTO portal_requests (request_id, subscriber_ref, type, requested_at, payload, received_at, status, reason, decided_at)
         VALUES (?, ?, 'cancel_deliveries', '2026-12-03T18:00:00.000Z', '{}', '2026-12-04T08:00:00.000Z', ?, ?, ?)`,
        [requestId, portalId, status, reason, status === 'waiting' ? null : '2026-12-04T08:00:00.000Z'],
      );
    insert('req-applied', 'applied', '');
    insert('req-rejected', 'rejected', 'Le délai d’annulation est dépassé.');
    insert('req-waiting', 'waiting', 'Dépôt complet.');

    const inc = await prepare('incremental');
    expect(names(inc)).toEqual(['removed.json', 'responses.json', 'manifest.json']);
    expect(fileOf(inc, 'removed.json')).toEqual({ portalIds: [portalId] });
    expect(fileOf(inc, 'responses.json')).toEqual({
      responses: [
        { requestId: 'req-applied', status: 'applied', reason: '', decidedAt: '2026-12-04T08:00:00.000Z' },
        { requestId: 'req-rejected', status: 'rejected', reason: 'Le délai d’annulation est dépassé.', decidedAt: '2026-12-04T08:00:00.000Z' },
      ],
    });
    for (const name of ['removed.json', 'responses.json']) expect(validatorFor(name)(fileOf(inc, name))).toBe(true);
    expectManifestMatches(inc);
    expect(await backend.call('portal-status', {})).toMatchObject({ waitingRequests: 1 });
    expect(await confirm(inc.exportId)).toMatchObject({ sequence: 2, reportedResponses: 2 });
    expect(db.all('SELECT request_id, reported_in_sequence FROM portal_requests ORDER BY request_id')).toEqual([
      { request_id: 'req-applied', reported_in_sequence: 2 },
      { request_id: 'req-rejected', reported_in_sequence: 2 },
      { request_id: 'req-waiting', reported_in_sequence: null },
    ]);
    expect(names(await prepare('incremental'))).toEqual(['manifest.json']);
  });
});

describe('portal settings', () => {
  it('keeps weeks ahead within 1–26 and the push address on HTTPS, in French', async () => {
    const { backend } = await setup(3);
    expect(await backend.call('portal-settings-get', {})).toEqual({ weeksAhead: 8, includeInvoicePdfs: false, pushUrl: '', updatedAt: null });
    await expect(backend.call('portal-settings-update', { weeksAhead: 27, includeInvoicePdfs: false, pushUrl: '' })).rejects.toMatchObject({
      fields: { weeksAhead: 'Entre 1 et 26 semaines.' },
    });
    for (const pushUrl of ['http://portail.example.fr/import', 'https://user:secret@portail.example.fr/', 'portail.example.fr']) {
      await expect(backend.call('portal-settings-update', { weeksAhead: 8, includeInvoicePdfs: false, pushUrl })).rejects.toMatchObject({
        fields: { pushUrl: expect.stringMatching(/^Adresse invalide : indiquez une adresse qui commence par https:\/\//) },
      });
    }
    expect(await backend.call('portal-settings-update', { weeksAhead: 12, includeInvoicePdfs: true, pushUrl: ' https://portail.example.fr:8443/paniers ' })).toMatchObject({
      weeksAhead: 12,
      includeInvoicePdfs: true,
      pushUrl: 'https://portail.example.fr:8443/paniers',
    });
  });
});
