import { deflateSync } from 'node:zlib';
import { createDatabase, SCHEMA_VERSION, type Clock, type SqlJsStatic } from '../../core';

/** A small but multi-page Paniers database: 400 gardens span several table pages. */
export function goodDatabaseBytes(sqlite: SqlJsStatic, clock: Clock, label = 'Jardin'): Uint8Array {
  const db = createDatabase(sqlite, clock);
  db.transaction(() => {
    for (let i = 0; i < 400; i++) db.run('INSERT INTO gardens (name, address) VALUES (?, ?)', [`${label} ${i}`, 'chemin du potager '.repeat(4)]);
  });
  const bytes = db.export();
  db.close();
  return bytes;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real PNG (64×64 noise, a few kB: past the size check), as if renamed `.paniers`. */
export function pngBytes(): Uint8Array {
  const size = 64;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc(size * (1 + size * 3));
  let seed = 42;
  for (let i = 0; i < raw.length; i++) raw[i] = i % (1 + size * 3) === 0 ? 0 : (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** Another application's SQLite file: valid SQLite, no Paniers application_id. */
export function foreignSqliteBytes(sqlite: SqlJsStatic): Uint8Array {
  const db = new sqlite.Database();
  db.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  for (let i = 0; i < 50; i++) db.run('INSERT INTO notes (body) VALUES (?)', [`note ${i}`]);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A Paniers file from a future version: user_version (header offset 60) above ours. */
export function newerSchemaBytes(good: Uint8Array): Uint8Array {
  const bytes = good.slice();
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(60, SCHEMA_VERSION + 1);
  return bytes;
}

export function truncatedBytes(good: Uint8Array): Uint8Array {
  return good.slice(0, Math.floor(good.length / 2));
}

/**
 * Flips the cell pointer array of a leaf page of the gardens table: the page still reads as
 * SQLite, but its cells point to garbage, which only a full check notices.
 */
export function bitFlippedBytes(sqlite: SqlJsStatic, good: Uint8Array): Uint8Array {
  const db = new sqlite.Database(good);
  const root = Number(db.exec("SELECT rootpage FROM sqlite_master WHERE name = 'gardens'")[0]!.values[0]![0]);
  db.close();
  const view = new DataView(good.buffer, good.byteOffset);
  const pageSize = view.getUint16(16);
  const rootOffset = (root - 1) * pageSize;
  // An interior table page (type 5) names its right-most child at header offset 8.
  const leaf = good[rootOffset] === 0x05 ? view.getUint32(rootOffset + 8) : root;
  const bytes = good.slice();
  const offset = (leaf - 1) * pageSize;
  for (let i = 8; i < 24; i++) bytes[offset + i]! ^= 0xff;
  return bytes;
}
