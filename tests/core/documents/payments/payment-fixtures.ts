import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { jsPDF } from 'jspdf';
import { toBytes } from '../../../../core/documents/pdf/pdf-kit';
import type { DepositSlipCheque, LetterRecipient, PaymentOrganisation } from '../../../../core/documents/payments/payment-documents';
import { pdfText } from '../../../support/pdf';

const ARTIFACTS = join('tests', '.artifacts', 'documents');

/** A 60 × 20 px PNG letterhead logo (the one the invoice tests use). */
export const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADwAAAAUCAIAAABeYcl+AAAAUklEQVR42mP4PwQBw6ijB9TR2l12mGjwOhqrcweb0xlIcvEgcTfVHF2xJQqOaCeO7mgiXYzL3aOOHnX0qKNHHT2UHD0SK5fRtsdIaOWNdgJoBQD0Z6YccoWCtgAAAABJRU5ErkJggg==';

export const ORGANISATION: PaymentOrganisation = {
  name: 'Optim’ism',
  addressLines: ['Route de Cléguer', '56620 Pont-Scorff'],
  legalLines: ['SIRET 732 829 320 00074'],
  contactLine: '02 97 32 50 50 · paniers@optimism.fr',
  header: '',
  logoDataUrl: LOGO,
  city: 'Pont-Scorff',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP882',
  signatory: 'Le service des adhérents',
};

export const HELENE: LetterRecipient = { name: 'Mme Hélène Le Gall', addressLines: ['12 rue de l’Église', 'Kerlédan', '56700 Hennebont'], greetingName: 'Hélène Le Gall' };
export const NOEL: LetterRecipient = { name: 'M. Jean-Noël Tanguy', addressLines: ['3 impasse des Mouettes', '56100 Lorient'], greetingName: 'Jean-Noël Tanguy' };

export const cheque = (drawer: string, bank: string, number: string, amountCents: number, creditedTo = ''): DepositSlipCheque => ({ drawer, bank, number, amountCents, creditedTo });

export interface Rendered {
  /** Each page's lines, spaces collapsed (pdftotext -layout pads columns), no-break spaces read as spaces. */
  pages: string[][];
  /** Each page's whole text on one line: wrapped paragraphs read as sentences. */
  flat: string[];
}

/** Saves the PDF under tests/.artifacts/documents/, extracts its text, and renders every page to PNG (60 dpi) for a person to look at. */
export function rendered(doc: jsPDF, name: string): Rendered {
  const text = pdfText(toBytes(doc), `${name}.pdf`).replaceAll('\u00a0', ' ');
  for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(ARTIFACTS, old));
  execFileSync('pdftoppm', ['-r', '60', '-png', join(ARTIFACTS, `${name}.pdf`), join(ARTIFACTS, name)]);
  const pages = text
    .split('\f')
    .slice(0, doc.getNumberOfPages())
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== ''),
    );
  return { pages, flat: pages.map((lines) => lines.join(' ')) };
}
