import { NotFoundError } from '../api/errors';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { balanceOf, withRunningBalance } from '../ledger/ledger';
import { LEDGER_KIND_LABELS } from '../ledger/ledger-labels';
import { readOrganisation } from '../organisation/organisation-handlers';
import { cents, type Cents } from '../money/money';

/** A subscriber's account statement (relevé de compte), dated, with the running balance. */
export interface StatementDocument {
  organisation: { name: string; address: string; contact: string };
  subscriber: { name: string; addressLines: string[] };
  periodLabel: string;
  printedOn: string;
  openingCents: Cents;
  entries: { date: string; label: string; reference: string; debitCents: Cents | null; creditCents: Cents | null; balanceCents: Cents }[];
  closingCents: Cents;
}

interface EntryRow {
  id: number;
  entry_date: string;
  kind: keyof typeof LEDGER_KIND_LABELS;
  amount_cents: number;
  reference: string;
  label: string;
}

export function buildStatementDocument(db: Db, subscriberId: number, today: IsoDate, from?: IsoDate, to?: IsoDate): StatementDocument {
  const s = db.get<{ kind: string; first_name: string; last_name: string; address_line1: string; address_line2: string; postcode: string; city: string }>(
    'SELECT kind, first_name, last_name, address_line1, address_line2, postcode, city FROM subscribers WHERE id = ?',
    [subscriberId],
  );
  if (!s) throw new NotFoundError(`Adhérent introuvable (n° ${subscriberId}).`);
  const read = (where: string, params: (string | number)[]) =>
    db
      .all<EntryRow>(`SELECT id, entry_date, kind, amount_cents, reference, label FROM ledger_entries WHERE subscriber_id = ? ${where} ORDER BY entry_date, id`, [subscriberId, ...params])
      .map((r) => ({ id: r.id, date: r.entry_date, kind: r.kind, amountCents: cents(r.amount_cents), reference: r.reference, label: r.label }));
  const opening = from ? balanceOf(read('AND entry_date < ?', [from])) : cents(0);
  const inPeriod = read(`${from ? 'AND entry_date >= ?' : ''} ${to ? 'AND entry_date <= ?' : ''}`, [...(from ? [from] : []), ...(to ? [to] : [])]);
  const entries = withRunningBalance(inPeriod, opening);
  const org = readOrganisation(db);
  const period = from || to ? `du ${from ? formatDateShortFr(from) : 'début'} au ${formatDateShortFr(to ?? today)}` : `jusqu’au ${formatDateShortFr(today)}`;
  return {
    organisation: {
      name: org.legalName,
      address: [org.addressLine1, org.addressLine2, [org.postcode, org.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      contact: [org.phone, org.email].filter(Boolean).join(' · '),
    },
    subscriber: {
      name: s.kind === 'organisation' ? s.last_name : [s.first_name, s.last_name].filter(Boolean).join(' '),
      addressLines: [s.address_line1, s.address_line2, [s.postcode, s.city].filter(Boolean).join(' ')].filter(Boolean),
    },
    periodLabel: period,
    printedOn: formatDateShortFr(today),
    openingCents: opening,
    entries: entries.map((e) => ({
      date: formatDateShortFr(e.date as IsoDate),
      label: e.label || LEDGER_KIND_LABELS[e.kind],
      reference: e.reference,
      debitCents: e.amountCents < 0 ? cents(-e.amountCents) : null,
      creditCents: e.amountCents > 0 ? e.amountCents : null,
      balanceCents: e.balanceCents,
    })),
    closingCents: entries.at(-1)?.balanceCents ?? opening,
  };
}

/** `12,50 € en votre faveur` / `42,00 € à régler` / `0,00 €`: a balance as the subscriber reads it. */
export function balanceWording(amount: Cents, format: (c: Cents) => string): string {
  if (amount > 0) return `${format(amount)} en votre faveur`;
  if (amount < 0) return `${format(cents(-amount))} à régler`;
  return format(amount);
}
