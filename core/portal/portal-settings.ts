import { z } from 'zod';
import { defineHandler } from '../api/handler';
import type { Db } from '../db/database';

export interface PortalSettings {
  /** Weeks of upcoming deliveries in each subscriber's file (1–26). */
  weeksAhead: number;
  /** Joins the invoice PDFs (factures/<number>.pdf) to the export. */
  includeInvoicePdfs: boolean;
  /** Optional HTTPS address the host pushes each export to; '' = no push. */
  pushUrl: string;
  updatedAt: string | null;
}

export function readPortalSettings(db: Db): PortalSettings {
  const row = db.get<{ weeks_ahead: number; include_invoice_pdfs: number; push_url: string; updated_at: string | null }>('SELECT * FROM portal_settings WHERE id = 1');
  if (!row) throw new Error('portal_settings row missing');
  return { weeksAhead: row.weeks_ahead, includeInvoicePdfs: row.include_invoice_pdfs === 1, pushUrl: row.push_url, updatedAt: row.updated_at };
}

const WEEKS = 'Entre 1 et 26 semaines.';

// core has no URL class (no DOM, no Node types): a host name, an optional port, then a path.
// No user:password@ part: the database file must hold no secret.
const HTTPS_URL = /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?([/?#][^\s]*)?$/i;

export const portalSettingsInput = z.object({
  weeksAhead: z.number({ message: WEEKS }).int(WEEKS).min(1, WEEKS).max(26, WEEKS),
  includeInvoicePdfs: z.boolean(),
  pushUrl: z
    .string()
    .trim()
    .max(500, 'Adresse trop longue (500 caractères au plus).')
    // The token travels in a header: a plain-http address would send it in clear.
    .refine(
      (value) => value === '' || HTTPS_URL.test(value),
      'Adresse invalide : indiquez une adresse qui commence par https:// (sans identifiant ni mot de passe), ou laissez vide pour ne pas envoyer.',
    ),
});

export const portalSettingsGet = defineHandler({
  name: 'portal-settings-get',
  input: z.object({}),
  mutates: false,
  run: ({ db }) => readPortalSettings(db),
});

export const portalSettingsUpdate = defineHandler({
  name: 'portal-settings-update',
  input: portalSettingsInput,
  labels: { weeksAhead: 'Semaines à venir', includeInvoicePdfs: 'Joindre les factures PDF', pushUrl: 'Adresse d’envoi (HTTPS)' },
  mutates: true,
  run: ({ db, clock }, input) => {
    db.run('UPDATE portal_settings SET weeks_ahead = ?, include_invoice_pdfs = ?, push_url = ?, updated_at = ? WHERE id = 1', [
      input.weeksAhead,
      input.includeInvoicePdfs ? 1 : 0,
      input.pushUrl,
      clock.now().toISOString(),
    ]);
    return readPortalSettings(db);
  },
});
