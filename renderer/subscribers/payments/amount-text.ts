import { MoneyError, parseEuros, type Cents } from '../../../core/money/money';

/** Euros as typed (« 42,50 ») → cents, or the French message that says what to fix. */
export function readAmount(text: string, missing: string): { cents: Cents; problem: null } | { cents: null; problem: string } {
  if (text.trim() === '') return { cents: null, problem: missing };
  try {
    const cents = parseEuros(text);
    if (cents <= 0) return { cents: null, problem: 'Le montant doit être supérieur à 0 € (exemple : 42,50).' };
    return { cents, problem: null };
  } catch (error) {
    if (error instanceof MoneyError) return { cents: null, problem: error.message };
    throw error;
  }
}
