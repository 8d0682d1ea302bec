import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../api/errors';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';
import { formatDateShortFr, type IsoDate } from '../dates/dates';
import { cents, type Cents } from '../money/money';
import { idField } from '../validation/fields';
import {
  FORMULA_LABELS,
  formulaCreateInput,
  formulaPriceInput,
  formulaUpdateInput,
  FREQUENCIES,
  type Formula,
  type Frequency,
} from './formulas';

interface FormulaRow {
  id: number;
  code: string;
  name: string;
  description: string;
  vat_rate_bp: number;
  quarterly_flat_cents: number | null;
  is_social: number;
  base_formula_id: number | null;
  available_from_month: number | null;
  available_to_month: number | null;
  frequencies: string;
  archived_at: string | null;
}

function parseFrequencies(text: string): Frequency[] {
  return text.split(',').filter((f): f is Frequency => (FREQUENCIES as readonly string[]).includes(f));
}

/** Price per delivery in force on `day` (the newest price whose start is not after it). */
export function priceAt(db: Db, formulaId: number, day: IsoDate): Cents | null {
  const row = db.get<{ price_cents: number }>(
    'SELECT price_cents FROM formula_prices WHERE formula_id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1',
    [formulaId, day],
  );
  return row ? cents(row.price_cents) : null;
}

function formulaFromDb(db: Db, row: FormulaRow, today: IsoDate): Formula {
  const prices = db
    .all<{ valid_from: string; price_cents: number }>('SELECT valid_from, price_cents FROM formula_prices WHERE formula_id = ? ORDER BY valid_from', [row.id])
    .map((p) => ({ validFrom: p.valid_from, priceCents: cents(p.price_cents) }));
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    vatRateBp: row.vat_rate_bp,
    quarterlyFlatCents: row.quarterly_flat_cents === null ? null : cents(row.quarterly_flat_cents),
    isSocial: row.is_social === 1,
    baseFormulaId: row.base_formula_id,
    availableFromMonth: row.available_from_month,
    availableToMonth: row.available_to_month,
    frequencies: parseFrequencies(row.frequencies),
    archivedAt: row.archived_at,
    currentPriceCents: priceAt(db, row.id, today),
    prices,
  };
}

export function getFormula(db: Db, id: number, today: IsoDate): Formula {
  const row = db.get<FormulaRow>('SELECT * FROM formulas WHERE id = ?', [id]);
  if (!row) throw new NotFoundError(`Formule introuvable (n° ${id}).`);
  return formulaFromDb(db, row, today);
}

type FormulaFields = z.output<typeof formulaUpdateInput>;

function assertFormula(db: Db, input: Omit<FormulaFields, 'id'>, exceptId: number | null): void {
  const clash = db.get('SELECT id FROM formulas WHERE lower(code) = lower(?) AND id IS NOT ?', [input.code, exceptId]);
  if (clash) throw ValidationError.field('code', `Le code « ${input.code} » est déjà pris par une autre formule.`);
  if (input.baseFormulaId !== null) {
    const base = db.get<{ is_social: number }>('SELECT is_social FROM formulas WHERE id = ?', [input.baseFormulaId]);
    if (!base || input.baseFormulaId === exceptId) throw ValidationError.field('baseFormulaId', 'Formule de référence introuvable.');
    if (base.is_social) throw ValidationError.field('baseFormulaId', 'La formule de référence ne peut pas être elle-même un tarif social.');
  }
}

function formulaParams(input: Omit<FormulaFields, 'id'>) {
  return {
    ':code': input.code,
    ':name': input.name,
    ':description': input.description,
    ':vat_rate_bp': input.vatRateBp,
    ':quarterly_flat_cents': input.quarterlyFlatCents,
    ':is_social': input.isSocial ? 1 : 0,
    ':base_formula_id': input.baseFormulaId,
    ':available_from_month': input.availableFromMonth,
    ':available_to_month': input.availableToMonth,
    ':frequencies': FREQUENCIES.filter((f) => input.frequencies.includes(f)).join(','),
  };
}

