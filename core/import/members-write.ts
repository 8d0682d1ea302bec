import type { Db } from '../db/database';
import type { IsoDate } from '../dates/dates';
import type { Frequency } from '../formulas/formulas';
import { withLedgerWriter } from '../ledger/chain';
import { generateRum } from '../subscribers/subscriber-handlers';
import { subscriberToDb } from '../subscribers/subscriber-rows';
import type { SubscriberFields } from '../subscribers/subscribers';

export interface NewSubscription {
  formulaId: number;
  formulaName: string;
  depotId: number;
  depotName: string;
  frequency: Frequency;
  quantity: number;
  startDate: IsoDate;
}

/** A checked line of a members file, ready to be written. */
export interface NewMember {
  line: number;
  fields: SubscriberFields;
  externalRef: string;
  subscription: NewSubscription | null;
  balanceCents: number;
}

/** The label ledger-opening-balance-set writes, so both ways of entering a balance read alike. */
export const openingLabel = (amount: number) => (amount > 0 ? 'Solde d’ouverture (avance)' : 'Solde d’ouverture (dû)');

/** Opening balances at the cut-over date (the letter: a credit is an advance, a debt is carried forward). */
export function writeOpenings(db: Db, openings: readonly { subscriberId: number; amountCents: number }[], date: IsoDate, now: string): void {
  if (!openings.some((o) => o.amountCents !== 0)) return;
  withLedgerWriter(db, now, (writer) => {
    for (const o of openings) {
      if (o.amountCents === 0) continue;
      writer.append({ subscriberId: o.subscriberId, date, kind: 'opening_balance', amountCents: o.amountCents, label: openingLabel(o.amountCents), sourceType: 'opening' });
    }
  });
}

/**
 * Writes the subscribers, their subscriptions and opening balances in one pass with prepared
 * statements (10,000 members in a few seconds). Ids are taken in order so the generated RUM
 * (`PAN-000123`, as subscriber-create makes it) is known before the row is written. A
 * subscription is the first version of its own chain, as subscription-create writes it.
 */
export function writeMembers(db: Db, plan: { importId: number; now: string; members: readonly NewMember[]; takenRums: Set<string>; openingDate: IsoDate | null }): void {
  const { members, now } = plan;
  if (members.length === 0) return;
  let nextId = (db.get<{ m: number | null }>('SELECT max(id) AS m FROM subscribers')?.m ?? 0) + 1;
  const ids: number[] = [];
  const columns = [':id', ...Object.keys(subscriberToDb(members[0]!.fields)), ':import_id', ':external_ref', ':created_at'];
  db.withStatement(`INSERT INTO subscribers (${columns.map((c) => c.slice(1)).join(', ')}) VALUES (${columns.join(', ')})`, (insert) => {
    for (const m of members) {
      const id = nextId++;
      ids.push(id);
      let fields = m.fields;
      if (fields.paymentMethod === 'sepa' && fields.mandateRum === '') {
        const rum = generateRum(id, (candidate) => plan.takenRums.has(candidate));
        plan.takenRums.add(rum);
        fields = { ...fields, mandateRum: rum };
      }
      insert.run({ ...subscriberToDb(fields), ':id': id, ':import_id': plan.importId, ':external_ref': m.externalRef, ':created_at': now });
    }
  });
  let nextSubscription = (db.get<{ m: number | null }>('SELECT max(id) AS m FROM subscriptions')?.m ?? 0) + 1;
  db.withStatement(
    `INSERT INTO subscriptions (id, chain_id, subscriber_id, formula_id, depot_id, frequency, quantity, start_date, end_date, is_discovery,
       discovery_months, capacity_override_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, '', ?)`,
    (insert) => {
      members.forEach((m, i) => {
        const s = m.subscription;
        if (!s) return;
        const id = nextSubscription++;
        insert.run([id, id, ids[i]!, s.formulaId, s.depotId, s.frequency, s.quantity, s.startDate, now]);
      });
    },
  );
  if (plan.openingDate !== null) {
    writeOpenings(
      db,
      members.map((m, i) => ({ subscriberId: ids[i]!, amountCents: m.balanceCents })),
      plan.openingDate,
      now,
    );
  }
}
