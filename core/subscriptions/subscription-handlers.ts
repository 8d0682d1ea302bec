import { z } from 'zod';
import { ConflictError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { addDays, addMonths, formatDateShortFr, type IsoDate } from '../dates/dates';

/** Dates in messages read as the office types them: 14/04/2026. */
const fr = (day: string) => formatDateShortFr(day as IsoDate);
import { getSubscriber } from '../subscribers/subscriber-handlers';
import { idField } from '../validation/fields';
import {
  assertAfterRecorded,
  assertCapacity,
  assertTerms,
  lastRecordedDay,
  loadSubscription,
  versionRows,
} from './subscription-store';
import {
  discoveryRenewInput,
  SUBSCRIPTION_LABELS,
  subscriptionChangeInput,
  subscriptionCreateInput,
  subscriptionEndInput,
  temporaryChangeInput,
} from './subscriptions';

/** Last day of a Découverte term that starts on `start` (the letter: 3 or 6 months). */
export function discoveryEnd(start: IsoDate, months: number): IsoDate {
  return addDays(addMonths(start, months), -1);
}

export const subscriptionCreate = defineHandler({
  name: 'subscription-create',
  input: subscriptionCreateInput,
  labels: SUBSCRIPTION_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const subscriber = getSubscriber(db, input.subscriberId, clock.today());
    if (subscriber.archivedAt) throw ValidationError.field('subscriberId', 'Cette fiche est archivée : réactivez-la d’abord.');
    assertTerms(db, input);
    let endDate = input.endDate;
    if (input.isDiscovery) {
      if (input.discoveryMonths === null) throw ValidationError.field('discoveryMonths', 'Une offre Découverte dure 3 ou 6 mois.');
      // Employees of the association are exempt from the term (the letter).
      if (!subscriber.isEmployee) {
        const termEnd = discoveryEnd(input.startDate, input.discoveryMonths);
        if (endDate !== null && endDate > termEnd) {
          throw ValidationError.field('endDate', `Une offre Découverte de ${input.discoveryMonths} mois se termine au plus tard le ${formatDateShortFr(termEnd)}.`);
        }
        endDate ??= termEnd;
      }
    } else if (input.discoveryMonths !== null) {
      throw ValidationError.field('discoveryMonths', 'Une durée ne s’indique que pour une offre Découverte.');
    }
    if (endDate !== null && endDate < input.startDate) throw ValidationError.field('endDate', 'La date de fin précède la date de début.');
    assertAfterRecorded(db, null, input.startDate, 'startDate');
    assertCapacity(db, input.depotId, input.startDate, endDate, null, input.capacityOverrideReason);
    const { lastInsertRowid } = db.run(
      `INSERT INTO subscriptions (subscriber_id, formula_id, depot_id, frequency, quantity, start_date, end_date, is_discovery,
         discovery_months, capacity_override_reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.subscriberId,
        input.formulaId,
        input.depotId,
        input.frequency,
        input.quantity,
        input.startDate,
        endDate,
        input.isDiscovery ? 1 : 0,
        input.discoveryMonths,
        input.capacityOverrideReason,
        clock.now().toISOString(),
      ],
    );
    return loadSubscription(db, lastInsertRowid, clock.today());
  },
});

export const subscriptionGet = defineHandler({
  name: 'subscription-get',
  input: z.object({ chainId: idField }),
  mutates: false,
  run: ({ db, clock }, { chainId }) => loadSubscription(db, chainId, clock.today()),
});

export const subscriptionListForSubscriber = defineHandler({
  name: 'subscription-list-for-subscriber',
  input: z.object({ subscriberId: idField }),
  mutates: false,
  run: ({ db, clock }, { subscriberId }) =>
    db
      .all<{ chain_id: number }>('SELECT DISTINCT chain_id FROM subscriptions WHERE subscriber_id = ? ORDER BY chain_id', [subscriberId])
      .map((row) => loadSubscription(db, row.chain_id, clock.today())),
});

/**
 * A permanent change from a date: the version in force ends the day before and a new version
 * starts, so deliveries before the date keep their terms and the history shows both.
 */
export const subscriptionChange = defineHandler({
  name: 'subscription-change',
  input: subscriptionChangeInput,
  labels: SUBSCRIPTION_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const chain = loadSubscription(db, input.chainId, clock.today());
    if (input.fromDate < chain.startDate) throw ValidationError.field('fromDate', `L’abonnement commence le ${fr(chain.startDate)} : choisissez une date ultérieure.`);
    if (chain.endDate !== null && input.fromDate > chain.endDate) throw ValidationError.field('fromDate', `L’abonnement se termine le ${fr(chain.endDate)}.`);
    assertAfterRecorded(db, input.chainId, input.fromDate, 'fromDate');
    const later = chain.versions.find((v) => v.startDate > input.fromDate);
    if (later) {
      throw ValidationError.field('fromDate', `Un changement est déjà prévu à partir du ${fr(later.startDate)} : modifiez celui-ci plutôt.`);
    }
    const version = chain.versions[chain.versions.length - 1]!;
    const same =
      version.formulaId === input.formulaId && version.depotId === input.depotId && version.frequency === input.frequency && version.quantity === input.quantity;
    if (same) throw new ValidationError('Rien ne change : la formule, le dépôt, la fréquence et la quantité sont déjà ceux-là.');
    assertTerms(db, input);
    if (input.depotId !== version.depotId) assertCapacity(db, input.depotId, input.fromDate, chain.endDate, input.chainId, input.capacityOverrideReason);
    const first = versionRows(db, input.chainId)[0]!;
    if (version.startDate === input.fromDate) {
      // A change on the day a version starts replaces that planned version: nothing was delivered under it.
      db.run('UPDATE subscriptions SET formula_id = ?, depot_id = ?, frequency = ?, quantity = ?, change_reason = ? WHERE id = ?', [
        input.formulaId,
        input.depotId,
        input.frequency,
        input.quantity,
        input.reason,
        version.id,
      ]);
    } else {
      db.run('UPDATE subscriptions SET end_date = ? WHERE id = ?', [addDays(input.fromDate, -1), version.id]);
      db.run(
        `INSERT INTO subscriptions (chain_id, subscriber_id, formula_id, depot_id, frequency, quantity, start_date, end_date, is_discovery,
           discovery_months, change_reason, capacity_override_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          input.chainId,
          chain.subscriberId,
          input.formulaId,
          input.depotId,
          input.frequency,
          input.quantity,
          input.fromDate,
          chain.endDate,
          first.is_discovery,
          first.discovery_months,
          input.reason,
          input.capacityOverrideReason,
          clock.now().toISOString(),
        ],
      );
    }
    return loadSubscription(db, input.chainId, clock.today());
  },
});

