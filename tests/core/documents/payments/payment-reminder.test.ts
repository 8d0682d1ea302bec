import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../core/api/errors';
import type { PaymentReminder, ReminderInvoice } from '../../../../core/documents/payments/payment-documents';
import { MAX_LISTED_INVOICES, paymentReminderPdf } from '../../../../core/documents/payments/payment-reminder-pdf';
import { HELENE, NOEL, ORGANISATION, rendered } from './payment-fixtures';

const invoice = (number: string, date: string, totalCents: number, remainingCents: number, ageDays: number): ReminderInvoice => ({ number, date, totalCents, remainingCents, ageDays });

/** One invoice half paid, one not paid at all: 63 € owed for 65 days. */
const HELENE_REMINDER: PaymentReminder = {
  recipient: HELENE,
  date: '2026-12-04',
  amountOwedCents: 6300,
  invoices: [invoice('FA-2026-00012', '2026-09-30', 4200, 2100, 65), invoice('FA-2026-00031', '2026-10-31', 4200, 4200, 34)],
  debtAgeDays: 65,
  transferReference: 'ADH-0042',
};

/** Ten unpaid invoices of 1 250,00 €: more than a page holds in full. */
const NOEL_REMINDER: PaymentReminder = {
  recipient: NOEL,
  date: '2026-12-04',
  amountOwedCents: 1250000,
  invoices: Array.from({ length: 10 }, (_, i) => invoice(`FA-2026-${String(100 + i).padStart(5, '0')}`, '2026-02-28', 125000, 125000, 279 - i)),
  debtAgeDays: 279,
  transferReference: 'FA-2026-00100',
};

describe('payment reminder (relance)', () => {
  it('prints one page per reminder: the amount owed, each unpaid invoice with its age, the ways to pay and the contact', () => {
    const doc = paymentReminderPdf([HELENE_REMINDER, NOEL_REMINDER], ORGANISATION);
    const { pages, flat } = rendered(doc, 'payment-reminders');
    expect(doc.getNumberOfPages()).toBe(2);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toEqual([
      'RELANCE',
      'Optim’ism',
      'Route de Cléguer',
      '56620 Pont-Scorff',
      'SIRET 732 829 320 00074',
      '02 97 32 50 50 · paniers@optimism.fr Mme Hélène Le Gall',
      '12 rue de l’Église',
      'Kerlédan',
      '56700 Hennebont',
      'Pont-Scorff, le 4 décembre 2026',
      'Objet : Relance pour le règlement de vos paniers',
      'Bonjour Hélène Le Gall,',
      'Sauf erreur de notre part, au 4 décembre 2026, votre compte adhérent présente un solde débiteur de 63,00 €. La plus',
      'ancienne somme impayée date de 65 jours.',
      'Facture Date Montant Reste dû Ancienneté',
      'FA-2026-00012 30/09/2026 42,00 € 21,00 € 65 jours',
      'FA-2026-00031 31/10/2026 42,00 € 42,00 € 34 jours',
      'Montant à régler 63,00 €',
      'Nous vous remercions de bien vouloir régulariser votre situation dans les meilleurs délais.',
      'Vous pouvez régler cette somme :',
      '• par virement sur le compte de Optim’ism : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP882, en',
      'indiquant la référence ADH-0042 ;',
      '• par chèque à l’ordre de Optim’ism, remis à votre point de dépôt ou envoyé à l’adresse ci-dessus.',
      'Si vous rencontrez une difficulté, contactez-nous (02 97 32 50 50 · paniers@optimism.fr) : nous pourrons convenir',
      'ensemble d’un échéancier.',
      'Si votre règlement nous est parvenu entre-temps, merci de ne pas tenir compte de cette relance.',
      'Nous vous remercions de votre confiance et vous adressons nos salutations les meilleures.',
      'Pour Optim’ism,',
      'Le service des adhérents',
    ]);
    expect(flat[1]).toContain('Bonjour Jean-Noël Tanguy,');
    expect(flat[1]).toContain('un solde débiteur de 12 500,00 €. La plus ancienne somme impayée date de 279 jours.');
    expect(flat[1]).toContain('Montant à régler 12 500,00 €');
    expect(flat[1]).toContain('en indiquant la référence FA-2026-00100 ;');
    expect(flat[1]).not.toContain('Hélène');
  });

  it('keeps a long list on one page: the oldest invoices in full, the others summed on one line', () => {
    const { pages } = rendered(paymentReminderPdf([NOEL_REMINDER], ORGANISATION), 'payment-reminder-long');
    expect(pages).toHaveLength(1);
    const table = pages[0]!.slice(pages[0]!.indexOf('Facture Date Montant Reste dû Ancienneté') + 1, pages[0]!.indexOf('Montant à régler 12 500,00 €'));
    expect(table).toEqual([
      ...Array.from({ length: MAX_LISTED_INVOICES - 1 }, (_, i) => `FA-2026-${String(100 + i).padStart(5, '0')} 28/02/2026 1 250,00 € 1 250,00 € ${279 - i} jours`),
      '3 autres factures 3 750,00 €',
    ]);
  });

  it('offers only the cheque without an account on file, and lists no table for a debt without invoices', () => {
    const org = { ...ORGANISATION, iban: '', contactLine: '' };
    const { flat } = rendered(paymentReminderPdf([{ ...HELENE_REMINDER, invoices: [], debtAgeDays: 1 }], org), 'payment-reminder-plain');
    expect(flat[0]).toContain('La plus ancienne somme impayée date de 1 jour. Montant à régler 63,00 € Nous vous remercions');
    expect(flat[0]).toContain('Vous pouvez régler cette somme : • par chèque à l’ordre de Optim’ism, remis à votre point de dépôt');
    expect(flat[0]).not.toContain('virement');
    expect(flat[0]).not.toContain('Facture Date');
    expect(flat[0]).toContain('Si vous rencontrez une difficulté, contactez-nous : nous pourrons convenir ensemble d’un échéancier.');
  });

  it('refuses an empty batch', () => {
    expect(() => paymentReminderPdf([], ORGANISATION)).toThrow(ValidationError);
  });
});
