import { isIsoDate, type IsoDate } from '../../../core/dates/dates';
import { MoneyError, parseEuros } from '../../../core/money/money';
import { repeatDates } from '../payments-text';

/** One line of the « Enregistrer des chèques » grid, as typed. */
export interface ChequeLine {
  number: string;
  bank: string;
  drawer: string;
  amount: string;
  receivedOn: string;
  plannedDepositOn: string;
}

export const MAX_LINES = 12;
export const LINE_FIELDS = ['number', 'bank', 'drawer', 'amountCents', 'receivedOn', 'plannedDepositOn'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

export const emptyLine = (today: IsoDate, drawer: string): ChequeLine => ({ number: '', bank: '', drawer, amount: '', receivedOn: today, plannedDepositOn: today });

/** A new line: the same bank, drawer, amount and dates as the last one (a series from one chequebook), no number. */
export function nextLine(lines: readonly ChequeLine[], today: IsoDate, drawer: string): ChequeLine {
  const last = lines.at(-1);
  return last ? { ...last, number: '' } : emptyLine(today, drawer);
}

/** A line left blank is not a cheque: it is skipped rather than refused. */
export const isBlank = (line: ChequeLine) => !line.number.trim() && !line.amount.trim();

/**
 * « Répéter tous les mois / trimestres »: planned dates from the first line's, one month (or three)
 * apart, and the first line's bank, drawer and amount where a line has none.
 */
export function repeatLines(lines: readonly ChequeLine[], months: 1 | 3): ChequeLine[] {
  const first = lines[0];
  if (!first || !isIsoDate(first.plannedDepositOn)) return [...lines];
  const dates = repeatDates(first.plannedDepositOn, lines.length, months);
  return lines.map((line, i) => ({
    ...line,
    bank: line.bank.trim() ? line.bank : first.bank,
    drawer: line.drawer.trim() ? line.drawer : first.drawer,
    amount: line.amount.trim() ? line.amount : first.amount,
    plannedDepositOn: dates[i]!,
  }));
}

export interface LinesInput {
  cheques: { number: string; bank: string; drawer: string; amountCents: number; receivedOn: string; plannedDepositOn: string }[];
  /** The grid line of each cheque sent: the backend's `cheques.1.number` is grid line `sent[1]`. */
  sent: number[];
  /** Amounts that are not amounts, keyed like the backend's fields (`cheques.<grid line>.amountCents`). */
  errors: Record<string, string>;
}

/** The lines as the backend takes them; amounts are parsed here, so a typo never leaves the dialog. */
export function linesInput(lines: readonly ChequeLine[]): LinesInput {
  const result: LinesInput = { cheques: [], sent: [], errors: {} };
  lines.forEach((line, i) => {
    if (isBlank(line)) return;
    let amountCents = Number.NaN;
    try {
      amountCents = parseEuros(line.amount);
    } catch (error) {
      result.errors[`cheques.${i}.amountCents`] = line.amount.trim()
        ? `Chèque ${i + 1} : ${error instanceof MoneyError ? error.message : 'montant invalide (exemple : 45,00).'}`
        : `Chèque ${i + 1} : indiquez le montant du chèque.`;
    }
    result.sent.push(i);
    result.cheques.push({ number: line.number, bank: line.bank, drawer: line.drawer, amountCents, receivedOn: line.receivedOn, plannedDepositOn: line.plannedDepositOn });
  });
  return result;
}

/** The backend's `cheques.<sent index>.<field>` errors, moved onto grid lines: `{ 3: { number: '…' } }`. */
export function errorsByLine(fields: Record<string, string>, sent: readonly number[]): { byLine: Record<number, Partial<Record<LineField, string>>>; other: string[] } {
  const byLine: Record<number, Partial<Record<LineField, string>>> = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const match = /^cheques\.(\d+)\.(\w+)$/.exec(key);
    const line = match ? sent[Number(match[1])] : undefined;
    if (match && line !== undefined && (LINE_FIELDS as readonly string[]).includes(match[2]!)) {
      (byLine[line] ??= {})[match[2] as LineField] = message;
    } else {
      other.push(message);
    }
  }
  return { byLine, other };
}
