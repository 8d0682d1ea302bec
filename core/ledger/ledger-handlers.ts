import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, formatDateShortFr } from '../dates/dates';
import { cents } from '../money/money';
import { idField, isoDateField, trimmed } from '../validation/fields';
import { addEntry, balanceOf, ledgerBalance, readEntries, withRunningBalance } from './ledger';

function assertSubscriber(db: Db, id: number): void {
  if (!db.get('SELECT 1 FROM subscribers WHERE id = ?', [id])) throw new NotFoundError(`Adhérent introuvable (n° ${id}).`);
}

/** « Solde » of a subscriber: > 0 in their favour (avance), < 0 owed. */
export const ledgerBalanceGet = defineHandler({
  name: 'ledger-balance',
  input: z.object({ subscriberId: idField, at: isoDateField().optional() }),
  labels: { subscriberId: 'Adhérent', at: 'Date' },
  mutates: false,
  run: ({ db }, { subscriberId, at }) => {
    assertSubscriber(db, subscriberId);
    return { subscriberId, at: at ?? null, balanceCents: ledgerBalance(db, subscriberId, at) };
  },
});

/** « Relevé de compte »: the balance before `from`, each dated entry with its running balance, the closing balance. */
export const ledgerStatement = defineHandler({
  name: 'ledger-statement',
  input: z.object({ subscriberId: idField, from: isoDateField().optional(), to: isoDateField().optional() }),
  labels: { subscriberId: 'Adhérent', from: 'Du', to: 'Au' },
  mutates: false,
  run: ({ db }, { subscriberId, from, to }) => {
    assertSubscriber(db, subscriberId);
    if (from && to && from > to) throw ValidationError.field('to', 'La date de fin du relevé précède sa date de début.');
    // `from` is inclusive: the statement opens on every entry strictly before it.
    const before = from ? balanceOf(readEntries(db, subscriberId, { to: addDays(from, -1) })) : cents(0);
    const entries = withRunningBalance(readEntries(db, subscriberId, { from, to }), before);
    return { subscriberId, from: from ?? null, to: to ?? null, openingCents: before, entries, closingCents: entries.at(-1)?.balanceCents ?? before };
  },
});

/**
 * The opening balance at the cut-over to the app (the import): a credit (> 0, advance
 * payment) or a debt (< 0). One per subscriber; it may be replaced while no invoice exists.
 */
export const ledgerOpeningBalanceSet = defineHandler({
  name: 'ledger-opening-balance-set',
  input: z.object({
    subscriberId: idField,
    date: isoDateField('Date de reprise invalide (attendu AAAA-MM-JJ).'),
    amountCents: z.number({ message: 'Montant invalide.' }).int('Montant invalide : en centimes entiers.'),
    label: trimmed(200).default(''),
  }),
  labels: { subscriberId: 'Adhérent', date: 'Date de reprise', amountCents: 'Solde d’ouverture', label: 'Libellé' },
  mutates: true,
  run: ({ db, clock }, input) => {
    assertSubscriber(db, input.subscriberId);
    const invoiced = db.get<{ entry_date: string }>("SELECT entry_date FROM ledger_entries WHERE subscriber_id = ? AND kind != 'opening_balance' ORDER BY entry_date LIMIT 1", [
      input.subscriberId,
    ]);
    if (invoiced) {
      throw new ConflictError(`Le compte de cet adhérent a déjà des écritures depuis le ${formatDateShortFr(invoiced.entry_date as never)} : le solde d’ouverture ne peut plus changer. Passez un avoir ou un règlement.`);
    }
    db.run("DELETE FROM ledger_entries WHERE subscriber_id = ? AND kind = 'opening_balance'", [input.subscriberId]);
    if (input.amountCents !== 0) {
      const label = input.label || (input.amountCents > 0 ? 'Solde d’ouverture (avance)' : 'Solde d’ouverture (dû)');
      addEntry(db, { subscriberId: input.subscriberId, date: input.date, kind: 'opening_balance', amountCents: input.amountCents, label }, clock.now().toISOString());
    }
    return { subscriberId: input.subscriberId, balanceCents: ledgerBalance(db, input.subscriberId) };
  },
});
