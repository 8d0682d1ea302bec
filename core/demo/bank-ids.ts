import type { Random } from './random';

/**
 * Test bank identifiers: real bank codes of banks present around Lorient, with random branch
 * and account numbers and correct keys, so every IBAN passes the mod-97 check of any bank
 * software while pointing at no known account.
 */
export const DEMO_BANKS: readonly { code: string; bic: string; weight: number }[] = [
  { code: '16006', bic: 'AGRIFRPP860', weight: 30 }, // Crédit Agricole du Morbihan
  { code: '15589', bic: 'CMBRFR2BARK', weight: 25 }, // Crédit Mutuel de Bretagne
  { code: '20041', bic: 'PSSTFRPPREN', weight: 12 }, // La Banque Postale
  { code: '13807', bic: 'CCBPFRPPNAN', weight: 8 }, // Banque Populaire Grand Ouest
  { code: '14445', bic: 'CEPAFRPP444', weight: 8 }, // Caisse d'Épargne Bretagne-Pays de Loire
  { code: '30004', bic: 'BNPAFRPPXXX', weight: 7 }, // BNP Paribas
  { code: '30003', bic: 'SOGEFRPPXXX', weight: 6 }, // Société Générale
  { code: '30002', bic: 'CRLYFRPPXXX', weight: 4 }, // LCL
];

/** Remainder modulo 97 of a long decimal string, digit by digit so it stays exact. */
function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** Clé RIB of a numeric bank/branch/account triple (97 − (89·bank + 15·branch + 3·account) mod 97). */
export function ribKey(bank: string, branch: string, account: string): string {
  const key = 97 - mod97(String(89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)));
  return String(key).padStart(2, '0');
}

/** A French IBAN (27 characters, no spaces) from a numeric bank, branch and 11-digit account. */
export function frenchIban(bank: string, branch: string, account: string): string {
  const bban = `${bank}${branch}${account}${ribKey(bank, branch, account)}`;
  // Check digits (ISO 13616): country letters F=15, R=27 and "00" moved after the BBAN.
  const check = 98 - mod97(`${bban}152700`);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

export function randomFrenchAccount(random: Random): { iban: string; bic: string } {
  const bank = random.weighted(DEMO_BANKS.map((b) => [b, b.weight] as const));
  return { iban: frenchIban(bank.code, random.digits(5), random.digits(11)), bic: bank.bic };
}

/** A SIRET with a correct Luhn key (INSEE), from 13 given digits. */
export function siretWithKey(first13: string): string {
  for (let last = 0; last <= 9; last++) {
    const candidate = `${first13}${last}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let digit = Number(candidate[13 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one Luhn digit always fits');
}
