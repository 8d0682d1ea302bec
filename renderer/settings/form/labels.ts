import { WEEKDAY_LABELS } from '../../../core/validation/fields';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Monday first, as the office's week. */
export const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: capitalise(WEEKDAY_LABELS[day]!) }));

export function weekdayLabel(day: number): string {
  return capitalise(WEEKDAY_LABELS[day] ?? '?');
}

export const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export const MONTH_OPTIONS = MONTH_NAMES.map((name, index) => ({ value: String(index + 1), label: capitalise(name) }));

/** 550 → « 5,5 % », 2000 → « 20 % ». */
export function formatVatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })}\u00a0%`;
}

/** Text typed in a number field → the number, '' → null, anything else → undefined (refused). */
export function parseWholeNumber(text: string | number): number | null | undefined {
  if (typeof text === 'number') return Number.isInteger(text) ? text : undefined;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
