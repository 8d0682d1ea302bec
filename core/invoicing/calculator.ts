import { cents, roundHalfUp, type Cents } from '../money/money';

/**
 * The invoice calculator: pure arithmetic, no database, no rendering (STYLE.md, after Kimai
 * and Invoice Ninja). Every amount is integer cents.
 *
 * The one VAT rule (finance-rules §1.7): a basket price is VAT-inclusive as the office knows
 * it, so per line gross = unit price × quantity, VAT = roundHalfUp(gross × rate / (10000 +
 * rate)) with the rate in basis points, and net = gross − VAT. Totals are sums of the lines,
 * so gross = net + VAT holds on every line and on the invoice (EN 16931 BR-CO-15).
 */
export interface LineAmounts {
  netCents: Cents;
  vatCents: Cents;
  grossCents: Cents;
}

export function lineAmounts(unitPriceCents: number, quantity: number, vatRateBp: number): LineAmounts {
  const gross = cents(unitPriceCents * quantity);
  const vat = vatRateBp === 0 ? cents(0) : roundHalfUp(gross * vatRateBp, 10000 + vatRateBp);
  return { netCents: cents(gross - vat), vatCents: vat, grossCents: gross };
}

export interface RateTotal extends LineAmounts {
  rateBp: number;
}

export interface InvoiceTotals extends LineAmounts {
  /** One entry per VAT rate used, lowest rate first. */
  byRate: RateTotal[];
}

/** Sums of the lines, overall and per VAT rate. */
export function invoiceTotals(lines: readonly (LineAmounts & { vatRateBp: number })[]): InvoiceTotals {
  const byRate = new Map<number, RateTotal>();
  let net = 0;
  let vat = 0;
  let gross = 0;
  for (const line of lines) {
    net += line.netCents;
    vat += line.vatCents;
    gross += line.grossCents;
    const rate = byRate.get(line.vatRateBp) ?? { rateBp: line.vatRateBp, netCents: cents(0), vatCents: cents(0), grossCents: cents(0) };
    byRate.set(line.vatRateBp, {
      rateBp: line.vatRateBp,
      netCents: cents(rate.netCents + line.netCents),
      vatCents: cents(rate.vatCents + line.vatCents),
      grossCents: cents(rate.grossCents + line.grossCents),
    });
  }
  return { netCents: cents(net), vatCents: cents(vat), grossCents: cents(gross), byRate: [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp) };
}

export interface BalanceApplication {
  /** A debt from before, added to what is due (« Report de solde »). */
  balanceForwardCents: Cents;
  /** Credit (advance payment) deducted, never more than the invoice and the debt. */
  creditAppliedCents: Cents;
  amountDueCents: Cents;
  /** Credit left in the subscriber's favour after this invoice. */
  creditRemainingCents: Cents;
}

/**
 * How the ledger balance before the invoice (> 0 in the subscriber's favour, < 0 owed) meets
 * the invoice's gross: a debt is carried forward, a credit is deducted up to the gross so the
 * amount due is never negative and the rest of the credit stays for later.
 */
export function applyBalance(grossCents: number, balanceCents: number): BalanceApplication {
  const forward = balanceCents < 0 ? -balanceCents : 0;
  const credit = balanceCents > 0 ? Math.min(balanceCents, grossCents) : 0;
  return {
    balanceForwardCents: cents(forward),
    creditAppliedCents: cents(credit),
    amountDueCents: cents(grossCents + forward - credit),
    creditRemainingCents: cents(balanceCents > 0 ? balanceCents - credit : 0),
  };
}