/** A temporary change of depot or formula for a date range; the subscription resumes after. */
export const subscriptionTemporaryChange = defineHandler({
  name: 'subscription-temporary-change',
  input: temporaryChangeInput,
  labels: SUBSCRIPTION_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const chain = loadSubscription(db, input.chainId, clock.today());
    if (input.depotId === null && input.formulaId === null) throw new ValidationError('Choisissez un autre dépôt ou une autre formule pour la période.');
    if (input.toDate < input.fromDate) throw ValidationError.field('toDate', 'La fin de la période précède son début.');
    if (input.fromDate < chain.startDate || (chain.endDate !== null && input.toDate > chain.endDate)) {
      throw ValidationError.field('fromDate', `La période doit tenir dans l’abonnement (du ${fr(chain.startDate)} ${chain.endDate ? `au ${fr(chain.endDate)}` : 'sans fin'}).`);
    }
    assertAfterRecorded(db, input.chainId, input.fromDate, 'fromDate');
    const overlap = chain.temporaryChanges.find((t) => t.fromDate <= input.toDate && t.toDate >= input.fromDate);
    if (overlap) {
      throw ValidationError.field('fromDate', `Un changement temporaire couvre déjà du ${fr(overlap.fromDate)} au ${fr(overlap.toDate)} : les périodes ne peuvent pas se chevaucher.`);
    }
    if (input.depotId !== null) {
      const depot = db.get<{ name: string; archived_at: string | null }>('SELECT name, archived_at FROM depots WHERE id = ?', [input.depotId]);
      if (!depot || depot.archived_at) throw ValidationError.field('depotId', 'Choisissez un dépôt actif.');
    }
    if (input.formulaId !== null) {
      const formula = db.get<{ archived_at: string | null }>('SELECT archived_at FROM formulas WHERE id = ?', [input.formulaId]);
      if (!formula || formula.archived_at) throw ValidationError.field('formulaId', 'Choisissez une formule active.');
    }
    db.run('INSERT INTO subscription_overrides (chain_id, from_date, to_date, depot_id, formula_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      input.chainId,
      input.fromDate,
      input.toDate,
      input.depotId,
      input.formulaId,
      input.reason,
      clock.now().toISOString(),
    ]);
    return loadSubscription(db, input.chainId, clock.today());
  },
});

export const subscriptionTemporaryChangeDelete = defineHandler({
  name: 'subscription-temporary-change-delete',
  input: z.object({ id: idField }),
  mutates: true,
  run: ({ db, clock }, { id }) => {
    const row = db.get<{ chain_id: number; from_date: string }>('SELECT chain_id, from_date FROM subscription_overrides WHERE id = ?', [id]);
    if (!row) throw ValidationError.field('id', 'Changement temporaire introuvable.');
    const last = lastRecordedDay(db, row.chain_id);
    if (last !== null && row.from_date <= last) {
      throw new ConflictError('Ce changement temporaire a déjà servi à des livraisons enregistrées : il ne peut plus être supprimé.');
    }
    db.run('DELETE FROM subscription_overrides WHERE id = ?', [id]);
    return loadSubscription(db, row.chain_id, clock.today());
  },
});

