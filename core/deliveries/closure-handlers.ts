import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateFr, type IsoDate } from '../dates/dates';
import { addCents, multiplyCents, ZERO, type Cents } from '../money/money';
import { idField, isoDateField, requiredText } from '../validation/fields';
import { planDeliveries, type ClosureSpec, type PlannedBasket } from './plan';
import { compareFr } from '../text/collate';

export const CLOSURE_SCOPES = ['organisation', 'garden', 'depot'] as const;

const closureInput = z.object({
  scope: z.enum(CLOSURE_SCOPES, 'Choisissez ce qui ferme : toute l’association, un jardin ou un dépôt.'),
  gardenId: idField.nullable(),
  depotId: idField.nullable(),
  fromDate: isoDateField('Date de début invalide.'),
  toDate: isoDateField('Date de fin invalide.'),
  label: requiredText(200, 'Indiquez un libellé (exemple : Coupure annuelle de Pont-Scorff).'),
});

const LABELS = { scope: 'Portée', gardenId: 'Jardin', depotId: 'Dépôt', fromDate: 'Du', toDate: 'Au', label: 'Libellé' };

export interface ClosureImpact {
  depots: { id: number; name: string; gardenName: string }[];
  dates: string[];
  subscribers: { id: number; name: string; email: string; phone: string; baskets: number }[];
  basketsRemoved: number;
  /** What those baskets would have billed. */
  amountCents: Cents;
}

function toSpec(db: Db, input: z.output<typeof closureInput>): ClosureSpec {
  if (input.toDate < input.fromDate) throw ValidationError.field('toDate', 'La fin de la fermeture précède son début.');
  if (input.scope === 'garden') {
    if (input.gardenId === null || !db.get('SELECT 1 FROM gardens WHERE id = ?', [input.gardenId])) throw ValidationError.field('gardenId', 'Choisissez le jardin qui ferme.');
  }
  if (input.scope === 'depot') {
    if (input.depotId === null || !db.get('SELECT 1 FROM depots WHERE id = ?', [input.depotId])) throw ValidationError.field('depotId', 'Choisissez le dépôt qui ferme.');
  }
  return {
    scope: input.scope,
    garden_id: input.scope === 'garden' ? input.gardenId : null,
    depot_id: input.scope === 'depot' ? input.depotId : null,
    from_date: input.fromDate,
    to_date: input.toDate,
    label: input.label,
  };
}

/** What a closure removes: the baskets due that it turns into closure baskets. */
function impactOf(before: readonly PlannedBasket[], after: readonly PlannedBasket[], closureId: number | undefined): ClosureImpact {
  const wasDue = new Set(before.filter((b) => b.status === 'expected').map((b) => `${b.chainId}|${b.scheduledDate}`));
  const removed = after.filter((b) => b.status === 'closure' && (closureId === undefined || b.closureId === closureId) && wasDue.has(`${b.chainId}|${b.scheduledDate}`));
  const depots = new Map<number, ClosureImpact['depots'][number]>();
  const subscribers = new Map<number, ClosureImpact['subscribers'][number]>();
  let amount: Cents = ZERO;
  for (const b of removed) {
    depots.set(b.depotId, { id: b.depotId, name: b.depotName, gardenName: b.gardenName });
    const s = subscribers.get(b.subscriberId) ?? { id: b.subscriberId, name: b.subscriberName, email: b.email, phone: b.phone, baskets: 0 };
    s.baskets += b.quantity;
    subscribers.set(b.subscriberId, s);
    if (b.unitPriceCents !== null) amount = addCents(amount, multiplyCents(b.unitPriceCents, b.quantity));
  }
  return {
    depots: [...depots.values()].sort((a, b) => compareFr(a.name, b.name)),
    dates: [...new Set(removed.map((b) => b.date))].sort(),
    subscribers: [...subscribers.values()].sort((a, b) => compareFr(a.name, b.name)),
    basketsRemoved: removed.reduce((n, b) => n + b.quantity, 0),
    amountCents: amount,
  };
}

