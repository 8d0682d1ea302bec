import { strToU8, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { IntegrityError, NotFoundError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateFr, type IsoDate } from '../dates/dates';
import { buildCreditNoteDocument, buildInvoiceDocument } from '../documents/invoice-document';
import { pdfDataUri, pdfSha256, renderCreditNote, renderInvoice } from '../documents/pdf/invoice-pdf';
import { toBytes } from '../documents/pdf/pdf-kit';
import { renderStatement } from '../documents/pdf/statement-pdf';
import { buildStatementDocument } from '../documents/statement';
import { readOrganisation } from '../organisation/organisation-handlers';
import { idField } from '../validation/fields';
import { cancellationsCsv, deliveriesCsv, identityCsv, subscriptionsCsv } from './subject-tables';
import { chequesCsv, creditNotePdfName, creditNotes, creditNotesCsv, invoicePdfName, invoicesCsv, issuedInvoices, ledgerCsv, mandatesCsv, sepaDebitsCsv } from './subject-money';

/**
 * A subscriber's right of access and to portability (GDPR art. 15 and 20): everything the
 * association holds on one person, as a zip of CSV files (readable by any spreadsheet,
 * reusable elsewhere) and of the PDFs they were sent (invoices, credit notes) plus their
 * account statement. Only rows tied to this subscriber's id are read.
 */

export const STATEMENT_PDF = 'releve-de-compte.pdf';
export const README = 'LISEZ-MOI.txt';

interface Person {
  kind: string;
  first_name: string;
  last_name: string;
}

/** `donnees-anne-le-goff-2026-12-04.zip`: the name without accents or spaces, safe on any disk. */
export function exportFileName(person: Person, subscriberId: number, today: IsoDate): string {
  const name = person.kind === 'organisation' ? person.last_name : `${person.first_name} ${person.last_name}`;
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return `donnees-${slug || subscriberId}-${today}.zip`;
}

/** What each file holds, for the read-me; files with no rows are left out and said so. */
const CONTENTS: readonly { file: string; what: string; none: string }[] = [
  { file: 'identite.csv', what: 'votre fiche (coordonnées, mode de règlement, IBAN et mandat, cotisation, notes, dates de création et d’archivage)', none: '' },
  { file: 'abonnements.csv', what: 'vos abonnements, chacune de leurs versions et leurs changements temporaires', none: 'aucun abonnement' },
  { file: 'livraisons.csv', what: 'chaque panier préparé pour vous et ce qu’il est devenu (livré, non retiré, annulé…)', none: 'aucune livraison enregistrée' },
  { file: 'absences.csv', what: 'vos absences (paniers annulés)', none: 'aucune absence' },
  { file: 'factures.csv', what: 'vos factures émises (le PDF de chacune est dans le dossier « factures »)', none: 'aucune facture émise' },
  { file: 'avoirs.csv', what: 'vos avoirs (le PDF de chacun est dans le dossier « avoirs »)', none: 'aucun avoir' },
  { file: 'ecritures.csv', what: 'votre compte, écriture par écriture, avec le solde après chacune', none: 'aucune écriture à votre compte' },
  { file: 'cheques.csv', what: 'les chèques reçus de vous ou pour vous, et leur remise en banque', none: 'aucun chèque' },
  { file: 'prelevements.csv', what: 'vos prélèvements SEPA, leur statut et, s’il y a lieu, le motif de rejet (code R)', none: 'aucun prélèvement' },
  { file: 'mandats.csv', what: 'votre mandat de prélèvement SEPA et ses versions précédentes', none: 'aucun mandat de prélèvement' },
  { file: STATEMENT_PDF, what: 'votre relevé de compte à ce jour', none: 'pas de relevé de compte (aucune écriture)' },
];

function readMe(organisation: string, person: string, today: IsoDate, files: ReadonlySet<string>): string {
  const held = CONTENTS.filter((c) => files.has(c.file));
  const missing = CONTENTS.filter((c) => !files.has(c.file) && c.none !== '');
  const lines = [
    `Vos données personnelles détenues par ${organisation || 'l’association'}`,
    `Adhérent : ${person}`,
    `Extraction du ${formatDateFr(today)}.`,
    '',
    'Cette archive répond à votre demande d’accès à vos données (article 15 du RGPD) et vous les remet',
    'dans un format ouvert et réutilisable (article 20 du RGPD, droit à la portabilité).',
    '',
    'Elle contient :',
    ...held.map((c) => `- ${c.file} : ${c.what}.`),
    ...(missing.length > 0 ? ['', `Rien à vous transmettre pour le reste : ${missing.map((c) => c.none).join(', ')}.`] : []),
    '',
    'Les fichiers CSV s’ouvrent avec un tableur (LibreOffice Calc, Excel) : colonnes séparées par des',
    'points-virgules, encodage UTF-8, montants en euros avec une virgule décimale, dates au format JJ/MM/AAAA.',
    'Les factures et avoirs sont les documents tels qu’ils ont été émis.',
    '',
    'Pour faire corriger ou effacer une donnée, adressez-vous à l’association.',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** An issued invoice, as printed: if its first print recorded a fingerprint, the bytes must match it. */
function invoicePdf(db: Db, invoiceId: number, number: string): Uint8Array {
  const bytes = toBytes(renderInvoice(buildInvoiceDocument(db, invoiceId)));
  const recorded = db.get<{ pdf_sha256: string | null }>('SELECT pdf_sha256 FROM invoices WHERE id = ?', [invoiceId])!.pdf_sha256;
  if (recorded !== null && recorded !== pdfSha256(bytes)) {
    throw new IntegrityError(`La facture ${number} ne se réimprime pas à l’identique : l’export est interrompu. Restaurez une sauvegarde et contactez le support.`);
  }
  return bytes;
}

export interface SubjectExport {
  fileName: string;
  base64: string;
  files: string[];
}

export function buildSubjectExport(db: Db, subscriberId: number, today: IsoDate, now: Date): SubjectExport {
  const person = db.get<Person>('SELECT kind, first_name, last_name FROM subscribers WHERE id = ?', [subscriberId]);
  if (!person) throw new NotFoundError(`Adhérent introuvable (n° ${subscriberId}) : rechargez la liste des adhérents.`);
  const entries: [string, Uint8Array][] = [];
  const csv = (file: string, content: string | null) => {
    if (content !== null) entries.push([file, strToU8(content)]);
  };
  csv('identite.csv', identityCsv(db, subscriberId));
  csv('abonnements.csv', subscriptionsCsv(db, subscriberId, today));
  csv('livraisons.csv', deliveriesCsv(db, subscriberId));
  csv('absences.csv', cancellationsCsv(db, subscriberId));
  csv('factures.csv', invoicesCsv(db, subscriberId));
  csv('avoirs.csv', creditNotesCsv(db, subscriberId));
  csv('ecritures.csv', ledgerCsv(db, subscriberId));
  csv('cheques.csv', chequesCsv(db, subscriberId));
  csv('prelevements.csv', sepaDebitsCsv(db, subscriberId));
  csv('mandats.csv', mandatesCsv(db, subscriberId));
  for (const i of issuedInvoices(db, subscriberId)) entries.push([invoicePdfName(i.number), invoicePdf(db, i.id, i.number)]);
  for (const n of creditNotes(db, subscriberId)) entries.push([creditNotePdfName(n.number), toBytes(renderCreditNote(buildCreditNoteDocument(db, n.id)))]);
  if (db.get('SELECT 1 FROM ledger_entries WHERE subscriber_id = ? LIMIT 1', [subscriberId])) {
    entries.push([STATEMENT_PDF, toBytes(renderStatement(buildStatementDocument(db, subscriberId, today)))]);
  }
  const personName = person.kind === 'organisation' ? person.last_name : `${person.first_name} ${person.last_name}`.trim();
  const names = new Set(entries.map(([name]) => name));
  entries.unshift([README, strToU8(readMe(readOrganisation(db).legalName, `${personName} (n° ${subscriberId})`, today, names))]);

  const zippable: Zippable = {};
  // PDFs are already compressed: stored as they are, the export stays fast; the text files deflate well.
  for (const [name, bytes] of entries) zippable[name] = name.endsWith('.pdf') ? [bytes, { level: 0 }] : bytes;
  const zip = zipSync(zippable, { level: 6, mtime: now });
  const dataUri = pdfDataUri(zip);
  return {
    fileName: exportFileName(person, subscriberId, today),
    // The PDF data-URI encoder is a plain base64 encoder behind its prefix (core has no btoa).
    base64: dataUri.slice(dataUri.indexOf('base64,') + 'base64,'.length),
    files: entries.map(([name]) => name),
  };
}

export const subscriberDataExport = defineHandler({
  name: 'subscriber-data-export',
  input: z.object({ subscriberId: idField }),
  labels: { subscriberId: 'Adhérent' },
  mutates: false,
  run: ({ db, clock }, { subscriberId }) => buildSubjectExport(db, subscriberId, clock.today(), clock.now()),
});
