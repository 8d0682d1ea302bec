import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import { cents, type Cents } from '../money/money';
import { windowOf, type PlanSlice } from './balances';
import { ledgerBalancesOn } from './ledger-balances';
import { countLowBalances, unpaidOver, type CountSources } from './payment-counts';
import { openReturns } from './sepa-returns';

/** One thing about money the office should do, with where to do it. */
export interface PaymentAlert {
  kind: 'batch_to_send' | 'batch_to_settle' | 'cheques_to_deposit' | 'open_returns' | 'low_balances' | 'unpaid_over_30';
  screen: 'sepa' | 'payments';
  count: number;
  amountCents: Cents;
  message: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * What needs doing about payments today, for the dashboard (issue 7: the low-balance alert
 * « also shows on the dashboard »): each figure counts what its screen lists. `planned` is
 * the dashboard's plan, used when it covers the rest of the month.
 */
export function paymentAlertsOn(db: Db, today: IsoDate, planned?: PlanSlice): PaymentAlert[] {
  const alerts: PaymentAlert[] = [];
  const batch = (status: string, extra = '') =>
    db.get<{ n: number; t: number | null }>(`SELECT count(*) AS n, sum(total_cents) AS t FROM sepa_batches WHERE status = ? ${extra}`, [status, ...(extra ? [today] : [])])!;
  const ready = batch('ready');
  if (ready.n > 0) alerts.push({ kind: 'batch_to_send', screen: 'sepa', count: ready.n, amountCents: cents(ready.t ?? 0), message: `${plural(ready.n, 'lot de prélèvements', 'lots de prélèvements')} à exporter et déposer à la banque` });
  const due = batch('sent', 'AND collection_date <= ?');
  if (due.n > 0) alerts.push({ kind: 'batch_to_settle', screen: 'sepa', count: due.n, amountCents: cents(due.t ?? 0), message: `${plural(due.n, 'lot prélevé', 'lots prélevés')} à marquer encaissé${due.n > 1 ? 's' : ''} après vérification du relevé` });
  const cheques = db.get<{ n: number; t: number | null }>("SELECT count(*) AS n, sum(amount_cents) AS t FROM cheques WHERE status = 'received' AND planned_deposit_on <= ?", [today])!;
  if (cheques.n > 0) alerts.push({ kind: 'cheques_to_deposit', screen: 'payments', count: cheques.n, amountCents: cents(cheques.t ?? 0), message: `${plural(cheques.n, 'chèque', 'chèques')} à remettre en banque` });
  const returns = openReturns(db);
  if (returns.length > 0) {
    alerts.push({ kind: 'open_returns', screen: 'sepa', count: returns.length, amountCents: cents(returns.reduce((s, r) => s + r.amountCents, 0)), message: `${plural(returns.length, 'prélèvement rejeté', 'prélèvements rejetés')} à traiter` });
  }
  // Both counts need today's balances (the low-balance window starts tomorrow): one pass over the ledger.
  const counts: CountSources = { balances: ledgerBalancesOn(db, today), ...(planned ? { planned } : {}) };
  const low = countLowBalances(db, windowOf(today, undefined), counts);
  if (low > 0) {
    alerts.push({ kind: 'low_balances', screen: 'payments', count: low, amountCents: cents(0), message: `${plural(low, 'adhérent payant par chèque passe', 'adhérents payant par chèque passent')} sous le seuil de solde ce mois-ci` });
  }
  const late = unpaidOver(db, today, 30, counts);
  if (late.count > 0) {
    alerts.push({ kind: 'unpaid_over_30', screen: 'payments', count: late.count, amountCents: cents(late.owedCents), message: `${plural(late.count, 'impayé', 'impayés')} de plus de 30 jours` });
  }
  return alerts;
}

export const paymentAlerts = defineHandler({
  name: 'payment-alerts',
  input: z.object({}),
  mutates: false,
  run: ({ db, clock }) => paymentAlertsOn(db, clock.today()),
});
