import type { ClosureImpact } from '../../../core/deliveries/closure-handlers';
import { toCsv } from '../../../core/export/csv';
import { downloadBlob } from '../print/pdf-output';

type Affected = ClosureImpact['subscribers'][number];

/** The subscribers a closure affects, to write to them: name, e-mail, phone, baskets removed. */
export function affectedCsv(subscribers: readonly Affected[]): string {
  return toCsv<Affected>(
    [
      { header: 'Nom', value: (s) => s.name },
      { header: 'E-mail', value: (s) => s.email },
      { header: 'Téléphone', value: (s) => s.phone },
      { header: 'Paniers retirés', value: (s) => s.baskets },
    ],
    subscribers,
  );
}

export function affectedFileName(closure: { fromDate: string; toDate: string }): string {
  return `adherents-concernes_fermeture_${closure.fromDate}_${closure.toDate}.csv`;
}

export function downloadAffected(closure: { fromDate: string; toDate: string }, subscribers: readonly Affected[]): void {
  downloadBlob(affectedFileName(closure), new Blob([affectedCsv(subscribers)], { type: 'text/csv;charset=utf-8' }));
}
