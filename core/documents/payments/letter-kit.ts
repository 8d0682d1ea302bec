import type { jsPDF } from 'jspdf';
import { formatDateFr, type IsoDate } from '../../dates/dates';
import { formatEuros, type Cents } from '../../money/money';
import { formatIban } from '../../validation/bank';
import { COLOURS, drawAddressWindow, drawOrganisation, PAGE } from '../pdf/pdf-kit';
import type { LetterRecipient, PaymentOrganisation } from './payment-documents';

/** The parts every payment letter shares: letterhead, window address, date, subject, body, signature. */

export const RIGHT = PAGE.width - PAGE.margin;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BODY = { fontSize: 10, lineHeight: 4.8, gap: 2.6 } as const;

export const euros = (c: number): string => formatEuros(c as Cents);
/** `4 décembre 2026`: the date as a letter writes it. */
export const longDate = (d: string): string => formatDateFr(d as IsoDate, 'd MMMM yyyy');
/** `FR76 3000 6000 …`: an account number the way people copy it. */
export const spacedIban = (iban: string): string => formatIban(iban);

export interface LetterHead {
  organisation: PaymentOrganisation;
  recipient: LetterRecipient;
  date: string;
  subject: string;
  /** A word printed large top right (« RELANCE »); null for none. */
  title: string | null;
}

/** Letterhead, addressee in the envelope window, « Ville, le … », subject and greeting. Returns where the body starts. */
export function drawLetterHead(doc: jsPDF, head: LetterHead): number {
  const orgBottom = drawOrganisation(doc, head.organisation);
  if (head.title) {
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(20);
    doc.setTextColor(...COLOURS.accent);
    doc.text(head.title, RIGHT, PAGE.margin + 6, { align: 'right' });
    doc.setTextColor(...COLOURS.text);
  }
  const addressBottom = drawAddressWindow(doc, head.recipient);
  // Below the envelope window (it ends 90 mm down), whatever the length of the address.
  let y = Math.max(orgBottom, addressBottom, 90) + 8;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(BODY.fontSize);
  const place = head.organisation.city ? `${head.organisation.city}, le ${longDate(head.date)}` : `Le ${longDate(head.date)}`;
  doc.text(place, RIGHT, y, { align: 'right' });
  y += 10;
  doc.setFont('helvetica', 'bold');
  doc.text(`Objet : ${head.subject}`, PAGE.margin, y);
  doc.setFont('helvetica', 'normal');
  y += 9;
  const name = head.recipient.greetingName.trim();
  doc.text(name ? `Bonjour ${name},` : 'Bonjour,', PAGE.margin, y);
  return y + BODY.lineHeight + BODY.gap + 1;
}

export interface Paragraph {
  text: string;
  bold?: boolean;
  /** An item of a list: a bullet, and the text wrapped on a hanging indent. */
  bullet?: boolean;
}

/** Wrapped paragraphs of the body. Returns the y after the last one. */
export function drawParagraphs(doc: jsPDF, y: number, paragraphs: readonly Paragraph[]): number {
  doc.setFontSize(BODY.fontSize);
  for (const p of paragraphs) {
    const indent = p.bullet ? 8 : 0;
    doc.setFont('helvetica', p.bold ? 'bold' : 'normal');
    if (p.bullet) doc.text('•', PAGE.margin + 4, y);
    const lines: string[] = doc.splitTextToSize(p.text, TEXT_WIDTH - indent);
    doc.text(lines, PAGE.margin + indent, y, { lineHeightFactor: BODY.lineHeight / (BODY.fontSize * 0.3528) });
    y += lines.length * BODY.lineHeight + BODY.gap;
  }
  doc.setFont('helvetica', 'normal');
  return y;
}

/** The closing line and, on the right, who signs for the association. */
export function drawSignature(doc: jsPDF, y: number, org: PaymentOrganisation): void {
  y = drawParagraphs(doc, y, [{ text: 'Nous vous remercions de votre confiance et vous adressons nos salutations les meilleures.' }]);
  const x = RIGHT - 70;
  y += 6;
  doc.setFontSize(BODY.fontSize);
  doc.text(`Pour ${org.name},`, x, y);
  doc.setFont('helvetica', 'bold');
  doc.text(org.signatory.trim() || `L’équipe de ${org.name}`, x, y + 6);
  doc.setFont('helvetica', 'normal');
}
