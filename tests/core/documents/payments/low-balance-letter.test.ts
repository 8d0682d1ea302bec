import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../core/api/errors';
import { lowBalanceLetterPdf, lowBalanceParagraphs } from '../../../../core/documents/payments/low-balance-letter-pdf';
import type { LowBalanceLetter } from '../../../../core/documents/payments/payment-documents';
import { HELENE, NOEL, ORGANISATION, rendered } from './payment-fixtures';

/** 32 € left, four baskets of 10,50 € still to come in December: -10 € at the month's end. */
const HELENE_LETTER: LowBalanceLetter = {
  recipient: HELENE,
  date: '2026-12-04',
  balanceCents: 3200,
  expectedBasketsCents: 4200,
  endOfMonthBalanceCents: -1000,
  thresholdCents: 5000,
  quarterly: { formulaLabel: 'Petit panier hebdomadaire', amountCents: 13650 },
  depotName: 'Riantec',
};

/** 40 € left and nothing more this month; formula unknown, depot unnamed. */
const NOEL_LETTER: LowBalanceLetter = {
  recipient: NOEL,
  date: '2026-04-29',
  balanceCents: 4000,
  expectedBasketsCents: 0,
  endOfMonthBalanceCents: 4000,
  thresholdCents: 5000,
  quarterly: null,
  depotName: '',
};

const texts = (letter: LowBalanceLetter) => lowBalanceParagraphs(letter, ORGANISATION).map((p) => p.text.replaceAll('\u00a0', ' '));

describe('low-balance letter', () => {
  it('says the balance, the baskets still expected, the month-end balance, the threshold, and asks for cheques', () => {
    expect(texts(HELENE_LETTER)).toEqual([
      'Au 4 décembre 2026, votre solde prépayé de paniers s’élève à 32,00 €.',
      'Les paniers qui vous seront encore livrés ce mois-ci représentent 42,00 € : votre solde prévu fin décembre 2026 est donc de -10,00 €, soit 10,00 € à régler.',
      'Ce montant est inférieur au seuil de 50,00 € à partir duquel nous vous proposons de renouveler votre avance.',
      'Pour continuer à recevoir vos paniers sans interruption, merci de nous remettre de nouveaux chèques à l’ordre de Optim’ism, à votre point de dépôt (Riantec) ou par courrier à l’adresse ci-dessus.',
      'Pour un trimestre, votre formule « Petit panier hebdomadaire » représente 136,50 €. Vous pouvez nous confier plusieurs chèques à l’avance : ils seront encaissés aux dates prévues.',
      'Si vous avez déjà fait le nécessaire, merci de ne pas tenir compte de ce courrier.',
    ]);
    expect(lowBalanceParagraphs(HELENE_LETTER, ORGANISATION)[4]!.bold).toBe(true);
  });

  it('leaves out the quarterly amount when the formula is unknown, and says when no basket is left this month', () => {
    expect(texts(NOEL_LETTER)).toEqual([
      'Au 29 avril 2026, votre solde prépayé de paniers s’élève à 40,00 €.',
      'Aucun autre panier ne vous sera livré ce mois-ci : votre solde prévu fin avril 2026 reste de 40,00 €.',
      'Ce montant est inférieur au seuil de 50,00 € à partir duquel nous vous proposons de renouveler votre avance.',
      'Pour continuer à recevoir vos paniers sans interruption, merci de nous remettre de nouveaux chèques à l’ordre de Optim’ism, à votre point de dépôt ou par courrier à l’adresse ci-dessus.',
      'Si vous avez déjà fait le nécessaire, merci de ne pas tenir compte de ce courrier.',
    ]);
  });

  it('prints one page per letter, each addressed, dated, greeted by name and signed', () => {
    const doc = lowBalanceLetterPdf([HELENE_LETTER, NOEL_LETTER], ORGANISATION);
    const { pages, flat } = rendered(doc, 'low-balance-letters');
    expect(doc.getNumberOfPages()).toBe(2);
    expect(pages).toHaveLength(2);
    // The whole first page; the letterhead's contact line and the addressee's name share a baseline.
    expect(pages[0]).toEqual([
      'Optim’ism',
      'Route de Cléguer',
      '56620 Pont-Scorff',
      'SIRET 732 829 320 00074',
      '02 97 32 50 50 · paniers@optimism.fr Mme Hélène Le Gall',
      '12 rue de l’Église',
      'Kerlédan',
      '56700 Hennebont',
      'Pont-Scorff, le 4 décembre 2026',
      'Objet : Votre solde de paniers',
      'Bonjour Hélène Le Gall,',
      'Au 4 décembre 2026, votre solde prépayé de paniers s’élève à 32,00 €.',
      'Les paniers qui vous seront encore livrés ce mois-ci représentent 42,00 € : votre solde prévu fin décembre 2026 est',
      'donc de -10,00 €, soit 10,00 € à régler.',
      'Ce montant est inférieur au seuil de 50,00 € à partir duquel nous vous proposons de renouveler votre avance.',
      'Pour continuer à recevoir vos paniers sans interruption, merci de nous remettre de nouveaux chèques à l’ordre de',
      'Optim’ism, à votre point de dépôt (Riantec) ou par courrier à l’adresse ci-dessus.',
      'Pour un trimestre, votre formule « Petit panier hebdomadaire » représente 136,50 €. Vous pouvez nous confier',
      'plusieurs chèques à l’avance : ils seront encaissés aux dates prévues.',
      'Si vous avez déjà fait le nécessaire, merci de ne pas tenir compte de ce courrier.',
      'Nous vous remercions de votre confiance et vous adressons nos salutations les meilleures.',
      'Pour Optim’ism,',
      'Le service des adhérents',
    ]);
    for (const paragraph of texts(NOEL_LETTER)) expect(flat[1]).toContain(paragraph);
    expect(pages[1]).toEqual(expect.arrayContaining(['56100 Lorient', 'Pont-Scorff, le 29 avril 2026', 'Bonjour Jean-Noël Tanguy,', 'Le service des adhérents']));
    expect(flat[1]).not.toContain('Hélène');
  });

  it('greets without a name when there is none, and signs for the association when no signatory is set', () => {
    const { flat } = rendered(
      lowBalanceLetterPdf([{ ...NOEL_LETTER, recipient: { ...NOEL, greetingName: ' ' } }], { ...ORGANISATION, city: '', signatory: '', logoDataUrl: null }),
      'low-balance-letter-plain',
    );
    expect(flat[0]).toContain('Le 29 avril 2026 Objet : Votre solde de paniers Bonjour, Au 29 avril 2026');
    expect(flat[0]).toMatch(/Pour Optim’ism, L’équipe de Optim’ism$/);
  });

  it('refuses an empty batch', () => {
    expect(() => lowBalanceLetterPdf([], ORGANISATION)).toThrow(ValidationError);
  });
});
