import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';

/**
 * Bank identifiers. ibantools does the IBAN mod-97 and per-country length checks (a
 * well-kept library beats our own table of 80 country formats); the SEPA creditor
 * identifier has no library, its rule is below.
 */

/** `fr76 3000 …` → `FR7630006…`; tolerates spaces, dashes and lower case as people type them. */
export function normalizeIban(input: string): string {
  return electronicFormatIBAN(input.trim()) ?? '';
}

/** A French message when the IBAN is wrong, null when it is good. */
export function ibanProblem(input: string): string | null {
  const iban = normalizeIban(input);
  if (!iban) return 'IBAN manquant.';
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return 'L’IBAN ne contient que des lettres et des chiffres (exemple : FR76 3000 6000 0112 3456 7890 189).';
  if (!isValidIBAN(iban)) return 'IBAN invalide : la longueur ou la clé de contrôle ne correspond pas. Vérifiez chaque caractère.';
  if (!isSEPACountry(iban.slice(0, 2))) return 'Ce pays ne fait pas partie de la zone SEPA.';
  return null;
}

export function formatIban(iban: string): string {
  return friendlyFormatIBAN(normalizeIban(iban)) ?? iban;
}

/** `FR76 •••• 1234`: what may be shown outside the office (portal, printouts). */
export function maskIban(iban: string): string {
  const value = normalizeIban(iban);
  if (value.length < 8) return '••••';
  return `${value.slice(0, 4)} •••• ${value.slice(-4)}`;
}

export function normalizeBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function bicProblem(input: string): string | null {
  const bic = normalizeBic(input);
  if (!bic) return 'BIC manquant.';
  return isValidBIC(bic) ? null : 'BIC invalide : 8 ou 11 caractères (exemple : AGRIFRPP882).';
}

/** ISO 7064 mod 97-10 over digits and letters (A = 10 … Z = 35), chunked to stay exact. */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const code = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function normalizeCreditorId(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * SEPA creditor identifier (ICS). EPC262-08: country code, two check digits, a three-character
 * business code that the check ignores, then the national identifier (6 characters in France).
 * The check digits are 98 − mod97(national id + country + "00").
 */
export function creditorIdProblem(input: string): string | null {
  const ics = normalizeCreditorId(input);
  if (!ics) return 'Identifiant créancier SEPA (ICS) manquant.';
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(ics)) {
    return 'ICS invalide : format attendu FRkkZZZ123456 (13 caractères pour la France).';
  }
  if (ics.startsWith('FR') && ics.length !== 13) return 'Un ICS français a 13 caractères (exemple : FR12ZZZ123456).';
  const expected = 98 - mod97(`${ics.slice(7)}${ics.slice(0, 2)}00`);
  if (expected !== Number(ics.slice(2, 4))) return 'ICS invalide : la clé de contrôle ne correspond pas. Recopiez-le depuis le courrier de votre banque.';
  return null;
}

/** Computes the check digits of a creditor id (demo data, tests). */
export function creditorIdWithCheckDigits(country: string, businessCode: string, nationalId: string): string {
  const check = 98 - mod97(`${nationalId}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${businessCode}${nationalId}`;
}
