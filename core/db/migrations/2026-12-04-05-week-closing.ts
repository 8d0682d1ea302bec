/**
 * Week closing: a closed day freezes its baskets as delivery records, the billing basis;
 * later changes of status are corrections, traced with who, when and why.
 */
export const up = /* sql */ `
ALTER TABLE deliveries ADD COLUMN scheduled_date TEXT;
ALTER TABLE deliveries ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE delivery_days (
  delivery_date TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL,
  baskets INTEGER NOT NULL
);

CREATE TABLE delivery_corrections (
  id INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
  previous_status TEXT NOT NULL,
  new_status TEXT NOT NULL,
  reason TEXT NOT NULL,
  corrected_by TEXT NOT NULL,
  corrected_at TEXT NOT NULL
);
CREATE INDEX delivery_corrections_delivery ON delivery_corrections(delivery_id);

-- A correction trail is history: it is never rewritten.
CREATE TRIGGER delivery_corrections_no_update BEFORE UPDATE ON delivery_corrections
BEGIN SELECT RAISE(ABORT, 'delivery corrections are append-only'); END;
CREATE TRIGGER delivery_corrections_no_delete BEFORE DELETE ON delivery_corrections
BEGIN SELECT RAISE(ABORT, 'delivery corrections are append-only'); END;
`;
