import type { Db } from '../db/database';
import { formatDateFr, type IsoDate } from '../dates/dates';
import { planDeliveries } from '../deliveries/plan';

/** One label per basket: a quantity of 2 gives two labels. */
export interface CrateLabel {
  name: string;
  formula: string;
  depot: string;
  round: string | null;
  dateLabel: string;
  /** `1/2`, `2/2` when a subscriber takes several baskets. */
  part: string | null;
}

export function buildCrateLabels(db: Db, scope: { from: IsoDate; to: IsoDate; depotId?: number; roundId?: number }): CrateLabel[] {
  const labels: CrateLabel[] = [];
  const due = planDeliveries(db, { from: scope.from, to: scope.to }).filter(
    (b) => b.status === 'expected' && (scope.depotId === undefined || b.depotId === scope.depotId) && (scope.roundId === undefined || b.round?.id === scope.roundId),
  );
  for (const b of due) {
    for (let i = 1; i <= b.quantity; i++) {
      labels.push({
        name: b.subscriberName,
        formula: b.formulaName,
        depot: b.depotName,
        round: b.round?.name ?? null,
        dateLabel: formatDateFr(b.date, 'EEEE d MMMM'),
        part: b.quantity > 1 ? `${i}/${b.quantity}` : null,
      });
    }
  }
  return labels;
}
