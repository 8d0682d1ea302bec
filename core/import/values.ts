import { cents, type Cents } from '../money/money';
import { isIsoDate, type IsoDate } from '../dates/dates';

/**
 * Parsers for the cells of the old system's spreadsheets. They never throw: each returns the
 * value or a French `problem` that the import preview shows next to the line and the column.
 * An empty cell is a problem too; callers that accept an empty cell (a balance of 0, an
 * optional date) test `isBlankCell` first.
 */
export type AmountResult = { cents: Cents } | { problem: string };
export type DateResult = { date: IsoDate } | { problem: string };

// Every space a spreadsheet or a French locale puts inside a number: normal, no-break (Excel
// in French), narrow no-break (Intl), thin.
const SPACES = /[\s\u00a0\u202f\u2009]+/g;

/** Spaces collapsed to one and trimmed: « Jean   Pierre\n » → « Jean Pierre ». */
export function parseImportText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

export function isBlankCell(text: string): boolean {
  return parseImportText(text) === '';
}

const AMOUNT_EXAMPLE = 'exemple : 1 234,56';
// More digits than this before the decimals could lose precision as a JS number of cents.
const MAX_INTEGER_DIGITS = 13;

/**
 * `1 234,56 €`, `1.234,56`, `1,234.56`, `-12,50`, `12.5`, `+3`, `EUR 12,50`, `12,50-` and the
 * accountants' `(12,50)` (negative: that is what Excel prints for a negative number with an
 * accounting format, and the old system's balances are exported that way). At most two
 * decimals, unless the extra ones are zeros (`12,500` from a `0.000` format). Ambiguous
 * writings are refused rather than guessed: `1.234` may be 1 234 € or 1,234 €.
 */
export function parseImportAmount(text: string): AmountResult {
  const shown = parseImportText(text);
  if (shown === '') return { problem: 'Le montant est vide.' };
  let body = shown;
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = parenthesised[1]!;
  }
  body = stripCurrency(body);
  const leading = /^([+-])\s*/.exec(body);
  const trailing = leading ? null : /\s*([+-])$/.exec(body);
  if (leading) body = body.slice(leading[0].length);
  if (trailing) body = body.slice(0, trailing.index);
  if ((leading ?? trailing)?.[1] === '-') negative = !negative;
  body = stripCurrency(body);
  const number = splitNumber(body.replace(SPACES, ' '));
  if ('problem' in number) return { problem: `« ${shown} » ${number.problem}` };
  const { integer, decimals } = number;
  if (decimals.length > 2 && !/^0+$/.test(decimals.slice(2))) {
    return { problem: `« ${shown} » a plus de deux décimales : un montant s’écrit au centime près (${AMOUNT_EXAMPLE}).` };
  }
  if (integer.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) {
    return { problem: `« ${shown} » est un montant trop grand pour être un solde ou un règlement.` };
  }
  const value = Number(integer) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  return { cents: cents(negative && value !== 0 ? -value : value) };
}

function stripCurrency(text: string): string {
  return text.trim().replace(/\s*(€|eur|euros?)$/i, '').replace(/^(€|eur)\s*/i, '').trim();
}

type SplitNumber = { integer: string; decimals: string } | { problem: string };

/** Digits with grouping separators (space, dot or comma by threes) and one decimal mark. */
function splitNumber(body: string): SplitNumber {
  const notAmount = { problem: `n’est pas un montant (${AMOUNT_EXAMPLE}).` };
  if (!/^[\d ., ]+$/.test(body) || !/\d/.test(body)) return notAmount;
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let decimalMark: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0) decimalMark = body.indexOf(',') === lastComma ? ',' : null;
  else if (lastDot >= 0 && body.indexOf('.') === lastDot) {
    // One dot: a decimal point (`12.5`), unless it could as well group thousands (`1.234`).
    if (/^\d{1,3}\.\d{3}$/.test(body)) {
      return { problem: 'est ambigu : le point y sépare-t-il les milliers ou les centimes ? Écrivez le montant sans séparateur de milliers, avec une virgule avant les centimes (exemple : 1234,50).' };
    }
    decimalMark = '.';
  }
  const markAt = decimalMark === null ? -1 : body.lastIndexOf(decimalMark);
  const integerPart = markAt < 0 ? body : body.slice(0, markAt);
  const decimals = markAt < 0 ? '' : body.slice(markAt + 1);
  if (!/^\d*$/.test(decimals) || (markAt >= 0 && decimals === '')) return notAmount;
  const grouping = /^\d{1,3}(?:([ .,])\d{3})?(?:\1\d{3})*$/;
  if (!/^\d+$/.test(integerPart) && !grouping.test(integerPart)) {
    return integerPart === '' && decimals !== '' ? { integer: '0', decimals } : notAmount;
  }
  return { integer: integerPart.replace(/\D/g, '') || '0', decimals };
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DATE_EXAMPLE = 'écrivez-la jj/mm/aaaa, par exemple 10/04/2026';

/**
 * `dd/mm/yyyy`, `d/m/yyyy`, `d/m/yy`, with `/`, `.` or `-`; `yyyy-mm-dd`; a time after the day
 * (`10/04/2026 00:00`, `2026-04-10T00:00:00`, as exports from other software write it) is
 * ignored. Two-digit years follow Excel's rule: 00–29 → 20xx, 30–99 → 19xx. A refused date
 * says why (« le 31/02/2026 n’existe pas : février 2026 n’a que 28 jours »).
 */
export function parseImportDate(text: string): DateResult {
  const shown = parseImportText(text);
  if (shown === '') return { problem: 'La date est vide.' };
  const withoutTime = shown.replace(/(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(withoutTime);
  const french = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(withoutTime);
  let day: number, month: number, year: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (french) {
    [day, month] = [Number(french[1]), Number(french[3])];
    const y = french[4]!;
    year = y.length === 2 ? (Number(y) <= 29 ? 2000 : 1900) + Number(y) : Number(y);
  } else if (/^\d{5}(?:[.,]\d+)?$/.test(shown)) {
    return { problem: `« ${shown} » ressemble à un numéro de date d’Excel : dans Excel, mettez la colonne au format Date courte, puis enregistrez à nouveau le fichier.` };
  } else {
    return { problem: `« ${shown} » n’est pas une date : ${DATE_EXAMPLE}.` };
  }
  const written = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  if (month < 1 || month > 12) {
    const swapped = day >= 1 && day <= 12 ? ' (jour et mois inversés ?)' : '';
    return { problem: `« ${shown} » : le mois ${month} n’existe pas${swapped} ; ${DATE_EXAMPLE}.` };
  }
  if (year < 1900 || year > 2199) {
    return { problem: `« ${shown} » : l’année ${year} n’est pas plausible ; ${DATE_EXAMPLE}.` };
  }
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(candidate)) {
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const reason = day === 0 ? 'il n’y a pas de jour 0' : `${MONTHS[month - 1]} ${year} n’a que ${length} jours`;
    return { problem: `Le ${written} n’existe pas : ${reason}.` };
  }
  return { date: candidate };
}
