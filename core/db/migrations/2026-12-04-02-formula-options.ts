/** Formulas: the frequencies a formula is offered at, and the social variant's base formula. */
export const up = /* sql */ `
ALTER TABLE formulas ADD COLUMN frequencies TEXT NOT NULL DEFAULT 'weekly,biweekly_even,biweekly_odd,monthly';
ALTER TABLE formulas ADD COLUMN base_formula_id INTEGER REFERENCES formulas(id);
ALTER TABLE formulas ADD COLUMN description TEXT NOT NULL DEFAULT '';
`;
