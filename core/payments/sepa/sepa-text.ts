import { MoneyError } from '../../money/money';

/**
 * The EPC basic Latin character set, the only one every bank of the scheme must accept
 * (EPC217-08, finance-rules §2.3): a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
 */
const OUTSIDE_TEXT_CHAR = /[^a-zA-Z0-9/\-?:().,'+ ]/u;
/** Identifiers use the same set without the space. */
const OUTSIDE_ID_CHARS = /[^a-zA-Z0-9/\-?:().,'+]/gu;

/**
 * Characters that have no decomposition to basic Latin but a usual French or European
 * spelling; everything else outside the set (emoji, symbols, other scripts) is dropped.
 */
const REPLACEMENTS: Record<string, string> = {
  œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ı: 'i',
  '’': "'", '‘': "'", '‛': "'", '`': "'", '´': "'", ʼ: "'", '′': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-', _: '-',
  '&': ' et ', '€': ' EUR ', '°': 'o', '⁄': '/', '\\': '/',
  '[': '(', ']': ')', '{': '(', '}': ')', ';': ',',
};

/**
 * Text for a SEPA file: transliterated to the basic Latin set (é→e, œ→oe, ’→', & → « et »,
 * € → « EUR »), other symbols and emoji removed, whitespace collapsed, then cut to `maxLength`.
 */
export function toSepaText(text: string, maxLength: number): string {
  const latin = text
    // NFKD splits accents from letters and unfolds ligatures, full-width forms, "…" and "™".
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // One pass: a known replacement or nothing for each character outside the set.
    .replace(OUTSIDE_ID_CHARS, (char) => REPLACEMENTS[char] ?? (/\s/u.test(char) ? ' ' : ''))
    .replace(/ {2,}/g, ' ')
    // « (12 €) » gives « (12 EUR ) »: no space inside brackets or before , and .
    .replace(/\( /g, '(')
    .replace(/ ([),.])/g, '$1')
    .trim();
  return latin.length <= maxLength ? latin : latin.slice(0, maxLength).trimEnd();
}

/** True when `text` holds only characters of the EPC basic Latin set. */
export function isSepaText(text: string): boolean {
  return !OUTSIDE_TEXT_CHAR.test(text);
}

const quoteChars = (chars: readonly string[]) => chars.map((c) => (c === ' ' ? 'espace' : `« ${c} »`)).join(', ');

/**
 * A French message when a SEPA identifier (MsgId, PmtInfId, EndToEndId, mandate id) breaks
 * the EPC rules, null when it is good. Identifiers use the basic Latin set without spaces,
 * and no `/` at either end nor `//` (EPC clarification paper on slashes, finance-rules §2.3).
 */
export function sepaIdProblem(id: string, maxLength = 35, kind: 'reference' | 'mandate' = 'reference'): string | null {
  if (id.length === 0) return 'L’identifiant est vide : saisissez-en un.';
  if (id.length > maxLength) return `L’identifiant « ${id} » a ${id.length} caractères, au plus ${maxLength} sont admis : raccourcissez-le.`;
  // A mandate reference (RUM) may hold spaces (finance-rules §2.3); the file's own ids may not.
  const bad = [...new Set((kind === 'mandate' ? id.replace(/ /g, '') : id).match(OUTSIDE_ID_CHARS) ?? [])];
  if (bad.length > 0) {
    return `L’identifiant « ${id} » contient des caractères refusés par les banques (${quoteChars(bad)}) : n’utilisez que des lettres sans accent, des chiffres et / - ? : ( ) . , ' +.`;
  }
  if (id.startsWith('/') || id.endsWith('/')) return `L’identifiant « ${id} » ne doit ni commencer ni finir par « / ».`;
  if (id.includes('//')) return `L’identifiant « ${id} » ne doit pas contenir « // ».`;
  return null;
}

/** Largest single SEPA amount, 999 999 999,99 € (EPC rulebook, AT-06). */
export const MAX_SEPA_AMOUNT_CENTS = 99_999_999_999;

/** Integer cents as a decimal with a point and exactly two decimals, without floats. */
export function formatCentsDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new MoneyError(`Montant invalide : ${cents} n’est pas un nombre entier positif de centimes.`);
  const rest = cents % 100;
  return `${(cents - rest) / 100}.${rest < 10 ? '0' : ''}${rest}`;
}

/** `123450` → `"1234.50"`: a SEPA amount, 0,01 € to 999 999 999,99 € (finance-rules §2.3). */
export function formatSepaAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new MoneyError(`Montant invalide : ${cents} n’est pas un nombre entier de centimes.`);
  if (cents <= 0) throw new MoneyError(`Montant de prélèvement invalide (${cents} centimes) : il doit être d’au moins 0,01 €.`);
  if (cents > MAX_SEPA_AMOUNT_CENTS) throw new MoneyError(`Montant de prélèvement trop élevé (${cents} centimes) : au plus 999 999 999,99 € par opération.`);
  return formatCentsDecimal(cents);
}