export const formulaList = defineHandler({
  name: 'formula-list',
  input: z.object({ includeArchived: z.boolean().default(false) }),
  mutates: false,
  run: ({ db, clock }, { includeArchived }) =>
    db
      .all<FormulaRow>(`SELECT * FROM formulas ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY is_social, name`)
      .map((row) => formulaFromDb(db, row, clock.today())),
});

export const formulaGet = defineHandler({
  name: 'formula-get',
  input: z.object({ id: idField }),
  mutates: false,
  run: ({ db, clock }, { id }) => getFormula(db, id, clock.today()),
});

export const formulaCreate = defineHandler({
  name: 'formula-create',
  input: formulaCreateInput,
  labels: FORMULA_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    assertFormula(db, input, null);
    const params = formulaParams(input);
    const { lastInsertRowid } = db.run(
      `INSERT INTO formulas (${Object.keys(params).map((k) => k.slice(1)).join(', ')}) VALUES (${Object.keys(params).join(', ')})`,
      params,
    );
    db.run('INSERT INTO formula_prices (formula_id, valid_from, price_cents) VALUES (?, ?, ?)', [lastInsertRowid, input.priceFrom, input.priceCents]);
    return getFormula(db, lastInsertRowid, clock.today());
  },
});

export const formulaUpdate = defineHandler({
  name: 'formula-update',
  input: formulaUpdateInput,
  labels: FORMULA_LABELS,
  mutates: true,
  run: ({ db, clock }, input) => {
    const current = getFormula(db, input.id, clock.today());
    if (current.archivedAt) throw new ConflictError('Cette formule est archivée : réactivez-la avant de la modifier.');
    assertFormula(db, input, input.id);
    const params = formulaParams(input);
    db.run(`UPDATE formulas SET ${Object.keys(params).map((k) => `${k.slice(1)} = ${k}`).join(', ')} WHERE id = :id`, {
      ...params,
      ':id': input.id,
    });
    return getFormula(db, input.id, clock.today());
  },
});

/**
 * A price change from a date. Delivery records carry the price they were made at, so past
 * deliveries keep theirs; a price for a date that already has one replaces it.
 */
export const formulaPriceSet = defineHandler({
  name: 'formula-price-set',
  input: formulaPriceInput,
  labels: FORMULA_LABELS,
  mutates: true,
  run: ({ db, clock }, { formulaId, validFrom, priceCents }) => {
    getFormula(db, formulaId, clock.today());
    const delivered = db.get<{ last: string | null }>('SELECT max(delivery_date) AS last FROM deliveries WHERE formula_id = ?', [formulaId]);
    if (delivered?.last && validFrom <= delivered.last) {
      throw ValidationError.field(
        'validFrom',
        `Des livraisons sont déjà enregistrées jusqu’au ${formatDateShortFr(delivered.last as IsoDate)} à l’ancien prix : le nouveau prix doit commencer après.`,
      );
    }
    db.run(
      `INSERT INTO formula_prices (formula_id, valid_from, price_cents) VALUES (?, ?, ?)
       ON CONFLICT (formula_id, valid_from) DO UPDATE SET price_cents = excluded.price_cents`,
      [formulaId, validFrom, priceCents],
    );
    return getFormula(db, formulaId, clock.today());
  },
});

export const formulaArchive = defineHandler({
  name: 'formula-archive',
  input: z.object({ id: idField, archived: z.boolean() }),
  mutates: true,
  run: ({ db, clock }, { id, archived }) => {
    const formula = getFormula(db, id, clock.today());
    if (archived) {
      const open = db.get<{ n: number }>(
        'SELECT count(*) AS n FROM subscriptions WHERE formula_id = ? AND (end_date IS NULL OR end_date >= ?)',
        [id, clock.today()],
      );
      if (open && open.n > 0) {
        throw new ValidationError(`La formule ${formula.name} a encore ${open.n} abonnement(s) en cours : terminez-les ou changez-les de formule d’abord.`);
      }
    }
    db.run('UPDATE formulas SET archived_at = ? WHERE id = ?', [archived ? clock.now().toISOString() : null, id]);
    return getFormula(db, id, clock.today());
  },
});
