/**
 * Moving in (issue 8): the imports made from the old system's spreadsheets, the column
 * mappings the office chose (remembered per kind of file), and on each subscriber the import
 * that created them and the old system's member number.
 */
export const up = /* sql */ `
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('members', 'balances', 'cheques')),
  file_name TEXT NOT NULL,
  -- The same file twice is recognised by its bytes and refused (or offered as a contact update).
  file_sha256 TEXT NOT NULL,
  mode TEXT NOT NULL DEFAULT 'create' CHECK (mode IN ('create', 'update_contacts')),
  cutover_date TEXT,
  imported_at TEXT NOT NULL,
  -- JSON: counts and totals shown in the report.
  summary TEXT NOT NULL,
  -- JSON: every line with what became of it (created, matched, updated, refused and why).
  report TEXT NOT NULL
);
CREATE INDEX imports_file ON imports(file_sha256);
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN SELECT RAISE(ABORT, 'an import report is kept as it was'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE(ABORT, 'an import report is kept as it was'); END;

CREATE TABLE import_mappings (
  kind TEXT PRIMARY KEY CHECK (kind IN ('members', 'balances', 'cheques')),
  -- JSON: { "<field>": "<column header>" }
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

ALTER TABLE subscribers ADD COLUMN import_id INTEGER REFERENCES imports(id);
ALTER TABLE subscribers ADD COLUMN external_ref TEXT NOT NULL DEFAULT '';
CREATE INDEX subscribers_external_ref ON subscribers(external_ref) WHERE external_ref != '';
`;
