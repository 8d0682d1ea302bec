import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PaymentTasks } from '../../../renderer/screens/Dashboard/PaymentTasks';
import { useAppState } from '../../../renderer/state/app-store';
import { createPaymentsWorld, recordCheques } from '../../core/payments/payments-world';
import { renderAgainst, renderWithBackend } from '../app-harness';

function ScreenShown() {
  return <output aria-label="Écran">{useAppState((s) => s.screen)}</output>;
}

describe('the dashboard’s payment tasks', () => {
  it('says calmly that there is nothing to do', async () => {
    await renderWithBackend(<PaymentTasks />);
    expect(await screen.findByText('Rien à faire côté règlements aujourd’hui.')).toBeInTheDocument();
  });

  it('lists the cheques to deposit with their total and leads to the Règlements screen', async () => {
    const w = await createPaymentsWorld();
    const payer = await w.payer({ lastName: 'Le Gall' });
    await recordCheques(w, payer, [{ number: '31', bank: 'La Banque Postale', amountCents: 4550, receivedOn: '2026-11-20', plannedDepositOn: '2026-12-01' }]);
    renderAgainst(
      w.backend,
      <>
        <PaymentTasks />
        <ScreenShown />
      </>,
    );
    const tasks = await screen.findByLabelText('Règlements à suivre');
    const line = await within(tasks).findByText(/1 chèque à remettre en banque/);
    expect(line).toHaveTextContent('1 chèque à remettre en banque · 45,50 €');
    await userEvent.click(within(tasks).getByRole('button', { name: '1 chèque à remettre en banque : ouvrir' }));
    expect(screen.getByLabelText('Écran')).toHaveTextContent('payments');
  });
});
