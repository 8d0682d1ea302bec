import type { jsPDF } from 'jspdf';
import { ValidationError } from '../../api/errors';
import { formatDateShortFr, type IsoDate } from '../../dates/dates';
import { COLOURS, makeDeterministic, newDocument, PAGE } from '../pdf/pdf-kit';
import { drawLetterHead, drawParagraphs, drawSignature, euros, longDate, RIGHT, spacedIban, type Paragraph } from './letter-kit';
import type { PaymentOrganisation, PaymentReminder, ReminderInvoice } from './payment-documents';

/** A letter stays on one page: past this many invoices the rest are summed on one line. */
export const MAX_LISTED_INVOICES = 8;

const days = (n: number) => (n === 1 ? '1 jour' : `${n} jours`);

/** Facture, Date, Montant, Reste dû, Ancienneté: widths in mm summing to the text width (186), the amounts right-aligned. */
const COLUMNS = [
  { head: 'Facture', width: 54, align: 'left' },
  { head: 'Date', width: 30, align: 'left' },
  { head: 'Montant', width: 36, align: 'right' },
  { head: 'Reste dû', width: 36, align: 'right' },
  { head: 'Ancienneté', width: 30, align: 'right' },
] as const;

function invoiceRows(invoices: readonly ReminderInvoice[]): string[][] {
  const rows = (list: readonly ReminderInvoice[]) => list.map((i) => [i.number, formatDateShortFr(i.date as IsoDate), euros(i.totalCents), euros(i.remainingCents), days(i.ageDays)]);
  if (invoices.length <= MAX_LISTED_INVOICES) return rows(invoices);
  const shown = invoices.slice(0, MAX_LISTED_INVOICES - 1);
  const rest = invoices.slice(MAX_LISTED_INVOICES - 1);
  const restRemaining = rest.reduce((sum, i) => sum + i.remainingCents, 0);
  return [...rows(shown), [`${rest.length} autres factures`, '', '', euros(restRemaining), '']];
}

/** The unpaid invoices as a small ruled table. Returns the y below it. */
function drawInvoices(doc: jsPDF, y: number, invoices: readonly ReminderInvoice[]): number {
  const rowHeight = 6;
  const draw = (cells: readonly string[], top: number, head: boolean) => {
    let x: number = PAGE.margin;
    doc.setFont('helvetica', head ? 'bold' : 'normal');
    doc.setFontSize(9.5);
    COLUMNS.forEach((c, i) => {
      if (head) doc.setFillColor(...COLOURS.headFill);
      doc.rect(x, top, c.width, rowHeight, head ? 'FD' : 'S');
      doc.text(cells[i] ?? '', c.align === 'right' ? x + c.width - 2 : x + 2, top + 4.2, { align: c.align });
      x += c.width;
    });
  };
  doc.setDrawColor(...COLOURS.rule);
  doc.setLineWidth(0.15);
  draw(
    COLUMNS.map((c) => c.head),
    y,
    true,
  );
  invoiceRows(invoices).forEach((row, i) => draw(row, y + rowHeight * (i + 1), false));
  return y + rowHeight * (Math.min(invoices.length, MAX_LISTED_INVOICES) + 1) + 6;
}

/** The ways to pay: a transfer when the association has an account on file, a cheque always. */
function waysToPay(reminder: PaymentReminder, org: PaymentOrganisation): Paragraph[] {
  const ways: Paragraph[] = [{ text: 'Vous pouvez régler cette somme :' }];
  if (org.iban.trim()) {
    const bic = org.bic.trim() ? `, BIC ${org.bic.trim()}` : '';
    ways.push({ text: `par virement sur le compte de ${org.name} : IBAN ${spacedIban(org.iban)}${bic}, en indiquant la référence ${reminder.transferReference} ;`, bullet: true });
  }
  ways.push({ text: `par chèque à l’ordre de ${org.name}, remis à votre point de dépôt ou envoyé à l’adresse ci-dessus.`, bullet: true });
  return ways;
}

function addReminder(doc: jsPDF, r: PaymentReminder, org: PaymentOrganisation): void {
  let y = drawLetterHead(doc, { organisation: org, recipient: r.recipient, date: r.date, subject: 'Relance pour le règlement de vos paniers', title: 'RELANCE' });
  y = drawParagraphs(doc, y, [
    {
      text: `Sauf erreur de notre part, au ${longDate(r.date)}, votre compte adhérent présente un solde débiteur de ${euros(r.amountOwedCents)}. La plus ancienne somme impayée date de ${days(r.debtAgeDays)}.`,
    },
  ]);
  // A debt carried over from before the app (an opening balance) has no invoice to list.
  if (r.invoices.length > 0) y = drawInvoices(doc, y, r.invoices);
  else y += 3;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(11);
  doc.text('Montant à régler', RIGHT - 76, y);
  doc.text(euros(r.amountOwedCents), RIGHT - 2, y, { align: 'right' });
  y += 8;
  const contact = org.contactLine.trim() ? ` (${org.contactLine.trim()})` : '';
  y = drawParagraphs(doc, y, [
    { text: 'Nous vous remercions de bien vouloir régulariser votre situation dans les meilleurs délais.' },
    ...waysToPay(r, org),
    { text: `Si vous rencontrez une difficulté, contactez-nous${contact} : nous pourrons convenir ensemble d’un échéancier.` },
    { text: 'Si votre règlement nous est parvenu entre-temps, merci de ne pas tenir compte de cette relance.' },
  ]);
  drawSignature(doc, y + 2, org);
}

/** A batch of reminders for negative balances, one page each (issue 7 item 6). */
export function paymentReminderPdf(reminders: readonly PaymentReminder[], organisation: PaymentOrganisation): jsPDF {
  if (reminders.length === 0) throw new ValidationError('Aucune relance à imprimer : aucun adhérent n’a de solde négatif dans la sélection.');
  const doc = newDocument('Relances');
  reminders.forEach((r, index) => {
    if (index > 0) doc.addPage();
    addReminder(doc, r, organisation);
  });
  const last = reminders.map((r) => r.date).sort().at(-1)!;
  makeDeterministic(doc, last, `reminders:${last}:${reminders.map((r) => r.recipient.name).join(',')}`);
  return doc;
}
