import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as download from '../../../renderer/shared/download';
import { downloadText } from '../../../renderer/shared/download';
import { createPaymentsWorld, recordCheques } from '../../core/payments/payments-world';
import { renderPayments } from './payments-harness';

// The download itself is the browser's; what matters here is what the screen hands it.
vi.mock('../../../renderer/shared/download', async (importOriginal) => ({
  ...(await importOriginal<typeof download>()),
  downloadText: vi.fn(),
}));
beforeEach(() => vi.mocked(downloadText).mockClear());

describe('every list exports what it shows', () => {
  it('exports all the cheques with their state and slip as a French spreadsheet', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const anne = await w.payer({ firstName: 'Anne', lastName: 'Abgrall' });
    await recordCheques(w, anne, [
      { number: '1001', bank: 'La Poste', amountCents: 4500, receivedOn: '2026-11-02' },
      { number: '1002', bank: 'La Poste', amountCents: 123456, receivedOn: '2026-11-02', plannedDepositOn: '2027-01-02' },
    ]);
    renderPayments(w.backend);
    await user.click(await screen.findByRole('radio', { name: 'Tous les chèques' }));
    const all = await screen.findByRole('table', { name: 'Tous les chèques' });
    await waitFor(() => expect(within(all).getAllByRole('row')).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Exporter (CSV)' }));
    const [fileName, csv] = vi.mocked(downloadText).mock.calls[0]!;
    expect(fileName).toBe('cheques-all.csv');
    expect(csv.replace(/\u202f|\u00a0/g, ' ').split('\r\n').slice(0, 3)).toEqual([
      '\ufeffAdhérent;Tireur;Banque;Numéro;Montant (€);Reçu le;Remise prévue;État;Bordereau;Impayé le;Motif',
      'Anne Abgrall;Anne Abgrall;La Poste;1001;45,00;02/11/2026;02/11/2026;En attente de remise;;;',
      'Anne Abgrall;Anne Abgrall;La Poste;1002;1 234,56;02/11/2026;02/01/2027;En attente de remise;;;',
    ]);
  });
});