function endChain(db: Db, chainId: number, endDate: IsoDate, reason: string): void {
  db.run('DELETE FROM subscriptions WHERE chain_id = ? AND start_date > ?', [chainId, endDate]);
  db.run('DELETE FROM subscription_overrides WHERE chain_id = ? AND from_date > ?', [chainId, endDate]);
  db.run('UPDATE subscription_overrides SET to_date = ? WHERE chain_id = ? AND to_date > ?', [endDate, chainId, endDate]);
  db.run(
    `UPDATE subscriptions SET end_date = ?, end_reason = ?
     WHERE chain_id = ? AND start_date = (SELECT max(start_date) FROM subscriptions WHERE chain_id = ?)`,
    [endDate, reason, chainId, chainId],
  );
}

/** Résiliation at any date (the letter: subscriptions renew continuously, end at any time). */
export const subscriptionEnd = defineHandler({
  name: 'subscription-end',
  input: subscriptionEndInput,
  labels: SUBSCRIPTION_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const chain = loadSubscription(db, input.chainId, clock.today());
    if (input.endDate < chain.startDate) {
      throw ValidationError.field('endDate', `L’abonnement commence le ${fr(chain.startDate)} : pour l’annuler avant son début, supprimez-le.`);
    }
    const last = lastRecordedDay(db, input.chainId);
    if (last !== null && input.endDate < last) {
      throw ValidationError.field('endDate', `Des livraisons sont enregistrées jusqu’au ${fr(last)} : la fin ne peut pas être antérieure.`);
    }
    endChain(db, input.chainId, input.endDate, input.reason);
    return loadSubscription(db, input.chainId, clock.today());
  },
});

/** Removes a subscription entered by mistake: only when nothing was ever recorded for it. */
export const subscriptionDelete = defineHandler({
  name: 'subscription-delete',
  input: z.object({ chainId: idField }),
  mutates: true,
  run: ({ db, clock }, { chainId }) => {
    loadSubscription(db, chainId, clock.today());
    if (lastRecordedDay(db, chainId) !== null) {
      throw new ConflictError('Des livraisons sont enregistrées pour cet abonnement : terminez-le au lieu de le supprimer.');
    }
    db.run('DELETE FROM subscription_overrides WHERE chain_id = ?', [chainId]);
    db.run('DELETE FROM discovery_renewals WHERE chain_id = ?', [chainId]);
    db.run('DELETE FROM subscriptions WHERE chain_id = ? AND id != ?', [chainId, chainId]);
    db.run('DELETE FROM subscriptions WHERE id = ?', [chainId]);
    return { chainId };
  },
});

/** A Découverte renewal needs the CCAS's agreement, recorded with it (the letter). */
export const discoveryRenew = defineHandler({
  name: 'discovery-renew',
  input: discoveryRenewInput,
  labels: SUBSCRIPTION_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const chain = loadSubscription(db, input.chainId, clock.today());
    if (!chain.isDiscovery) throw new ValidationError('Seule une offre Découverte se renouvelle avec l’accord du CCAS.');
    if (chain.endDate === null) throw new ValidationError('Cette offre Découverte n’a pas de fin (salarié) : rien à renouveler.');
    const newEnd = discoveryEnd(addDays(chain.endDate as IsoDate, 1), input.months);
    db.run(
      `UPDATE subscriptions SET end_date = ? WHERE chain_id = ? AND start_date = (SELECT max(start_date) FROM subscriptions WHERE chain_id = ?)`,
      [newEnd, input.chainId, input.chainId],
    );
    db.run(
      `INSERT INTO discovery_renewals (chain_id, previous_end_date, new_end_date, ccas_reference, ccas_agreed_on, agreed_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [input.chainId, chain.endDate, newEnd, input.ccasReference, input.ccasAgreedOn, input.agreedBy, clock.now().toISOString()],
    );
    return loadSubscription(db, input.chainId, clock.today());
  },
});

/** Découverte offers ending within the next weeks, for the CCAS renewal to ask for. */
export const discoveryEndingList = defineHandler({
  name: 'discovery-ending-list',
  input: z.object({ weeks: z.number().int().min(1).max(52).default(4) }),
  mutates: false,
  run: ({ db, clock }, { weeks }) => {
    const today = clock.today();
    return discoveryEndingChains(db, today, weeks).map((chainId) => loadSubscription(db, chainId, today));
  },
});

/**
 * The chains of `discovery-ending-list`, soonest end first: the dashboard counts them and loads
 * only a lone one. Only chains with a Découverte version are grouped (a few among thousands).
 */
export function discoveryEndingChains(db: Db, today: IsoDate, weeks: number): number[] {
  return db
    .all<{ chain_id: number }>(
      `SELECT chain_id FROM subscriptions v WHERE chain_id IN (SELECT chain_id FROM subscriptions WHERE is_discovery = 1) GROUP BY chain_id
       HAVING max(is_discovery) = 1 AND max(coalesce(end_date, '9999-12-31')) BETWEEN ? AND ?
       ORDER BY max(end_date)`,
      [today, addDays(today, weeks * 7 - 1)],
    )
    .map((row) => row.chain_id);
}
