/**
 * Subscribers' full identity, membership fees, and versioned subscriptions.
 *
 * A subscription is a chain of dated versions (rows of `subscriptions` sharing `chain_id`):
 * a permanent change of depot, formula, frequency or quantity ends the current version the
 * day before and starts a new one, so history and past deliveries keep their terms. A
 * temporary change is an override for a date range; the version applies again afterwards.
 */
export const up = /* sql */ `
CREATE TABLE membership_types (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  archived_at TEXT
);

-- The membership period (calendar year, or e.g. 1 April – 31 March) and its optional pivot:
-- joining on or after the pivot runs to the end of the next period.
CREATE TABLE membership_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  period_start_month INTEGER NOT NULL DEFAULT 1 CHECK (period_start_month BETWEEN 1 AND 12),
  period_start_day INTEGER NOT NULL DEFAULT 1 CHECK (period_start_day BETWEEN 1 AND 28),
  pivot_month INTEGER CHECK (pivot_month BETWEEN 1 AND 12),
  pivot_day INTEGER CHECK (pivot_day BETWEEN 1 AND 31),
  CHECK ((pivot_month IS NULL) = (pivot_day IS NULL))
);
INSERT INTO membership_settings (id) VALUES (1);

ALTER TABLE subscribers ADD COLUMN civility TEXT NOT NULL DEFAULT '' CHECK (civility IN ('', 'Mme', 'M.'));
ALTER TABLE subscribers ADD COLUMN phone2 TEXT NOT NULL DEFAULT '';
ALTER TABLE subscribers ADD COLUMN phone3 TEXT NOT NULL DEFAULT '';
ALTER TABLE subscribers ADD COLUMN birth_date TEXT;
ALTER TABLE subscribers ADD COLUMN membership_type_id INTEGER REFERENCES membership_types(id);
-- Lower-case, accent-free text of name, email, phones, town and RUM for instant search,
-- written by core (subscriberSearchText) with every change of those fields.
ALTER TABLE subscribers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX subscribers_rum ON subscribers(mandate_rum) WHERE mandate_rum != '';
CREATE INDEX subscribers_email ON subscribers(email);

ALTER TABLE subscriptions ADD COLUMN chain_id INTEGER REFERENCES subscriptions(id);
ALTER TABLE subscriptions ADD COLUMN change_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriptions ADD COLUMN discovery_months INTEGER CHECK (discovery_months IS NULL OR discovery_months IN (3, 6));
ALTER TABLE subscriptions ADD COLUMN capacity_override_reason TEXT NOT NULL DEFAULT '';
UPDATE subscriptions SET chain_id = id WHERE chain_id IS NULL;
CREATE INDEX subscriptions_chain ON subscriptions(chain_id, start_date);
-- A first version is its own chain: set it whatever inserted the row (imports, demo data).
CREATE TRIGGER subscriptions_default_chain AFTER INSERT ON subscriptions WHEN NEW.chain_id IS NULL
BEGIN
  UPDATE subscriptions SET chain_id = NEW.id WHERE id = NEW.id;
END;

CREATE TABLE subscription_overrides (
  id INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL REFERENCES subscriptions(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  depot_id INTEGER REFERENCES depots(id),
  formula_id INTEGER REFERENCES formulas(id),
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CHECK (to_date >= from_date),
  CHECK (depot_id IS NOT NULL OR formula_id IS NOT NULL)
);
CREATE INDEX subscription_overrides_chain ON subscription_overrides(chain_id, from_date);

-- Découverte renewals need the CCAS's agreement (the letter): who agreed, when, reference.
CREATE TABLE discovery_renewals (
  id INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL REFERENCES subscriptions(id),
  previous_end_date TEXT NOT NULL,
  new_end_date TEXT NOT NULL,
  ccas_reference TEXT NOT NULL,
  ccas_agreed_on TEXT NOT NULL,
  agreed_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (new_end_date > previous_end_date)
);
`;
