import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, formatDateShortFr } from '../dates/dates';
import { cents, formatEuros } from '../money/money';
import { idField, isoDateField, trimmed } from '../validation/fields';
import { verifyChain } from './chain';
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
    // Append-only: a new opening balance is written as the difference from the current one.
    const current = ledgerBalance(db, input.subscriberId);
    const difference = input.amountCents - current;
    if (difference !== 0) {
      const label =
        input.label ||
        (current !== 0
          ? `Solde d’ouverture corrigé (${formatEuros(current)} → ${formatEuros(cents(input.amountCents))})`
          : input.amountCents > 0
            ? 'Solde d’ouverture (avance)'
            : 'Solde d’ouverture (dû)');
      addEntry(db, { subscriberId: input.subscriberId, date: input.date, kind: 'opening_balance', amountCents: difference, label, sourceType: 'opening' }, clock.now().toISOString());
    }
    return { subscriberId: input.subscriberId, balanceCents: ledgerBalance(db, input.subscriberId) };
  },
});

/**
 * Checks the ledger's hash chain from its first entry (finance-rules §1.8): either every link
 * holds, or the first entry whose link is broken, for the office and the accountant.
 */
export const ledgerChainCheck = defineHandler({
  name: 'ledger-chain-check',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => {
    const check = verifyChain(db);
    if (check.ok) return { ...check, message: `Journal intègre : ${check.entries.toLocaleString('fr-FR')} écriture${check.entries > 1 ? 's' : ''} vérifiée${check.entries > 1 ? 's' : ''}, aucune modification.` };
    const where = `écriture n° ${check.brokenAt.id} du ${formatDateShortFr(check.brokenAt.date as never)} (${check.brokenAt.label || check.brokenAt.reference})`;
    const why = { hash: 'son contenu ou une écriture précédente a été modifié', gap: 'une écriture précédente a été supprimée', missing: 'elle n’a pas d’empreinte' }[check.reason];
    return { ...check, message: `Journal altéré à l’${where} : ${why}.` };
  },
});
