import { describe, expect, it } from 'vitest';
import { formatSiret, siretProblem } from '../../../core/validation/siret';

const BAD_KEY = 'SIRET invalide : la clé de contrôle ne correspond pas. Vérifiez chaque chiffre.';
const LENGTH = 'Le SIRET compte 14 chiffres (exemple : 123 456 789 00012).';

describe('SIRET', () => {
  it.each([
    ['a valid SIRET', '73282932000074'],
    ['with spaces as on a Kbis', '732 829 320 00074'],
    ['with dots', '732.829.320.00074'],
    // La Poste (SIREN 356 000 000): digit sum multiple of 5, although the Luhn key fails.
    ['a La Poste establishment', '35600000049837'],
  ])('accepts %s', (_case, siret) => {
    expect(siretProblem(siret)).toBeNull();
  });

  it.each([
    ['a wrong key', '73282932000075', BAD_KEY],
    ['two digits swapped', '73282932000047', BAD_KEY],
    ['13 digits', '7328293200007', LENGTH],
    ['15 digits', '732829320000740', LENGTH],
    ['a letter', '7328293200007A', LENGTH],
    ['empty', '', LENGTH],
    ['a La Poste number failing its own rule', '35600000000002', 'SIRET invalide : la clé de contrôle ne correspond pas.'],
  ])('refuses %s', (_case, siret, message) => {
    expect(siretProblem(siret)).toBe(message);
  });

  it('formats as on an INSEE notice', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
  });
});
