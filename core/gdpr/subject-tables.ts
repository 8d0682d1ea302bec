import { fecAmount } from '../accounting/fec';
import { csvDate } from '../accounting/accounting-csv';
import type { Db } from '../db/database';
import { fromLocalDate, type IsoDate } from '../dates/dates';
import { RECORD_STATUS_LABELS, type RecordStatus } from '../deliveries/closing-handlers';
import { toCsv, type CsvColumn } from '../export/csv';
import { FREQUENCY_LABELS, type Frequency } from '../formulas/formulas';
import { loadSubscription } from '../subscriptions/subscription-store';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../subscribers/subscribers';

/**
 * The CSV files of a subscriber's data export (GDPR art. 15 and 20): one file per kind of
 * record, every row scoped to this subscriber by its `subscriber_id` (or their subscriptions'
 * chains). Dates as a French spreadsheet reads them, amounts with a decimal comma; the IBAN
 * in full: it is the person's own data.
 */

const date = (d: string | null | undefined) => (d ? csvDate(d) : '');
/** An instant (`2026-12-04T09:30:00.000Z`) by its day: the time adds nothing for the person. */
// An instant is stored in UTC; the office reads the day of its own clock.
const instant = (t: string | null | undefined) => (t ? csvDate(fromLocalDate(new Date(t))) : '');
const euros = (c: number | null | undefined) => (c === null || c === undefined ? '' : fecAmount(c));
const yesNo = (v: number | boolean) => (v ? 'oui' : 'non');

/** Every column of `subscribers` a person can be told about; `search_text` is derived from them. */
export const IDENTITY_FIELDS: readonly { column: string; label: string; value?: (v: unknown, row: Record<string, unknown>) => string }[] = [
  { column: 'id', label: 'N° d’adhérent' },
  { column: 'external_ref', label: 'N° dans l’ancien logiciel' },
  { column: 'kind', label: 'Type', value: (v) => (v === 'organisation' ? 'Organisme' : 'Personne') },
  { column: 'civility', label: 'Civilité' },
  { column: 'first_name', label: 'Prénom' },
  { column: 'last_name', label: 'Nom' },
  { column: 'address_line1', label: 'Adresse' },
  { column: 'address_line2', label: 'Complément d’adresse' },
  { column: 'postcode', label: 'Code postal' },
  { column: 'city', label: 'Ville' },
  { column: 'phone', label: 'Téléphone' },
  { column: 'phone2', label: 'Téléphone 2' },
  { column: 'phone3', label: 'Téléphone 3' },
  { column: 'email', label: 'E-mail' },
  { column: 'birth_date', label: 'Date de naissance', value: (v) => date(v as string | null) },
  { column: 'notes', label: 'Notes' },
  { column: 'is_employee', label: 'Salarié de l’association', value: (v) => yesNo(v as number) },
  { column: 'is_supporter', label: 'Soutien (adhérent sans panier)', value: (v) => yesNo(v as number) },
  { column: 'membership_exempt', label: 'Exonéré de cotisation', value: (v) => yesNo(v as number) },
  { column: 'membership_type_id', label: 'Type de cotisation', value: (_, row) => String(row.membership_type_name ?? '') },
  { column: 'payment_method', label: 'Mode de règlement', value: (v) => PAYMENT_METHOD_LABELS[v as PaymentMethod] },
  { column: 'iban', label: 'IBAN' },
  { column: 'bic', label: 'BIC' },
  { column: 'mandate_rum', label: 'Référence du mandat (RUM)' },
  { column: 'mandate_signed_on', label: 'Mandat signé le', value: (v) => date(v as string | null) },
  { column: 'mandate_revoked_on', label: 'Mandat révoqué le', value: (v) => date(v as string | null) },
  { column: 'import_id', label: 'Repris du fichier d’import n°' },
  { column: 'created_at', label: 'Fiche créée le', value: (v) => instant(v as string) },
  { column: 'archived_at', label: 'Fiche archivée le', value: (v) => instant(v as string | null) },
];

interface Pair {
  field: string;
  value: string;
}

/** One row per field (« Champ ; Valeur »): one person reads down a column, not across 29. */
export function identityCsv(db: Db, subscriberId: number): string {
  const row = db.get<Record<string, unknown>>(
    'SELECT s.*, m.label AS membership_type_name FROM subscribers s LEFT JOIN membership_types m ON m.id = s.membership_type_id WHERE s.id = ?',
    [subscriberId],
  )!;
  const pairs = IDENTITY_FIELDS.map((f): Pair => {
    const raw = row[f.column];
    return { field: f.label, value: f.value ? f.value(raw, row) : raw === null || raw === undefined ? '' : String(raw) };
  });
  return toCsv<Pair>([{ header: 'Champ', value: (p) => p.field }, { header: 'Valeur', value: (p) => p.value }], pairs);
}

/** A CSV, or null when the subscriber has no such record (the file is then left out of the zip). */
type Table = string | null;
const table = <R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): Table => (rows.length === 0 ? null : toCsv(columns, rows));

interface SubscriptionRow {
  chainId: number;
  line: string;
  from: string;
  to: string | null;
  formula: string;
  depot: string;
  frequency: string;
  quantity: number | null;
  reason: string;
  recordedAt: string;
}

