import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { buildInvoiceDocument } from '../documents/invoice-document';
import { pdfDataUri, renderInvoice } from '../documents/pdf/invoice-pdf';
import { toBytes } from '../documents/pdf/pdf-kit';
import { sha256Hex } from '../text/hash';
import { depotsRecord, formulasRecord, organisationRecord } from './portal-catalogue';
import type { PortalResponse } from './portal-schema';
import { subscriberRecords } from './portal-subscribers';

/**
 * The files an export may hold, each with the record key that tracks it between exports
 * (`organisation`, `depots`, `formulas`, `subscriber:<portalId>`, `response:<requestId>`,
 * `pdf:<number>`) and the SHA-256 of its exact bytes, which is both the manifest checksum and
 * the record's hash: a record changed when its file's bytes did.
 */
export interface PortalFile {
  record: string;
  name: string;
  /** JSON text; null for a PDF, which travels as base64. */
  content: string | null;
  base64: string | null;
  sha256: string;
  bytes: number;
  records: number;
}

/**
 * Indented JSON for the few shared files, compact for the 10,000 subscriber files (40 % fewer
 * bytes to hash and to sync); whitespace carries no meaning in the format.
 */
export function jsonFile(record: string, name: string, value: unknown, records: number, compact = false): PortalFile {
  const content = `${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`;
  const bytes = utf8ToBytes(content);
  return { record, name, content, base64: null, sha256: sha256Hex(bytes), bytes: bytes.length, records };
}

/** `FA-2026-00001` → `factures/FA-2026-00001.pdf`; anything but letters, digits and dashes becomes `_`. */
export function invoicePdfName(number: string): string {
  return `factures/${number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

export interface RecordFiles {
  organisation: PortalFile;
  depots: PortalFile;
  formulas: PortalFile;
  subscribers: PortalFile[];
}

/** Every record of the current data, as files (the export then keeps the changed ones). */
export function buildRecordFiles(db: Db, options: { now: Date; today: IsoDate; weeksAhead: number; includeInvoicePdfs: boolean }): RecordFiles {
  const depots = depotsRecord(db, options.today);
  const formulas = formulasRecord(db);
  const subscribers = subscriberRecords(db, { ...options, pdfName: options.includeInvoicePdfs ? invoicePdfName : null });
  return {
    organisation: jsonFile('organisation', 'organisation.json', organisationRecord(db), 1),
    depots: jsonFile('depots', 'depots.json', depots, depots.depots.length),
    formulas: jsonFile('formulas', 'formulas.json', formulas, formulas.formulas.length),
    subscribers: subscribers.map((s) => jsonFile(`subscriber:${s.portalId}`, `subscribers/${s.portalId}.json`, s.file, 1, true)),
  };
}

/** Decided requests not yet told to the portal (PB's `portal_requests`; waiting ones wait). */
export function unreportedResponses(db: Db): PortalResponse[] {
  return db
    .all<{ request_id: string; status: 'applied' | 'rejected'; reason: string; decided_at: string | null; received_at: string }>(
      `SELECT request_id, status, reason, decided_at, received_at FROM portal_requests
       WHERE status IN ('applied', 'rejected') AND reported_in_sequence IS NULL ORDER BY coalesce(decided_at, received_at), id`,
    )
    .map((r) => ({ requestId: r.request_id, status: r.status, reason: r.reason, decidedAt: r.decided_at ?? r.received_at }));
}

/**
 * The PDFs of the issued invoices of active subscribers, built by the invoice document
 * builder directly: `document-invoice` records a hash on first print, an export must not.
 * `skip` says which invoice numbers the portal already has.
 */
export function invoicePdfFiles(db: Db, skip: (record: string) => boolean): PortalFile[] {
  const invoices = db.all<{ id: number; number: string }>(
    `SELECT i.id, i.number FROM invoices i JOIN subscribers s ON s.id = i.subscriber_id AND s.archived_at IS NULL
     WHERE i.status = 'issued' ORDER BY i.number`,
  );
  const files: PortalFile[] = [];
  for (const invoice of invoices) {
    const record = `pdf:${invoice.number}`;
    if (skip(record)) continue;
    const bytes = toBytes(renderInvoice(buildInvoiceDocument(db, invoice.id)));
    const base64 = pdfDataUri(bytes).slice(pdfDataUri(new Uint8Array()).length);
    files.push({ record, name: invoicePdfName(invoice.number), content: null, base64, sha256: sha256Hex(bytes), bytes: bytes.length, records: 1 });
  }
  return files;
}
