import type { Backend } from '../../../core';

/** Calls of the import wizard for tests: bytes in, preview or run out. */

export const HEADER = ['N° adhérent', 'Civilité', 'Nom', 'Prénom', 'Adresse', 'CP', 'Ville', 'Tél.', 'Mail', 'Dépôt', 'Panier', 'Quantité', 'Fréquence', 'Début', 'Mode de règlement', 'IBAN', 'RUM', 'Date de signature', 'Solde'];

export const IBAN_OK = 'FR76 3000 6000 0112 3456 7890 189';

/** One members line in the order of HEADER, with sensible defaults. */
export function memberRow(overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    'N° adhérent': '',
    Civilité: 'Mme',
    Nom: 'Le Goff',
    Prénom: 'Anne',
    Adresse: '3 impasse des Mouettes',
    CP: '56670',
    Ville: 'Riantec',
    'Tél.': '06 12 34 56 78',
    Mail: 'anne.legoff@example.fr',
    Dépôt: 'Riantec',
    Panier: 'Petit panier',
    Quantité: '1',
    Fréquence: 'hebdo',
    Début: '',
    'Mode de règlement': 'chèque',
    IBAN: '',
    RUM: '',
    'Date de signature': '',
    Solde: '',
  };
  const row = { ...base, ...overrides };
  return HEADER.map((h) => row[h]!);
}

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export interface Preview {
  fileSha256: string;
  alreadyImported: { id: number; importedAt: string; fileName: string } | null;
  headers: string[];
  mapping: Record<string, string>;
  rows: number;
  counts: { subscribersNew: number; subscribersMatched: number; subscriptions: number; depotsMatched: number; formulasMatched: number; cheques: number };
  balances: { creditCount: number; creditCents: number; debtCount: number; debtCents: number };
  problems: { line: number; column: string; field: string; message: string }[];
}

export function importer(backend: Backend) {
  const input = (kind: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({ kind, fileName: `${kind}.csv`, fileBase64: toBase64(bytes), ...extra });
  return {
    preview: async (kind: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) => (await backend.call('import-preview', input(kind, bytes, extra))) as Preview,
    run: async (kind: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) =>
      (await backend.call('import-run', input(kind, bytes, extra))) as { importId: number; summary: Record<string, unknown> },
  };
}

/** What an import may write: compared before and after a refused import. */
export function tableCounts(db: { get<T>(sql: string): T | undefined }) {
  const n = (table: string) => db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
  return { subscribers: n('subscribers'), subscriptions: n('subscriptions'), ledger: n('ledger_entries'), cheques: n('cheques'), imports: n('imports'), mappings: n('import_mappings') };
}