function assertNotRecorded(db: Db, from: string, to: string): void {
  const recorded = db.get<{ first: string | null }>('SELECT min(delivery_date) AS first FROM delivery_days WHERE delivery_date BETWEEN ? AND ?', [from, to]);
  if (recorded?.first) {
    throw ValidationError.field('fromDate', `Les livraisons du ${formatDateFr(recorded.first as IsoDate)} sont déjà validées : une fermeture ne peut plus les retirer.`);
  }
}

/** Before saving: which depots, dates and subscribers a closure affects, and what it stops billing. */
export const closurePreview = defineHandler({
  name: 'closure-preview',
  input: closureInput,
  labels: LABELS,
  mutates: false,
  run: ({ db }, input) => {
    const spec = toSpec(db, input);
    const before = planDeliveries(db, { from: spec.from_date as IsoDate, to: spec.to_date as IsoDate });
    const after = planDeliveries(db, { from: spec.from_date as IsoDate, to: spec.to_date as IsoDate, extraClosures: [{ ...spec, id: -1 }] });
    return impactOf(before, after, -1);
  },
});

export const closureCreate = defineHandler({
  name: 'closure-create',
  input: closureInput,
  labels: LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const spec = toSpec(db, input);
    assertNotRecorded(db, spec.from_date, spec.to_date);
    const { lastInsertRowid } = db.run(
      'INSERT INTO closures (scope, garden_id, depot_id, from_date, to_date, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [spec.scope, spec.garden_id, spec.depot_id, spec.from_date, spec.to_date, spec.label, clock.now().toISOString()],
    );
    return { id: lastInsertRowid };
  },
});

interface ClosureRow {
  id: number;
  scope: (typeof CLOSURE_SCOPES)[number];
  garden_id: number | null;
  depot_id: number | null;
  from_date: string;
  to_date: string;
  label: string;
  created_at: string;
  target: string | null;
}

export const closureList = defineHandler({
  name: 'closure-list',
  input: z.object({ from: isoDateField().optional() }),
  mutates: false,
  run: ({ db }, { from }) =>
    db
      .all<ClosureRow>(
        `SELECT c.*, coalesce(g.name, d.name) AS target FROM closures c
         LEFT JOIN gardens g ON g.id = c.garden_id LEFT JOIN depots d ON d.id = c.depot_id
         ${from ? 'WHERE c.to_date >= :from' : ''} ORDER BY c.from_date`,
        from ? { ':from': from } : undefined,
      )
      .map((c) => ({
        id: c.id,
        scope: c.scope,
        gardenId: c.garden_id,
        depotId: c.depot_id,
        target: c.scope === 'organisation' ? 'Toute l’association' : (c.target ?? ''),
        fromDate: c.from_date,
        toDate: c.to_date,
        label: c.label,
        createdAt: c.created_at,
      })),
});

/** The subscribers a saved closure affects, with their emails, to notify them. */
export const closureAffected = defineHandler({
  name: 'closure-affected',
  input: z.object({ id: idField }),
  mutates: false,
  run: ({ db }, { id }) => {
    const row = db.get<ClosureRow>('SELECT * FROM closures WHERE id = ?', [id]);
    if (!row) throw new NotFoundError('Fermeture introuvable.');
    const range = { from: row.from_date as IsoDate, to: row.to_date as IsoDate };
    const without = planDeliveries(db, { ...range, excludeClosureIds: [id] });
    return impactOf(without, planDeliveries(db, range), id);
  },
});


export const closureDelete = defineHandler({
  name: 'closure-delete',
  input: z.object({ id: idField }),
  mutates: true,
  run: ({ db }, { id }) => {
    const row = db.get<ClosureRow>('SELECT * FROM closures WHERE id = ?', [id]);
    if (!row) throw new NotFoundError('Fermeture introuvable.');
    const recorded = db.get('SELECT 1 FROM delivery_days WHERE delivery_date BETWEEN ? AND ? LIMIT 1', [row.from_date, row.to_date]);
    if (recorded) throw new ConflictError('Des livraisons de cette période sont déjà validées : la fermeture ne peut plus être supprimée.');
    db.run('DELETE FROM closures WHERE id = ?', [id]);
    return { id };
  },
});
