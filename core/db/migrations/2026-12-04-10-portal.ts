/**
 * Portal sync (issue 9): the exports written for the subscribers' web space, what each
 * subscriber's exported data looked like (to export only what changed), and the requests the
 * portal sends back, each applied at most once.
 */
export const up = /* sql */ `
CREATE TABLE portal_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  weeks_ahead INTEGER NOT NULL DEFAULT 8 CHECK (weeks_ahead BETWEEN 1 AND 26),
  include_invoice_pdfs INTEGER NOT NULL DEFAULT 0 CHECK (include_invoice_pdfs IN (0, 1)),
  -- Optional push over HTTPS; the token never lives in this file (OS keychain on the host).
  push_url TEXT NOT NULL DEFAULT '',
  updated_at TEXT
);
INSERT INTO portal_settings (id) VALUES (1);

-- One row per export. 'prepared' until the host confirms the files are written; a prepared
-- export never confirmed is replaced by the next one (same sequence).
CREATE TABLE portal_exports (
  id INTEGER PRIMARY KEY,
  sequence INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
  status TEXT NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'written')),
  prepared_at TEXT NOT NULL,
  written_at TEXT,
  -- JSON: the manifest (version, sequence, counts, SHA-256 of each file).
  manifest TEXT NOT NULL,
  pushed_at TEXT,
  push_status TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX portal_exports_written_sequence ON portal_exports(sequence) WHERE status = 'written';

-- What each exported record looked like: its SHA-256 in the last written export, and the one
-- a prepared export will make current once written.
CREATE TABLE portal_export_state (
  record TEXT PRIMARY KEY,
  written_hash TEXT,
  prepared_hash TEXT
);

CREATE TABLE portal_requests (
  id INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  subscriber_ref TEXT NOT NULL,
  subscriber_id INTEGER REFERENCES subscribers(id),
  type TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied', 'waiting', 'rejected')),
  -- Why it waits or was rejected, in French (shown to the office, sent back to the portal).
  reason TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  -- The export sequence that told the portal the outcome (null: not yet told).
  reported_in_sequence INTEGER
);
CREATE INDEX portal_requests_status ON portal_requests(status);
`;
