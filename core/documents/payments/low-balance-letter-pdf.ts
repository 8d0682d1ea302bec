import type { jsPDF } from 'jspdf';
import { ValidationError } from '../../api/errors';
import { formatDateFr, type IsoDate } from '../../dates/dates';
import { makeDeterministic, newDocument } from '../pdf/pdf-kit';
import { drawLetterHead, drawParagraphs, drawSignature, euros, longDate, type Paragraph } from './letter-kit';
import type { LowBalanceLetter, PaymentOrganisation } from './payment-documents';

/** The body of the letter asking a cheque payer for new cheques (issue 7 item 4). */
export function lowBalanceParagraphs(letter: LowBalanceLetter, organisation: PaymentOrganisation): Paragraph[] {
  const monthEnd = `fin ${formatDateFr(letter.date as IsoDate, 'MMMM yyyy')}`;
  const end = letter.endOfMonthBalanceCents;
  const endText = end < 0 ? `${euros(end)}, soit ${euros(-end)} à régler` : euros(end);
  const expected =
    letter.expectedBasketsCents > 0
      ? `Les paniers qui vous seront encore livrés ce mois-ci représentent ${euros(letter.expectedBasketsCents)} : votre solde prévu ${monthEnd} est donc de ${endText}.`
      : `Aucun autre panier ne vous sera livré ce mois-ci : votre solde prévu ${monthEnd} reste de ${endText}.`;
  const where = letter.depotName.trim() ? `à votre point de dépôt (${letter.depotName.trim()})` : 'à votre point de dépôt';
  const paragraphs: Paragraph[] = [
    { text: `Au ${longDate(letter.date)}, votre solde prépayé de paniers s’élève à ${euros(letter.balanceCents)}.` },
    { text: expected },
    { text: `Ce montant est inférieur au seuil de ${euros(letter.thresholdCents)} à partir duquel nous vous proposons de renouveler votre avance.` },
    {
      text: `Pour continuer à recevoir vos paniers sans interruption, merci de nous remettre de nouveaux chèques à l’ordre de ${organisation.name}, ${where} ou par courrier à l’adresse ci-dessus.`,
    },
  ];
  if (letter.quarterly) {
    paragraphs.push({
      text: `Pour un trimestre, votre formule « ${letter.quarterly.formulaLabel} » représente ${euros(letter.quarterly.amountCents)}. Vous pouvez nous confier plusieurs chèques à l’avance : ils seront encaissés aux dates prévues.`,
      bold: true,
    });
  }
  paragraphs.push({ text: 'Si vous avez déjà fait le nécessaire, merci de ne pas tenir compte de ce courrier.' });
  return paragraphs;
}

/** A batch of low-balance letters, one page each, ready to print and fold into window envelopes. */
export function lowBalanceLetterPdf(letters: readonly LowBalanceLetter[], organisation: PaymentOrganisation): jsPDF {
  if (letters.length === 0) throw new ValidationError('Aucune lettre à imprimer : aucun payeur par chèque n’est sous le seuil dans la sélection.');
  const doc = newDocument('Lettres de solde bas');
  letters.forEach((letter, index) => {
    if (index > 0) doc.addPage();
    const y = drawLetterHead(doc, { organisation, recipient: letter.recipient, date: letter.date, subject: 'Votre solde de paniers', title: null });
    drawSignature(doc, drawParagraphs(doc, y, lowBalanceParagraphs(letter, organisation)) + 2, organisation);
  });
  const last = letters.map((l) => l.date).sort().at(-1)!;
  makeDeterministic(doc, last, `low-balance:${last}:${letters.map((l) => l.recipient.name).join(',')}`);
  return doc;
}
