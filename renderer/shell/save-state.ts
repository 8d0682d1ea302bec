import { format, isSameDay } from 'date-fns';
import { fr } from 'date-fns/locale';

/**
 * The header's save state, in the office's words. Every change is saved as soon as it is
 * made, so this only says when the last one reached the disk.
 */
export function saveStateLabel(lastSavedAt: string | null, now: Date): string {
  if (!lastSavedAt) return 'Aucune modification depuis l’ouverture';
  const saved = new Date(lastSavedAt);
  if (Number.isNaN(saved.getTime())) return 'Enregistré';
  if (isSameDay(saved, now)) return `Enregistré à ${format(saved, 'HH:mm', { locale: fr })}`;
  return `Enregistré le ${format(saved, 'd MMMM yyyy à HH:mm', { locale: fr })}`;
}

/** `C:\\Users\\marie\\Paniers\\jardin.paniers` → `jardin.paniers`. */
export function fileNameOf(path: string | null): string | null {
  if (!path) return null;
  return path.split(/[\\/]/).pop() || path;
}
