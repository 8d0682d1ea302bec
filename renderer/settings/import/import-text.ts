import { fromLocalDate, formatDateShortFr } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';

export type ImportKind = 'members' | 'balances' | 'cheques';
export type ImportMode = 'create' | 'update_contacts';
export type ImportPreview = OutputOf<'import-preview'>;
export type ImportResult = OutputOf<'import-run'>;
export type ImportListRow = OutputOf<'import-list'>[number];

/** The three files the letter speaks of, as the office names them. */
export const KIND_CHOICES: { value: ImportKind; label: string; description: string }[] = [
  { value: 'members', label: 'Adhérents et abonnements', description: 'Une ligne par adhérent : coordonnées, dépôt, formule, mode de règlement, et le solde s’il y est.' },
  { value: 'balances', label: 'Soldes à la reprise', description: 'N° adhérent (ou Nom et Prénom) et le solde de chacun à la date de reprise des comptes.' },
  { value: 'cheques', label: 'Chèques d’avance', description: 'Les chèques déjà remis : adhérent, numéro, banque, montant, date de remise prévue.' },
];

/** The file chosen on the first step: its name and its bytes as base64, as the API takes them. */
export interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

export const ACCEPTED_FILES = '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a picked file as base64 (FileReader: the same in Chromium, Electron and jsdom). */
export function readFileBase64(file: File): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Le fichier « ${file.name} » n’a pas pu être lu : choisissez-le de nouveau.`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, size: file.size, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** « 12 Ko », « 1,4 Mo »: how big the chosen file is, to recognise it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} Mo`;
}

/** « 10/04/2026 à 14:05 » for an ISO instant, in the office's own time zone. */
export function formatInstantFr(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(date);
  return `${formatDateShortFr(fromLocalDate(date))} à ${time}`;
}

/** « 1 adhérent », « 3 adhérents »: French plurals for the counts. */
export function plural(n: number, one: string, many: string): string {
  return `${new Intl.NumberFormat('fr-FR').format(n)} ${n > 1 ? many : one}`;
}
