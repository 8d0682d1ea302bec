import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createPaymentsWorld, recordCheques, type ChequeOut } from '../../core/payments/payments-world';
import { renderPayments } from './payments-harness';

describe('Règlements → Enregistrer des chèques', () => {
  it('records three postdated cheques a month apart, after showing a duplicate number on its line', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const other = await w.payer({ firstName: 'Bruno', lastName: 'Bihan' });
    await recordCheques(w, other, [{ number: '0000123', bank: 'Crédit Agricole', amountCents: 4500 }]);
    const anne = await w.payer({ firstName: 'Anne', lastName: 'Abgrall' });
    renderPayments(w.backend);

    await user.click(await screen.findByRole('button', { name: 'Enregistrer des chèques' }));
    const dialog = screen.getByRole('dialog', { name: 'Enregistrer des chèques' });
    await user.type(within(dialog).getByRole('combobox', { name: /^Adhérent/ }), 'Abgr');
    await user.click(await screen.findByRole('option', { name: 'Anne Abgrall — Port-Louis' }));
    // The drawer follows the subscriber chosen.
    expect(within(dialog).getByLabelText('Tireur du chèque 1')).toHaveValue('Anne Abgrall');

    await user.type(within(dialog).getByLabelText('Numéro du chèque 1'), '0000121');
    await user.type(within(dialog).getByLabelText('Banque du chèque 1'), 'Crédit Agricole');
    await user.type(within(dialog).getByLabelText('Montant du chèque 1'), '45');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter une ligne' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter une ligne' }));
    // A new line repeats the bank and the amount; the numbers are typed.
    expect(within(dialog).getByLabelText('Banque du chèque 3')).toHaveValue('Crédit Agricole');
    await user.type(within(dialog).getByLabelText('Numéro du chèque 2'), '0000122');
    await user.type(within(dialog).getByLabelText('Numéro du chèque 3'), '0000123');
    await user.click(within(dialog).getByRole('button', { name: 'Répéter les dates' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Tous les mois' }));
    expect(within(dialog).getByLabelText('Encaissement prévu du chèque 3')).toHaveValue('04/02/2027');
    expect(within(dialog).getByLabelText('Total des chèques saisis')).toHaveTextContent(/3 chèques · total 135,00\s€/);

    // Line 3 is Bruno's cheque already recorded: the message lands on line 3's number, nothing is saved.
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les 3 chèques' }));
    const lineErrors = await within(dialog).findByRole('row', { name: 'Erreurs du chèque 3' });
    expect(lineErrors).toHaveTextContent('Chèque 3 : le chèque n° 0000123 (Crédit Agricole) est déjà enregistré, reçu le 04/12/2026 pour Bruno Bihan');
    expect(within(dialog).getByLabelText('Numéro du chèque 3')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Numéro du chèque 2')).not.toHaveAttribute('aria-invalid', 'true');
    expect(await w.balance(anne)).toBe(0);

    await user.clear(within(dialog).getByLabelText('Numéro du chèque 3'));
    await user.type(within(dialog).getByLabelText('Numéro du chèque 3'), '0000124{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Enregistrer des chèques' })).not.toBeInTheDocument());
    expect(await screen.findByText(/3 chèques enregistrés pour Anne Abgrall : 135,00\s€ crédités sur son compte/)).toBeInTheDocument();

    const { cheques } = (await w.backend.call('cheque-list', { subscriberId: anne })) as { cheques: ChequeOut[] };
    expect(cheques.map((c) => [c.number, c.drawer, c.amountCents, c.plannedDepositOn])).toEqual([
      ['0000121', 'Anne Abgrall', 4500, '2026-12-04'],
      ['0000122', 'Anne Abgrall', 4500, '2027-01-04'],
      ['0000124', 'Anne Abgrall', 4500, '2027-02-04'],
    ]);
    expect(await w.balance(anne)).toBe(13500);
    // Only December's is due today: it joins Bruno's in « À remettre en banque ».
    const due = screen.getByRole('table', { name: 'Chèques à remettre' });
    await waitFor(() => expect(within(due).getAllByRole('row')).toHaveLength(3));
    expect(within(due).getByText('0000121')).toBeInTheDocument();
    expect(within(due).queryByText('0000122')).not.toBeInTheDocument();
  });

  it('refuses an amount that is not an amount without calling the backend', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    await w.payer({ firstName: 'Claire', lastName: 'Cadic' });
    const { calls } = renderPayments(w.backend);
    await user.click(await screen.findByRole('button', { name: 'Enregistrer des chèques' }));
    const dialog = screen.getByRole('dialog', { name: 'Enregistrer des chèques' });
    await user.type(within(dialog).getByRole('combobox', { name: /^Adhérent/ }), 'Cadic');
    await user.click(await screen.findByRole('option', { name: /Claire Cadic/ }));
    await user.type(within(dialog).getByLabelText('Numéro du chèque 1'), '77');
    await user.type(within(dialog).getByLabelText('Banque du chèque 1'), 'La Poste');
    await user.type(within(dialog).getByLabelText('Montant du chèque 1'), '12,345');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le chèque' }));
    expect(await within(dialog).findByRole('row', { name: 'Erreurs du chèque 1' })).toHaveTextContent('n\'est pas un montant en euros');
    expect(calls.some((c) => c.method === 'cheque-record')).toBe(false);
  });
});
