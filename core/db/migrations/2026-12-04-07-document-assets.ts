/**
 * Images that printed documents refer to (the organisation's logo), stored once by their
 * SHA-256: an issued invoice's snapshot names the logo it was issued with, so a new logo never
 * changes how an old invoice reprints. Append-only, like the documents that refer to them.
 */
export const up = /* sql */ `
CREATE TABLE document_assets (
  sha256 TEXT PRIMARY KEY,
  data_url TEXT NOT NULL
);
CREATE TRIGGER document_assets_no_update BEFORE UPDATE ON document_assets
BEGIN SELECT RAISE(ABORT, 'document assets are immutable'); END;
CREATE TRIGGER document_assets_no_delete BEFORE DELETE ON document_assets
BEGIN SELECT RAISE(ABORT, 'document assets are immutable'); END;
`;
