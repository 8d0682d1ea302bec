/**
 * The first schema: organisation settings and the records the whole app hangs on (gardens,
 * depots, rounds, formulas and their dated prices, subscribers, subscriptions, delivery
 * records, the ledger). Later issues add tables in new migrations; never edit this one.
 *
 * Conventions: money in integer cents (`*_cents`), VAT rates in basis points (550 = 5,5 %),
 * days as TEXT `YYYY-MM-DD`, instants as TEXT ISO 8601, archived rows keep `archived_at`.
 */
export const up = /* sql */ `
CREATE TABLE organisation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  legal_name TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '',
  address_line2 TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  siret TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  logo_data_url TEXT,
  iban TEXT NOT NULL DEFAULT '',
  bic TEXT NOT NULL DEFAULT '',
  sepa_creditor_id TEXT NOT NULL DEFAULT '',
  vat_status TEXT NOT NULL DEFAULT 'not_liable'
    CHECK (vat_status IN ('not_liable', 'exempt', 'franchise', 'liable')),
  vat_number TEXT NOT NULL DEFAULT '',
  invoice_header TEXT NOT NULL DEFAULT '',
  invoice_footer TEXT NOT NULL DEFAULT '',
  payment_terms TEXT NOT NULL DEFAULT '',
  updated_at TEXT
);
INSERT INTO organisation (id) VALUES (1);

CREATE TABLE gardens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL DEFAULT '',
  archived_at TEXT
);

CREATE TABLE depots (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  garden_id INTEGER NOT NULL REFERENCES gardens(id),
  address_line1 TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  pickup_hours TEXT NOT NULL DEFAULT '',
  delivery_slot TEXT NOT NULL DEFAULT '',
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  referent_name TEXT NOT NULL DEFAULT '',
  referent_phone TEXT NOT NULL DEFAULT '',
  referent_email TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  archived_at TEXT
);
CREATE INDEX depots_garden ON depots(garden_id);

CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  colour TEXT NOT NULL DEFAULT '#2f9e44',
  archived_at TEXT
);

CREATE TABLE round_depots (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  depot_id INTEGER NOT NULL REFERENCES depots(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (round_id, depot_id),
  UNIQUE (round_id, position)
);

CREATE TABLE formulas (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  vat_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  quarterly_flat_cents INTEGER CHECK (quarterly_flat_cents IS NULL OR quarterly_flat_cents >= 0),
  is_social INTEGER NOT NULL DEFAULT 0 CHECK (is_social IN (0, 1)),
  available_from_month INTEGER CHECK (available_from_month BETWEEN 1 AND 12),
  available_to_month INTEGER CHECK (available_to_month BETWEEN 1 AND 12),
  archived_at TEXT
);

-- A price change takes effect from a date; past deliveries keep the price they were made at.
CREATE TABLE formula_prices (
  formula_id INTEGER NOT NULL REFERENCES formulas(id),
  valid_from TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  PRIMARY KEY (formula_id, valid_from)
);

CREATE TABLE subscribers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address_line1 TEXT NOT NULL DEFAULT '',
  address_line2 TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  payment_method TEXT NOT NULL DEFAULT 'sepa' CHECK (payment_method IN ('sepa', 'cheque', 'transfer', 'other')),
  iban TEXT NOT NULL DEFAULT '',
  bic TEXT NOT NULL DEFAULT '',
  mandate_rum TEXT NOT NULL DEFAULT '',
  mandate_signed_on TEXT,
  is_employee INTEGER NOT NULL DEFAULT 0 CHECK (is_employee IN (0, 1)),
  is_supporter INTEGER NOT NULL DEFAULT 0 CHECK (is_supporter IN (0, 1)),
  membership_exempt INTEGER NOT NULL DEFAULT 0 CHECK (membership_exempt IN (0, 1)),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  archived_at TEXT
);
CREATE INDEX subscribers_name ON subscribers(last_name, first_name);

CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  formula_id INTEGER NOT NULL REFERENCES formulas(id),
  depot_id INTEGER NOT NULL REFERENCES depots(id),
  frequency TEXT NOT NULL DEFAULT 'weekly'
    CHECK (frequency IN ('weekly', 'biweekly_even', 'biweekly_odd', 'monthly')),
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
  start_date TEXT NOT NULL,
  end_date TEXT,
  is_discovery INTEGER NOT NULL DEFAULT 0 CHECK (is_discovery IN (0, 1)),
  created_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX subscriptions_subscriber ON subscriptions(subscriber_id);
CREATE INDEX subscriptions_depot ON subscriptions(depot_id);

-- What was really delivered (or not) on a date: invoices bill only 'delivered' rows.
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  delivery_date TEXT NOT NULL,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  depot_id INTEGER NOT NULL REFERENCES depots(id),
  formula_id INTEGER NOT NULL REFERENCES formulas(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
  vat_rate_bp INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('delivered', 'not_collected', 'not_delivered', 'cancelled', 'closure', 'holiday_skipped')),
  UNIQUE (subscription_id, delivery_date)
);
CREATE INDEX deliveries_date ON deliveries(delivery_date);
CREATE INDEX deliveries_subscriber ON deliveries(subscriber_id, delivery_date);

-- One ledger per subscriber whatever the payment method. amount_cents > 0 is in the
-- subscriber's favour (a payment, a credit), < 0 is owed (an invoice, an opening debt).
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
  entry_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opening_balance', 'invoice', 'credit_note', 'payment', 'payment_reversal')),
  amount_cents INTEGER NOT NULL,
  method TEXT CHECK (method IS NULL OR method IN ('sepa', 'cheque', 'transfer', 'cash')),
  reference TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX ledger_subscriber ON ledger_entries(subscriber_id, entry_date);
`;
