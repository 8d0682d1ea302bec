/**
 * SIRET: 14 digits, Luhn checksum (INSEE). La Poste's establishments (SIREN 356 000 000)
 * use another rule: the digit sum is a multiple of 5.
 */
export function normalizeSiret(input: string): string {
  return input.replace(/[\s.]+/g, '');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function siretProblem(input: string): string | null {
  const siret = normalizeSiret(input);
  if (!/^\d{14}$/.test(siret)) return 'Le SIRET compte 14 chiffres (exemple : 123 456 789 00012).';
  if (siret.startsWith('356000000')) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? null : 'SIRET invalide : la clé de contrôle ne correspond pas.';
  }
  return luhnValid(siret) ? null : 'SIRET invalide : la clé de contrôle ne correspond pas. Vérifiez chaque chiffre.';
}

/** `12345678900012` → `123 456 789 00012` (as on a Kbis or an INSEE notice). */
export function formatSiret(siret: string): string {
  const s = normalizeSiret(siret);
  return s.length === 14 ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : s;
}
