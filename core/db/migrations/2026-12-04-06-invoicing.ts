/**
 * Monthly invoicing au réel (issue 6): invoice runs, invoices and their lines, credit notes,
 * gap-free number series. An issued invoice or a credit note is a frozen snapshot: triggers
 * refuse any UPDATE or DELETE (finance-rules §1.4); corrections are credit notes.
 */
export const up = /* sql */ `
CREATE TABLE invoice_runs (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  created_at TEXT NOT NULL,
  issued_at TEXT
);

-- Number protection, third layer: the UNIQUE index (the generator and the check inside the
-- issuing transaction are the other two). Drafts have no number (NULLs never collide).
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES invoice_runs(id),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'excluded')),
  number TEXT UNIQUE,
  issue_date TEXT,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  snapshot TEXT NOT NULL DEFAULT '{}',
  net_cents INTEGER NOT NULL DEFAULT 0,
  vat_cents INTEGER NOT NULL DEFAULT 0,
  vat_breakdown TEXT NOT NULL DEFAULT '[]',
  gross_cents INTEGER NOT NULL DEFAULT 0,
  balance_forward_cents INTEGER NOT NULL DEFAULT 0 CHECK (balance_forward_cents >= 0),
  credit_applied_cents INTEGER NOT NULL DEFAULT 0 CHECK (credit_applied_cents >= 0),
  amount_due_cents INTEGER NOT NULL DEFAULT 0 CHECK (amount_due_cents >= 0),
  -- Credit still in the subscriber's favour after this invoice (cheque payers' prepaid balance).
  credit_remaining_cents INTEGER NOT NULL DEFAULT 0 CHECK (credit_remaining_cents >= 0),
  pdf_sha256 TEXT,
  created_at TEXT NOT NULL,
  issued_at TEXT,
  UNIQUE (run_id, subscriber_id),
  CHECK ((status = 'issued') = (number IS NOT NULL))
);
CREATE INDEX invoices_subscriber ON invoices(subscriber_id);

CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('basket', 'membership', 'balance_forward', 'credit')),
  -- A delivery record is invoiced at most once, whatever the run.
  delivery_id INTEGER UNIQUE REFERENCES deliveries(id),
  line_date TEXT,
  label TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1,
  unit_price_cents INTEGER NOT NULL,
  vat_rate_bp INTEGER NOT NULL DEFAULT 0,
  net_cents INTEGER NOT NULL,
  vat_cents INTEGER NOT NULL,
  gross_cents INTEGER NOT NULL,
  formula_id INTEGER REFERENCES formulas(id),
  depot_id INTEGER REFERENCES depots(id),
  membership_type_id INTEGER REFERENCES membership_types(id),
  covers_from TEXT,
  covers_to TEXT,
  CHECK ((kind = 'basket') = (delivery_id IS NOT NULL))
);
CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id, position);

CREATE TABLE number_series (
  kind TEXT NOT NULL CHECK (kind IN ('FA', 'AV')),
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (kind, year)
);

CREATE TABLE credit_notes (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  invoice_number TEXT NOT NULL,
  invoice_date TEXT NOT NULL,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  issue_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  net_cents INTEGER NOT NULL,
  vat_cents INTEGER NOT NULL,
  vat_breakdown TEXT NOT NULL,
  gross_cents INTEGER NOT NULL CHECK (gross_cents >= 0),
  created_at TEXT NOT NULL
);
CREATE INDEX credit_notes_invoice ON credit_notes(invoice_id);

CREATE TABLE credit_note_lines (
  id INTEGER PRIMARY KEY,
  credit_note_id INTEGER NOT NULL REFERENCES credit_notes(id),
  -- An invoice line is credited at most once, in full.
  invoice_line_id INTEGER NOT NULL UNIQUE REFERENCES invoice_lines(id),
  label TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL,
  vat_rate_bp INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,
  vat_cents INTEGER NOT NULL,
  gross_cents INTEGER NOT NULL
);

CREATE TRIGGER invoice_runs_issued_no_update BEFORE UPDATE ON invoice_runs WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'issued invoice runs are immutable'); END;
CREATE TRIGGER invoice_runs_issued_no_delete BEFORE DELETE ON invoice_runs WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'issued invoice runs are immutable'); END;

-- The PDF hash may be recorded once, later (printing): that single change stays allowed.
CREATE TRIGGER invoices_issued_no_update BEFORE UPDATE ON invoices WHEN OLD.status = 'issued' AND (
  OLD.pdf_sha256 IS NOT NULL OR NEW.pdf_sha256 IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.run_id IS NOT OLD.run_id OR NEW.subscriber_id IS NOT OLD.subscriber_id
  OR NEW.status IS NOT OLD.status OR NEW.number IS NOT OLD.number OR NEW.issue_date IS NOT OLD.issue_date
  OR NEW.period_start IS NOT OLD.period_start OR NEW.period_end IS NOT OLD.period_end OR NEW.snapshot IS NOT OLD.snapshot
  OR NEW.net_cents IS NOT OLD.net_cents OR NEW.vat_cents IS NOT OLD.vat_cents OR NEW.vat_breakdown IS NOT OLD.vat_breakdown
  OR NEW.gross_cents IS NOT OLD.gross_cents OR NEW.balance_forward_cents IS NOT OLD.balance_forward_cents
  OR NEW.credit_applied_cents IS NOT OLD.credit_applied_cents OR NEW.amount_due_cents IS NOT OLD.amount_due_cents
  OR NEW.credit_remaining_cents IS NOT OLD.credit_remaining_cents
  OR NEW.created_at IS NOT OLD.created_at OR NEW.issued_at IS NOT OLD.issued_at)
BEGIN SELECT RAISE(ABORT, 'issued invoices are immutable: issue a credit note'); END;
CREATE TRIGGER invoices_issued_no_delete BEFORE DELETE ON invoices WHEN OLD.status = 'issued'
BEGIN SELECT RAISE(ABORT, 'issued invoices are immutable: issue a credit note'); END;

CREATE TRIGGER invoice_lines_issued_no_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'issued invoices are immutable: issue a credit note'); END;
CREATE TRIGGER invoice_lines_issued_no_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'issued invoices are immutable: issue a credit note'); END;
CREATE TRIGGER invoice_lines_issued_no_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN SELECT RAISE(ABORT, 'issued invoices are immutable: issue a credit note'); END;

-- Credit notes are issued when created: never changed, never deleted.
CREATE TRIGGER credit_notes_no_update BEFORE UPDATE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'credit notes are immutable'); END;
CREATE TRIGGER credit_notes_no_delete BEFORE DELETE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'credit notes are immutable'); END;
CREATE TRIGGER credit_note_lines_no_update BEFORE UPDATE ON credit_note_lines
BEGIN SELECT RAISE(ABORT, 'credit notes are immutable'); END;
CREATE TRIGGER credit_note_lines_no_delete BEFORE DELETE ON credit_note_lines
BEGIN SELECT RAISE(ABORT, 'credit notes are immutable'); END;
`;
