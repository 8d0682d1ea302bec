import type { Db } from '../db/database';
import { foldText } from '../text/fold';

/** The subscribers already in the database, indexed as an import recognises them. */
export interface KnownPerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  postcode: string;
  externalRef: string;
  hasOpening: boolean;
}

export const nameKey = (lastName: string, firstName: string) => `${foldText(lastName)}|${foldText(firstName)}`;

/** « Morvan Ewen (n° 123) »: how the report names a person. */
export function personLabel(p: { lastName: string; firstName: string; externalRef?: string }): string {
  const name = [p.lastName, p.firstName].filter(Boolean).join(' ');
  return p.externalRef ? `${name} (n° ${p.externalRef})` : name;
}

export class PeopleIndex {
  readonly byRef = new Map<string, KnownPerson>();
  readonly byName = new Map<string, KnownPerson[]>();

  add(p: KnownPerson): void {
    if (p.externalRef !== '') this.byRef.set(p.externalRef.toLowerCase(), p);
    const key = nameKey(p.lastName, p.firstName);
    const list = this.byName.get(key);
    if (list) list.push(p);
    else this.byName.set(key, [p]);
  }

  /** Same name and the same e-mail or postcode: the rule for a duplicate person. */
  duplicateOf(lastName: string, firstName: string, email: string, postcode: string): KnownPerson | undefined {
    const mail = foldText(email);
    return this.byName.get(nameKey(lastName, firstName))?.find((p) => (mail !== '' && foldText(p.email) === mail) || (postcode !== '' && p.postcode === postcode));
  }

  /**
   * The subscriber a line speaks of: by member number when given, else by name (and postcode
   * when given, to tell namesakes apart). An ambiguous name is an answer of its own.
   */
  find(ref: string, lastName: string, firstName: string, postcode = ''): KnownPerson | 'ambiguous' | undefined {
    if (ref !== '') return this.byRef.get(ref.toLowerCase());
    if (lastName === '') return undefined;
    let candidates = this.byName.get(nameKey(lastName, firstName)) ?? [];
    if (postcode !== '') candidates = candidates.filter((p) => p.postcode === postcode);
    if (candidates.length > 1) return 'ambiguous';
    return candidates[0];
  }
}

export function loadPeople(db: Db): PeopleIndex {
  const index = new PeopleIndex();
  db.withStatement(
    `SELECT s.id, s.first_name, s.last_name, s.email, s.postcode, s.external_ref,
       EXISTS (SELECT 1 FROM ledger_entries e WHERE e.subscriber_id = s.id AND e.kind = 'opening_balance') AS has_opening
     FROM subscribers s`,
    (stmt) =>
      stmt.each<{ id: number; first_name: string; last_name: string; email: string; postcode: string; external_ref: string; has_opening: number }>(undefined, (r) => {
        index.add({ id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, postcode: r.postcode, externalRef: r.external_ref, hasOpening: r.has_opening === 1 });
      }),
  );
  return index;
}

/** Depots and formulas by name or code, accents and case ignored (« queven » finds Quéven). */
export interface CatalogueEntry {
  id: number;
  name: string;
  archived: boolean;
  frequencies: readonly string[];
  capacity: number | null;
}

export function loadCatalogue(db: Db): { depots: Map<string, CatalogueEntry>; formulas: Map<string, CatalogueEntry> } {
  const depots = new Map<string, CatalogueEntry>();
  for (const d of db.all<{ id: number; name: string; archived_at: string | null; capacity: number | null }>('SELECT id, name, archived_at, capacity FROM depots ORDER BY archived_at IS NOT NULL DESC, id DESC')) {
    // Active entries are set last so they win over an archived namesake.
    depots.set(foldText(d.name), { id: d.id, name: d.name, archived: d.archived_at !== null, frequencies: [], capacity: d.capacity });
  }
  const formulas = new Map<string, CatalogueEntry>();
  for (const f of db.all<{ id: number; code: string; name: string; archived_at: string | null; frequencies: string }>(
    'SELECT id, code, name, archived_at, frequencies FROM formulas ORDER BY archived_at IS NOT NULL DESC, id DESC',
  )) {
    const entry = { id: f.id, name: f.name, archived: f.archived_at !== null, frequencies: f.frequencies.split(','), capacity: null };
    formulas.set(foldText(f.code), entry);
    formulas.set(foldText(f.name), entry);
  }
  return { depots, formulas };
}
