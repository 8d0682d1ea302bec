import { readFileSync } from 'node:fs';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import type { PainVersion } from '../../../../core/payments/sepa/pain008';

const XSD_DIR = new URL('../../../fixtures/xsd/', import.meta.url);

/**
 * Validates against the ISO 20022 schemas with libxml2 compiled to WebAssembly (the validator
 * sepa.js uses): returns libxml2's messages, [] when the file is valid.
 */
export function xsdErrors(version: PainVersion, xml: string): string[] {
  const schemaDoc = XmlDocument.fromString(readFileSync(new URL(`pain.008.${version}.xsd`, XSD_DIR), 'utf8'));
  const validator = XsdValidator.fromDoc(schemaDoc);
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((detail) => detail.message.trim());
    throw error;
  } finally {
    doc.dispose();
    validator.dispose();
    schemaDoc.dispose();
  }
}
