import { describe, expect, it } from 'vitest';
import { bicProblem, creditorIdProblem, creditorIdWithCheckDigits, formatIban, ibanProblem, maskIban, normalizeBic, normalizeCreditorId, normalizeIban } from '../../../core/validation/bank';

const INVALID_IBAN = 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.';

describe('IBAN', () => {
  it.each([
    ['a French IBAN', 'FR7630006000011234567890189'],
    ['the same with spaces and lower case', 'fr76 3000 6000 0112 3456 7890 189'],
    ['with dashes', 'FR76-3000-6000-0112-3456-7890-189'],
    ['a German IBAN (SEPA)', 'DE89370400440532013000'],
    ['a Swiss IBAN (SEPA outside the EU)', 'CH9300762011623852957'],
  ])('accepts %s', (_case, iban) => {
    expect(ibanProblem(iban)).toBeNull();
  });

  it.each([
    ['empty', '', 'IBAN manquant.'],
    ['only spaces', '   ', 'IBAN manquant.'],
    ['wrong check digits', 'FR7730006000011234567890189', INVALID_IBAN],
    ['one digit changed in the account', 'FR7630006000011234567890188', INVALID_IBAN],
    ['one character short', 'FR763000600001123456789018', INVALID_IBAN],
    ['one character too many', 'FR76300060000112345678901890', INVALID_IBAN],
    ['the letter O instead of zeros', 'FR76 3OOO 6OOO O112 3456 7890 189', INVALID_IBAN],
    ['punctuation inside', 'FR76 3000 6000 0112 3456 7890 18!', 'L’IBAN ne contient que des lettres et des chiffres (exemple : FR76 3000 6000 0112 3456 7890 189).'],
    ['a valid IBAN of a country outside SEPA (Brazil)', 'BR1800360305000010009795493C1', 'Ce pays ne fait pas partie de la zone SEPA.'],
    ['a valid IBAN of a country outside SEPA (Turkey)', 'TR330006100519786457841326', 'Ce pays ne fait pas partie de la zone SEPA.'],
  ])('refuses %s', (_case, iban, message) => {
    expect(ibanProblem(iban)).toBe(message);
  });

  it('normalises, groups by four and masks for printouts', () => {
    expect(normalizeIban(' fr76 3000 6000 0112 3456 7890 189 ')).toBe('FR7630006000011234567890189');
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(maskIban('fr76 3000 6000 0112 3456 7890 189')).toBe('FR76 •••• 0189');
  });
});

describe('BIC', () => {
  it.each(['AGRIFRPP882', 'BNPAFRPP', 'bnpa fr pp', 'CMBRFR2BARK'])('accepts %s', (bic) => {
    expect(bicProblem(bic)).toBeNull();
  });

  it.each([
    ['', 'BIC manquant.'],
    ['BNPAFRP', 'BIC invalide : 8 ou 11 caractères (exemple : AGRIFRPP882).'],
    ['BNPAFRPP88', 'BIC invalide : 8 ou 11 caractères (exemple : AGRIFRPP882).'],
    ['BNPA1RPP', 'BIC invalide : 8 ou 11 caractères (exemple : AGRIFRPP882).'],
  ])('refuses %j', (bic, message) => {
    expect(bicProblem(bic)).toBe(message);
  });

  it('normalises spaces and case', () => {
    expect(normalizeBic(' agri fr pp 882 ')).toBe('AGRIFRPP882');
  });
});

describe('SEPA creditor identifier (ICS)', () => {
  it.each(['FR72ZZZ123456', 'fr72 zzz 123456', 'FR72-ZZZ-123456', 'FR72ABC123456'])('accepts %s (the business code is not checked)', (ics) => {
    expect(creditorIdProblem(ics)).toBeNull();
  });

  it.each([
    ['', 'Identifiant créancier SEPA (ICS) manquant.'],
    ['FR73ZZZ123456', 'ICS invalide : la clé de contrôle ne correspond pas. Recopiez-le depuis le courrier de votre banque.'],
    ['FR72ZZZ123457', 'ICS invalide : la clé de contrôle ne correspond pas. Recopiez-le depuis le courrier de votre banque.'],
    ['FR72ZZZ12345', 'Un ICS français a 13 caractères (exemple : FR12ZZZ123456).'],
    ['FR72ZZZ1234567', 'Un ICS français a 13 caractères (exemple : FR12ZZZ123456).'],
    ['FRXXZZZ123456', 'ICS invalide : format attendu FRkkZZZ123456 (13 caractères pour la France).'],
  ])('refuses %j', (ics, message) => {
    expect(creditorIdProblem(ics)).toBe(message);
  });

  it('computes the check digits of a creditor id', () => {
    expect(creditorIdWithCheckDigits('FR', 'ZZZ', '123456')).toBe('FR72ZZZ123456');
    expect(normalizeCreditorId(' fr72 zzz 123456')).toBe('FR72ZZZ123456');
    for (const national of ['000001', 'A1B2C3', '999999']) {
      expect(creditorIdProblem(creditorIdWithCheckDigits('FR', 'ZZZ', national))).toBeNull();
    }
  });
});
