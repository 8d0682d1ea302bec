import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Extracts the text; also keeps the PDF under tests/.artifacts/documents/ for a person to look at. */
export function pdfText(bytes: Uint8Array, name: string): string {
  const dir = join('tests', '.artifacts', 'documents');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
