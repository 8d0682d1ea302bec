/**
 * Payments (issue 7): SEPA collection batches and their debits, mandate history, cheques and
 * deposit slips, payment settings (delays, pain.008 version, accounts for the accountant).
 *
 * The ledger is rebuilt once to become append-only and hash-chained (finance-rules §1.8: an
 * append-only, hash-chained payment journal): each entry names its source document, a
 * reversal points at the entry it reverses, and `hash` covers the previous entry's hash. The
 * hashes of entries written before this migration are computed by its `after` step
 * (core/ledger/chain.ts), since SQLite has no SHA-256.
 */
export const up = /* sql */ `
CREATE TABLE ledger_entries_chained (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  entry_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opening_balance', 'invoice', 'credit_note', 'payment', 'payment_reversal', 'refund')),
  amount_cents INTEGER NOT NULL,
  method TEXT CHECK (method IS NULL OR method IN ('sepa', 'cheque', 'transfer', 'cash', 'card')),
  reference TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  -- The document behind the movement: invoice, credit_note, sepa_debit, cheque, payment (a
  -- transfer, cash or card receipt, or a refund, whose reference is the bank's), opening.
  source_type TEXT CHECK (source_type IS NULL OR source_type IN ('invoice', 'credit_note', 'sepa_debit', 'cheque', 'payment', 'opening')),
  source_id INTEGER,
  reverses_id INTEGER REFERENCES ledger_entries_chained(id),
  created_at TEXT NOT NULL,
  hash TEXT
);
INSERT INTO ledger_entries_chained (id, subscriber_id, entry_date, kind, amount_cents, method, reference, label, source_type, source_id, created_at)
  SELECT e.id, e.subscriber_id, e.entry_date, e.kind, e.amount_cents, e.method, e.reference, e.label,
    CASE e.kind WHEN 'invoice' THEN 'invoice' WHEN 'credit_note' THEN 'credit_note' WHEN 'opening_balance' THEN 'opening' ELSE 'payment' END,
    CASE e.kind WHEN 'invoice' THEN (SELECT id FROM invoices WHERE number = e.reference)
                WHEN 'credit_note' THEN (SELECT id FROM credit_notes WHERE number = e.reference) END,
    e.created_at
  FROM ledger_entries e ORDER BY e.id;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_chained RENAME TO ledger_entries;
CREATE INDEX ledger_subscriber ON ledger_entries(subscriber_id, entry_date);
CREATE INDEX ledger_source ON ledger_entries(source_type, source_id);

-- Append-only: an entry is never changed or deleted (a reversal is a new entry). The one
-- allowed change is the hash of an entry written before the chain existed (the backfill).
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries WHEN OLD.hash IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.subscriber_id IS NOT OLD.subscriber_id OR NEW.entry_date IS NOT OLD.entry_date
  OR NEW.kind IS NOT OLD.kind OR NEW.amount_cents IS NOT OLD.amount_cents OR NEW.method IS NOT OLD.method
  OR NEW.reference IS NOT OLD.reference OR NEW.label IS NOT OLD.label OR NEW.source_type IS NOT OLD.source_type
  OR NEW.source_id IS NOT OLD.source_id OR NEW.reverses_id IS NOT OLD.reverses_id OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversal'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversal'); END;
-- Every new entry comes through the chain writer, which computes its hash.
CREATE TRIGGER ledger_entries_chained_insert BEFORE INSERT ON ledger_entries WHEN NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'ledger entries must be written through the hash chain'); END;

-- The day the association's accounts moved to Paniers (the letter: 10 April). Deliveries
-- before it were invoiced by the old software; Paniers bills from this day on.
CREATE TABLE cutover (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cutover_date TEXT,
  updated_at TEXT
);
INSERT INTO cutover (id) VALUES (1);

CREATE TABLE payment_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- SEPA rulebook: the debtor is told 14 calendar days before, unless agreed otherwise (§2.5).
  prenotification_days INTEGER NOT NULL DEFAULT 14 CHECK (prenotification_days BETWEEN 1 AND 60),
  collection_day INTEGER NOT NULL DEFAULT 10 CHECK (collection_day BETWEEN 1 AND 28),
  pain_version TEXT NOT NULL DEFAULT '001.08' CHECK (pain_version IN ('001.08', '001.02')),
  first_sequence_type TEXT NOT NULL DEFAULT 'RCUR' CHECK (first_sequence_type IN ('RCUR', 'FRST')),
  low_balance_threshold_cents INTEGER NOT NULL DEFAULT 5000 CHECK (low_balance_threshold_cents >= 0),
  account_customers TEXT NOT NULL DEFAULT '411000',
  account_sales TEXT NOT NULL DEFAULT '701000',
  account_membership TEXT NOT NULL DEFAULT '756100',
  account_vat TEXT NOT NULL DEFAULT '445710',
  account_bank TEXT NOT NULL DEFAULT '512000',
  account_cheques TEXT NOT NULL DEFAULT '511200',
  account_cash TEXT NOT NULL DEFAULT '530000',
  -- Counterpart of the opening balances taken over from the old software (a suspense account).
  account_opening TEXT NOT NULL DEFAULT '471000',
  journal_sales TEXT NOT NULL DEFAULT 'VT',
  journal_bank TEXT NOT NULL DEFAULT 'BQ',
  journal_opening TEXT NOT NULL DEFAULT 'AN',
  updated_at TEXT
);
INSERT INTO payment_settings (id) VALUES (1);

ALTER TABLE subscribers ADD COLUMN mandate_revoked_on TEXT;

-- Every earlier state of a subscriber's mandate (IBAN change, new RUM, revocation): kept, never
-- overwritten, written by the trigger whatever screen made the change.
CREATE TABLE mandate_history (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  rum TEXT NOT NULL,
  iban TEXT NOT NULL,
  bic TEXT NOT NULL,
  signed_on TEXT,
  revoked_on TEXT,
  replaced_at TEXT NOT NULL
);
CREATE INDEX mandate_history_subscriber ON mandate_history(subscriber_id, id);
CREATE TRIGGER subscribers_mandate_history AFTER UPDATE OF iban, bic, mandate_rum, mandate_signed_on, mandate_revoked_on ON subscribers
WHEN OLD.mandate_rum != '' AND (OLD.iban IS NOT NEW.iban OR OLD.bic IS NOT NEW.bic OR OLD.mandate_rum IS NOT NEW.mandate_rum
  OR OLD.mandate_signed_on IS NOT NEW.mandate_signed_on OR OLD.mandate_revoked_on IS NOT NEW.mandate_revoked_on)
BEGIN
  INSERT INTO mandate_history (subscriber_id, rum, iban, bic, signed_on, revoked_on, replaced_at)
  VALUES (OLD.id, OLD.mandate_rum, OLD.iban, OLD.bic, OLD.mandate_signed_on, OLD.mandate_revoked_on, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TABLE sepa_batches (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES invoice_runs(id),
  message_id TEXT NOT NULL UNIQUE,
  -- The file's creation time (CreDtTm), fixed once so that every export is the same file.
  created_at TEXT NOT NULL,
  collection_date TEXT NOT NULL,
  pain_version TEXT NOT NULL CHECK (pain_version IN ('001.08', '001.02')),
  -- The creditor (name, IBAN, BIC, ICS) as it was when the batch was made.
  creditor TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'sent', 'settled', 'cancelled')),
  debit_count INTEGER NOT NULL CHECK (debit_count > 0),
  total_cents INTEGER NOT NULL CHECK (total_cents > 0),
  xml_sha256 TEXT,
  exported_at TEXT,
  sent_at TEXT,
  settled_at TEXT,
  cancelled_at TEXT
);

CREATE TABLE sepa_debits (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES sepa_batches(id),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  end_to_end_id TEXT NOT NULL,
  sequence_type TEXT NOT NULL CHECK (sequence_type IN ('FRST', 'RCUR', 'OOFF', 'FNAL')),
  debtor_name TEXT NOT NULL,
  iban TEXT NOT NULL,
  bic TEXT NOT NULL DEFAULT '',
  rum TEXT NOT NULL,
  mandate_signed_on TEXT NOT NULL,
  -- Amendment since the subscriber's previous collection (finance-rules §2.6).
  original_rum TEXT,
  original_iban TEXT,
  changed_bank INTEGER NOT NULL DEFAULT 0 CHECK (changed_bank IN (0, 1)),
  remittance TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'settled', 'rejected', 'cancelled')),
  return_kind TEXT CHECK (return_kind IS NULL OR return_kind IN ('reject', 'return', 'refund')),
  return_code TEXT,
  return_date TEXT,
  return_note TEXT NOT NULL DEFAULT '',
  UNIQUE (batch_id, end_to_end_id)
);
CREATE INDEX sepa_debits_batch ON sepa_debits(batch_id);
CREATE INDEX sepa_debits_subscriber ON sepa_debits(subscriber_id);
-- Planning a batch asks, for each invoice, whether a debit of it is live or was rejected.
CREATE INDEX sepa_debits_invoice ON sepa_debits(invoice_id, status);
-- An invoice is collected by at most one live debit; a rejected one may be presented again.
CREATE UNIQUE INDEX sepa_debits_live_invoice ON sepa_debits(invoice_id) WHERE status IN ('pending', 'settled');

CREATE TABLE deposit_slips (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  deposit_date TEXT NOT NULL,
  account_holder TEXT NOT NULL,
  account_iban TEXT NOT NULL,
  account_bic TEXT NOT NULL DEFAULT '',
  cheque_count INTEGER NOT NULL CHECK (cheque_count > 0),
  total_cents INTEGER NOT NULL CHECK (total_cents > 0),
  created_at TEXT NOT NULL
);
CREATE TRIGGER deposit_slips_no_update BEFORE UPDATE ON deposit_slips
BEGIN SELECT RAISE(ABORT, 'deposit slips are immutable'); END;
CREATE TRIGGER deposit_slips_no_delete BEFORE DELETE ON deposit_slips
BEGIN SELECT RAISE(ABORT, 'deposit slips are immutable'); END;

CREATE TABLE cheques (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  number TEXT NOT NULL,
  bank TEXT NOT NULL,
  drawer TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  received_on TEXT NOT NULL,
  -- Postdated cheques are cashed "aux dates prévues" (the letter): an internal promise (§4).
  planned_deposit_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'deposited', 'returned')),
  deposit_slip_id INTEGER REFERENCES deposit_slips(id),
  returned_on TEXT,
  return_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (status != 'deposited' OR deposit_slip_id IS NOT NULL),
  CHECK ((status = 'returned') = (returned_on IS NOT NULL))
);
CREATE INDEX cheques_subscriber ON cheques(subscriber_id);
CREATE INDEX cheques_to_deposit ON cheques(status, planned_deposit_on);
`;
