import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PORTAL_SCHEMA_DIR, portalSchemaFiles } from '../../../scripts/portal-schemas';

/** The JSON Schemas of docs/portal/ are generated from core/portal/portal-schema.ts and must not drift. */
describe('docs/portal JSON Schemas', () => {
  const generated = portalSchemaFiles();

  it('are exactly what `npm run portal-schemas` writes (run it after changing the zod schemas)', () => {
    const committed = readdirSync(PORTAL_SCHEMA_DIR).filter((name) => name.endsWith('.schema.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect(readFileSync(path.join(PORTAL_SCHEMA_DIR, name), 'utf8'), name).toBe(text);
  });

  it('compile with ajv in strict mode, describe every property in French, and close every object', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    for (const [name, text] of generated) {
      const schema = JSON.parse(text) as Record<string, unknown>;
      expect(() => ajv.compile(schema), name).not.toThrow();
      const walk = (node: unknown, where: string): void => {
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n.type === 'object') expect(n.additionalProperties, `${name} ${where}`).toBe(false);
        if (n.properties) {
          for (const [key, value] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
            expect(typeof value.description === 'string' || Array.isArray(value.anyOf), `${name} ${where}.${key} has a description`).toBe(true);
            walk(value, `${where}.${key}`);
          }
        }
        for (const key of ['items', 'anyOf']) {
          const child = n[key];
          if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${where}.${key}[${i}]`));
          else walk(child, `${where}.${key}`);
        }
      };
      walk(schema, '$');
    }
  });

  it('reject a subscriber file that carries a private field', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(generated.get('subscriber.schema.json')!) as object);
    const record = {
      portalId: 'P0123456789abcdef',
      name: 'Marie Le Goff',
      email: 'marie@example.fr',
      depot: null,
      subscriptions: [],
      upcomingDeliveries: [],
      invoices: [],
      payments: [],
      balanceCents: 0,
      paymentMethod: { kind: 'sepa', label: 'Prélèvement SEPA', ibanMasked: 'FR76 •••• 1234' },
    };
    expect(validate(record)).toBe(true);
    expect(validate({ ...record, notes: 'x' })).toBe(false);
    expect(validate({ ...record, paymentMethod: { ...record.paymentMethod, iban: 'FR7630006000011234567891234' } })).toBe(false);
    expect(validate({ ...record, portalId: 'ADH-000123' })).toBe(false);
  });
});
