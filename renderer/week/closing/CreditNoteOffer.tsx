import { formatDateShortFr, type IsoDate } from '../../../core/dates/dates';
import type { OutputOf } from '../../../core/handlers';
import { formatEuros, type Cents } from '../../../core/money/money';
import { useApi } from '../../api/api-context';
import { ConfirmDialog } from '../../settings/form/ConfirmDialog';
import { runAction } from '../../settings/form/run-action';

export type CreditNoteProposal = NonNullable<OutputOf<'credit-note-proposal'>>;

/**
 * A basket corrected after it was invoiced: the invoice cannot change, so Paniers proposes
 * the matching credit note (issue 6) for the office to issue or not.
 */
export function CreditNoteOffer({ proposal, onClose }: { proposal: CreditNoteProposal | null; onClose(): void }) {
  const api = useApi();
  return (
    <ConfirmDialog
      opened={proposal !== null}
      title="Émettre l’avoir correspondant ?"
      message={
        proposal
          ? `Ce panier figure sur la facture ${proposal.invoiceNumber} du ${formatDateShortFr(proposal.invoiceDate as IsoDate)} pour ${formatEuros(proposal.grossCents as Cents)}. Une facture émise ne change plus : un avoir de ce montant corrige le compte de l’adhérent.`
          : ''
      }
      confirmLabel="Émettre l’avoir"
      onConfirm={async () => {
        if (!proposal) return;
        await runAction(
          () => api.call('credit-note-create', { invoiceId: proposal.invoiceId, lineIds: proposal.lineIds, reason: proposal.reason }),
          `Avoir émis pour la facture ${proposal.invoiceNumber}`,
          'Avoir non émis',
        );
      }}
      onClose={onClose}
    />
  );
}