export function subscriptionsCsv(db: Db, subscriberId: number, today: IsoDate): Table {
  const chains = db.all<{ chain_id: number }>('SELECT DISTINCT chain_id FROM subscriptions WHERE subscriber_id = ? ORDER BY chain_id', [subscriberId]);
  const rows = chains.flatMap(({ chain_id }): SubscriptionRow[] => {
    const s = loadSubscription(db, chain_id, today);
    const kind = s.isDiscovery ? `Découverte ${s.discoveryMonths ?? ''} mois`.replace('  ', ' ') : 'Abonnement';
    return [
      ...s.versions.map((v, i) => ({
        chainId: s.chainId,
        line: i === 0 ? kind : 'Modification',
        from: v.startDate,
        to: v.endDate,
        formula: v.formulaName,
        depot: v.depotName,
        frequency: FREQUENCY_LABELS[v.frequency as Frequency],
        quantity: v.quantity,
        reason: v.changeReason,
        recordedAt: v.createdAt,
      })),
      ...s.temporaryChanges.map((t) => ({ chainId: s.chainId, line: 'Changement temporaire', from: t.fromDate, to: t.toDate, formula: t.formulaName ?? '', depot: t.depotName ?? '', frequency: '', quantity: null, reason: t.reason, recordedAt: t.createdAt })),
      ...s.renewals.map((r) => ({ chainId: s.chainId, line: 'Renouvellement découverte', from: r.previousEndDate, to: r.newEndDate, formula: '', depot: '', frequency: '', quantity: null, reason: `Accord CCAS ${r.ccasReference} du ${date(r.ccasAgreedOn)} (${r.agreedBy})`, recordedAt: r.createdAt })),
      ...(s.endDate && s.endReason ? [{ chainId: s.chainId, line: 'Fin', from: s.endDate, to: null, formula: '', depot: '', frequency: '', quantity: null, reason: s.endReason, recordedAt: '' }] : []),
    ];
  });
  return table<SubscriptionRow>(
    [
      { header: 'Abonnement n°', value: (r) => r.chainId },
      { header: 'Ligne', value: (r) => r.line },
      { header: 'Du', value: (r) => date(r.from) },
      { header: 'Au', value: (r) => date(r.to) },
      { header: 'Formule', value: (r) => r.formula },
      { header: 'Dépôt', value: (r) => r.depot },
      { header: 'Fréquence', value: (r) => r.frequency },
      { header: 'Quantité', value: (r) => r.quantity },
      { header: 'Motif', value: (r) => r.reason },
      { header: 'Enregistré le', value: (r) => instant(r.recordedAt) },
    ],
    rows,
  );
}

export function deliveriesCsv(db: Db, subscriberId: number): Table {
  const rows = db.all<{ delivery_date: string; scheduled_date: string | null; formula: string; depot: string; quantity: number; unit_price_cents: number; status: RecordStatus; note: string }>(
    `SELECT d.delivery_date, d.scheduled_date, f.name AS formula, p.name AS depot, d.quantity, d.unit_price_cents, d.status, d.note
     FROM deliveries d JOIN formulas f ON f.id = d.formula_id JOIN depots p ON p.id = d.depot_id
     WHERE d.subscriber_id = ? ORDER BY d.delivery_date, d.id`,
    [subscriberId],
  );
  return table(
    [
      { header: 'Date', value: (r) => date(r.delivery_date) },
      { header: 'Date prévue', value: (r) => date(r.scheduled_date ?? r.delivery_date) },
      { header: 'Formule', value: (r) => r.formula },
      { header: 'Dépôt', value: (r) => r.depot },
      { header: 'Quantité', value: (r) => r.quantity },
      { header: 'Prix unitaire TTC', value: (r) => euros(r.unit_price_cents) },
      { header: 'Statut', value: (r) => RECORD_STATUS_LABELS[r.status] },
      { header: 'Note', value: (r) => r.note },
    ],
    rows,
  );
}

export function cancellationsCsv(db: Db, subscriberId: number): Table {
  const rows = db.all<{ chain_id: number; from_date: string; to_date: string; reason: string; late_override: number; source: string; created_at: string }>(
    `SELECT c.chain_id, c.from_date, c.to_date, c.reason, c.late_override, c.source, c.created_at FROM cancellations c
     WHERE c.chain_id IN (SELECT chain_id FROM subscriptions WHERE subscriber_id = ?) ORDER BY c.from_date, c.id`,
    [subscriberId],
  );
  return table(
    [
      { header: 'Abonnement n°', value: (r) => r.chain_id },
      { header: 'Du', value: (r) => date(r.from_date) },
      { header: 'Au', value: (r) => date(r.to_date) },
      { header: 'Motif', value: (r) => r.reason },
      { header: 'Saisie par', value: (r) => (r.source === 'portal' ? 'Vous (portail)' : 'L’association') },
      { header: 'Après la date limite', value: (r) => yesNo(r.late_override) },
      { header: 'Enregistrée le', value: (r) => instant(r.created_at) },
    ],
    rows,
  );
}
