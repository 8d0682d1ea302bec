import type { z } from 'zod';
import type { Db } from '../db/database';
import type { SubscriberRow } from '../subscribers/subscriber-rows';
import { subscriberSearchText } from '../subscribers/subscriber-rows';
import { optionalEmail, optionalPhone, postcodeField, trimmed } from '../validation/fields';
import type { ImportReportLine } from './import-report-types';
import { loadPeople, personLabel } from './import-match';
import { emptyCounts, emptyTotals, type ImportAnalysis, type LineReader } from './import-plan';
import type { SourceLine } from './import-source';

/** The contact details a re-import may change; nothing else of a subscriber is touched. */
const CONTACT: Record<string, { column: keyof SubscriberRow; label: string; schema: z.ZodType<string> }> = {
  addressLine1: { column: 'address_line1', label: 'adresse', schema: trimmed(200) },
  addressLine2: { column: 'address_line2', label: 'complément d’adresse', schema: trimmed(200) },
  postcode: { column: 'postcode', label: 'code postal', schema: postcodeField },
  city: { column: 'city', label: 'ville', schema: trimmed(100) },
  phone: { column: 'phone', label: 'téléphone', schema: optionalPhone },
  phone2: { column: 'phone2', label: 'portable', schema: optionalPhone },
  email: { column: 'email', label: 'e-mail', schema: optionalEmail },
};
const LABEL_OF = new Map(Object.values(CONTACT).map((c) => [c.column as string, c.label]));

interface ContactUpdate {
  id: number;
  changes: Partial<Record<keyof SubscriberRow, string>>;
}

/**
 * `update_contacts` mode: each line is matched to a subscriber (N° adhérent, else name and
 * postcode) and only its address, phones and e-mail are updated, from the non-empty cells (an
 * empty cell never erases what the office knows). Unmatched lines are reported and skipped.
 */
export function analyseContactUpdate(db: Db, reader: LineReader, lines: readonly SourceLine[]): ImportAnalysis {
  const people = loadPeople(db);
  const report: ImportReportLine[] = [];
  const updates: ContactUpdate[] = [];
  const counts = emptyCounts();
  for (const line of lines) {
    const n = line.line;
    const ref = reader.get(line, 'externalRef');
    const last = reader.get(line, 'lastName');
    const first = reader.get(line, 'firstName');
    const found = people.find(ref, last, first, reader.get(line, 'postcode'));
    const who = personLabel({ lastName: last, firstName: first, externalRef: ref });
    if (found === undefined || found === 'ambiguous') {
      const why = found === 'ambiguous' ? 'plusieurs adhérents portent ce nom avec ce code postal' : 'aucun adhérent ne correspond (N° adhérent, ou nom, prénom et code postal)';
      report.push({ line: n, outcome: 'refused', subscriber: who, detail: `Ligne ignorée : ${why}.` });
      continue;
    }
    const current = db.get<SubscriberRow>('SELECT * FROM subscribers WHERE id = ?', [found.id])!;
    const changes: ContactUpdate['changes'] = {};
    const before = reader.problems.length;
    for (const [field, { column, schema }] of Object.entries(CONTACT)) {
      const text = reader.get(line, field);
      if (text === '') continue;
      const parsed = schema.safeParse(text);
      if (!parsed.success) reader.problem(n, field, parsed.error.issues[0]?.message ?? 'Valeur invalide.');
      else if (parsed.data !== current[column]) changes[column] = parsed.data;
    }
    counts.subscribersMatched++;
    const label = personLabel({ lastName: current.last_name, firstName: current.first_name, externalRef: found.externalRef });
    if (reader.problems.length > before) {
      report.push({ line: n, outcome: 'refused', subscriber: label, detail: reader.problems.slice(before).map((p) => p.message).join(' ; ') });
    } else if (Object.keys(changes).length === 0) {
      report.push({ line: n, outcome: 'matched', subscriber: label, detail: 'Coordonnées inchangées.' });
    } else {
      updates.push({ id: found.id, changes });
      report.push({ line: n, outcome: 'updated', subscriber: label, detail: `Coordonnées mises à jour : ${Object.keys(changes).map((c) => LABEL_OF.get(c)).join(', ')}.` });
    }
  }
  return {
    problems: reader.problems,
    counts,
    balances: emptyTotals(),
    report,
    needsCutover: false,
    apply: () => {
      for (const u of updates) {
        const row = { ...db.get<SubscriberRow>('SELECT * FROM subscribers WHERE id = ?', [u.id])!, ...u.changes };
        const search = subscriberSearchText({
          firstName: row.first_name,
          lastName: row.last_name,
          email: row.email,
          phone: row.phone,
          phone2: row.phone2,
          phone3: row.phone3,
          city: row.city,
          postcode: row.postcode,
          mandateRum: row.mandate_rum,
        });
        const sets = Object.keys(u.changes).map((c) => `${c} = ?`);
        db.run(`UPDATE subscribers SET ${sets.join(', ')}, search_text = ? WHERE id = ?`, [...Object.values(u.changes), search, u.id] as string[]);
      }
    },
  };
}
