/**
 * `npm run portal-schemas` writes docs/portal/*.schema.json from the zod schemas of the portal
 * exchange format (core/portal/portal-schema.ts), the one source. A test checks the committed
 * files equal this output, so the documented format never drifts from what Paniers writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { EXPORT_SCHEMAS } from '../core/portal/portal-schema';

export const PORTAL_SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'portal');

/** File name → JSON text (2-space indent, final newline), in a stable order. */
export function portalSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(EXPORT_SCHEMAS)) {
    const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
    const json = { $schema, $id: `urn:paniers-portail:v1:${name.replace('.schema.json', '')}`, ...rest };
    files.set(name, `${JSON.stringify(json, null, 2)}\n`);
  }
  return files;
}

async function main(): Promise<void> {
  await mkdir(PORTAL_SCHEMA_DIR, { recursive: true });
  for (const [name, text] of portalSchemaFiles()) {
    await writeFile(path.join(PORTAL_SCHEMA_DIR, name), text, 'utf8');
    console.log(`docs/portal/${name}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
