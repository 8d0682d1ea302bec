/**
 * What an import leaves behind (issue 8 item 5): the `imports` row's `summary` and `report`
 * JSON columns. Written once by `import-run`, never changed (triggers), read by the import
 * report (PDF, CSV) and `import-list`. Keep the shape backward compatible: old rows stay.
 */

/** What became of one line of the file. */
export type ImportLineOutcome = 'created' | 'matched' | 'updated' | 'refused';

export interface ImportReportLine {
  /** 1-based spreadsheet line, the header row included (what the office sees in Excel). */
  line: number;
  outcome: ImportLineOutcome;
  /** Who the line is about, as the office reads it: « Morvan Ewen (n° 123) »; empty if unknown. */
  subscriber: string;
  /** In French: what was created or matched, or why the line was refused (every reason, joined by « ; »). */
  detail: string;
}

/** The `imports.report` column. */
export interface ImportReport {
  lines: ImportReportLine[];
}

/** The `imports.summary` column: the counts of lines by outcome and the opening-balance totals. */
export interface ImportSummary {
  created: number;
  matched: number;
  updated: number;
  refused: number;
  /** Opening credits (positive balances at the cut-over date): how many, and their total. */
  creditCount: number;
  creditCents: number;
  /** Opening debts (negative balances), as positive cents. */
  debtCount: number;
  debtCents: number;
}

export const IMPORT_OUTCOME_LABELS: Record<ImportLineOutcome, string> = {
  created: 'Créé',
  matched: 'Reconnu',
  updated: 'Mis à jour',
  refused: 'Refusé',
};

export const IMPORT_KIND_LABELS: Record<'members' | 'balances' | 'cheques', string> = {
  members: 'Adhérents',
  balances: 'Soldes',
  cheques: 'Chèques',
};

export const IMPORT_MODE_LABELS: Record<'create' | 'update_contacts', string> = {
  create: 'Création',
  update_contacts: 'Mise à jour des coordonnées',
};
