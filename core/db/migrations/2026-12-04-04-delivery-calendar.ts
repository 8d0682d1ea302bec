/**
 * What shapes a week's deliveries besides subscriptions: cancellations (absences), closures
 * (organisation, garden or depot), the office's decision for each public holiday and round,
 * and the cancellation deadline.
 */
export const up = /* sql */ `
CREATE TABLE cancellations (
  id INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL REFERENCES subscriptions(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  -- Set when the office confirmed a cancellation past the deadline.
  late_override INTEGER NOT NULL DEFAULT 0 CHECK (late_override IN (0, 1)),
  source TEXT NOT NULL DEFAULT 'office' CHECK (source IN ('office', 'portal')),
  created_at TEXT NOT NULL,
  CHECK (to_date >= from_date)
);
CREATE INDEX cancellations_chain ON cancellations(chain_id, from_date);
CREATE INDEX cancellations_dates ON cancellations(from_date, to_date);

CREATE TABLE closures (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('organisation', 'garden', 'depot')),
  garden_id INTEGER REFERENCES gardens(id),
  depot_id INTEGER REFERENCES depots(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (to_date >= from_date),
  CHECK ((scope = 'organisation' AND garden_id IS NULL AND depot_id IS NULL)
      OR (scope = 'garden' AND garden_id IS NOT NULL AND depot_id IS NULL)
      OR (scope = 'depot' AND depot_id IS NOT NULL AND garden_id IS NULL))
);
CREATE INDEX closures_dates ON closures(from_date, to_date);

-- For a public holiday falling on a round's day: deliver anyway, shift to another day of the
-- same week, or skip. No row: undecided (delivered as planned, flagged on the week screen).
CREATE TABLE holiday_decisions (
  holiday_date TEXT NOT NULL,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  action TEXT NOT NULL CHECK (action IN ('deliver', 'shift', 'skip')),
  shift_to_date TEXT,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (holiday_date, round_id),
  CHECK ((action = 'shift') = (shift_to_date IS NOT NULL))
);

CREATE TABLE delivery_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- Cancellations close this many days before the delivery, at this time (e.g. 2 days, 12:00).
  cancel_deadline_days INTEGER NOT NULL DEFAULT 2 CHECK (cancel_deadline_days BETWEEN 0 AND 14),
  cancel_deadline_time TEXT NOT NULL DEFAULT '12:00',
  -- A basket the subscriber did not collect is billed (the basket was prepared) unless unset.
  bill_not_collected INTEGER NOT NULL DEFAULT 1 CHECK (bill_not_collected IN (0, 1))
);
INSERT INTO delivery_settings (id) VALUES (1);
`;
