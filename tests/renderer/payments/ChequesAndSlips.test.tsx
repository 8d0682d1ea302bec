import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createPaymentsWorld, recordCheques, type ChequeOut } from '../../core/payments/payments-world';
import { renderPayments } from './payments-harness';

const text = (element: HTMLElement) => element.textContent?.replace(/\s/g, ' ');

describe('Règlements → Chèques and Bordereaux', () => {
  it('deposits the cheques due, asks before depositing one early, then offers the slip as a PDF', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const anne = await w.payer({ firstName: 'Anne', lastName: 'Abgrall' });
    const bruno = await w.payer({ firstName: 'Bruno', lastName: 'Bihan' });
    await recordCheques(w, anne, [
      { number: '1001', bank: 'La Poste', amountCents: 4500, receivedOn: '2026-11-02', plannedDepositOn: '2026-11-02' },
      { number: '1002', bank: 'La Poste', amountCents: 4500, receivedOn: '2026-11-02', plannedDepositOn: '2027-01-02' },
    ]);
    await recordCheques(w, bruno, [{ number: '2001', bank: 'CIC', amountCents: 3000, receivedOn: '2026-12-01' }]);
    renderPayments(w.backend);

    // Due by today: Anne's first and Bruno's, both checked.
    const due = await screen.findByRole('table', { name: 'Chèques à remettre' });
    await waitFor(() => expect(within(due).getAllByRole('row')).toHaveLength(3));
    expect(text(screen.getByLabelText('Sélection à remettre'))).toBe('2 chèques sélectionnés sur 2 · total 75,00 €');
    await user.click(within(due).getByRole('checkbox', { name: 'Remettre le chèque n° 2001 de Bruno Bihan' }));
    expect(text(screen.getByLabelText('Sélection à remettre'))).toBe('1 chèque sélectionné sur 2 · total 45,00 €');
    await user.click(within(due).getByRole('checkbox', { name: 'Remettre le chèque n° 2001 de Bruno Bihan' }));

    // Up to January: Anne's postdated cheque joins; depositing it today needs a confirmation.
    const dueBy = screen.getByRole('textbox', { name: 'Prévus jusqu’au' });
    await user.clear(dueBy);
    await user.type(dueBy, '31/01/2027');
    // (While typing, « 31/01/20 » is a day of 2020 with nothing due: the table is drawn again.)
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Chèques à remettre' })).getAllByRole('row')).toHaveLength(4));
    expect(text(screen.getByLabelText('Sélection à remettre'))).toBe('3 chèques sélectionnés sur 3 · total 120,00 €');
    await user.click(screen.getByRole('button', { name: 'Créer le bordereau' }));
    expect(await screen.findByText(/Des chèques sont prévus pour une remise après le 04\/12\/2026 : n° 1002 de Anne Abgrall \(prévu le 02\/01\/2027\)/)).toBeInTheDocument();
    expect(await w.call<{ slips: unknown[] }>('deposit-slip-list', {})).toMatchObject({ slips: [] });
    await user.click(screen.getByRole('button', { name: 'Remettre quand même' }));

    const ready = await screen.findByRole('dialog', { name: 'Bordereau de remise prêt' });
    expect(ready).toHaveTextContent('bordereau-BR-2026-0001.pdf — 1 page A4.');
    expect(await screen.findByText(/Bordereau BR-2026-0001 : 3 chèque\(s\), 120,00\s€/)).toBeInTheDocument();
    const { cheques } = (await w.backend.call('cheque-list', {})) as { cheques: ChequeOut[] };
    expect(cheques.map((c) => c.status)).toEqual(['deposited', 'deposited', 'deposited']);
    await user.click(within(ready).getByRole('button', { name: 'Fermer' }));
    expect(await screen.findByText(/Aucun chèque en main à remettre jusqu’au 31\/01\/2027/)).toBeInTheDocument();

    // The slip in its tab, with its detail and its PDF again.
    await user.click(screen.getByRole('tab', { name: 'Bordereaux' }));
    const slips = await screen.findByRole('table', { name: 'Bordereaux de remise' });
    expect(text(within(slips).getAllByRole('row')[1]!)).toContain('BR-2026-000104/12/20263120,00 €');
    await user.click(within(slips).getByRole('button', { name: 'BR-2026-0001' }));
    const detail = await screen.findByRole('dialog', { name: 'Bordereau BR-2026-0001' });
    expect(await within(detail).findByRole('table', { name: 'Chèques du bordereau' })).toHaveTextContent('Bruno Bihan');
    expect(detail).toHaveTextContent('IBAN FR76 3000 4000 0312 3456 7890 143');
  });

  it('marks a cheque returned unpaid after asking the reason, and the credit is reversed', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const anne = await w.payer({ firstName: 'Anne', lastName: 'Abgrall' });
    await recordCheques(w, anne, [{ number: '1001', bank: 'La Poste', amountCents: 4500, receivedOn: '2026-11-02' }]);
    renderPayments(w.backend);

    await user.click(await screen.findByRole('radio', { name: 'Tous les chèques' }));
    const all = await screen.findByRole('table', { name: 'Tous les chèques' });
    await user.click(await within(all).findByRole('button', { name: 'Chèque n° 1001 impayé' }));
    const dialog = screen.getByRole('dialog', { name: 'Chèque impayé' });
    expect(dialog).toHaveTextContent(/Le crédit de 45,00\s€ sera annulé sur le compte de Anne Abgrall/);
    await user.click(within(dialog).getByRole('button', { name: 'Marquer impayé' }));
    expect(await within(dialog).findByText('Indiquez le motif du retour (exemple : provision insuffisante).')).toBeInTheDocument();
    expect(await w.balance(anne)).toBe(4500);

    await user.type(within(dialog).getByRole('textbox', { name: /^Motif/ }), 'Provision insuffisante{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Chèque impayé' })).not.toBeInTheDocument());
    expect(await within(all).findByText('Impayé')).toBeInTheDocument();
    expect(await w.balance(anne)).toBe(0);
    expect(within(all).queryByRole('button', { name: 'Chèque n° 1001 impayé' })).not.toBeInTheDocument();
  });

  it('shows on the amount field why a recorded amount does not change', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const anne = await w.payer({ firstName: 'Anne', lastName: 'Abgrall' });
    await recordCheques(w, anne, [{ number: '1001', bank: 'La Poste', amountCents: 4500 }]);
    renderPayments(w.backend);
    await user.click(await screen.findByRole('radio', { name: 'Tous les chèques' }));
    await user.click(await screen.findByRole('button', { name: 'Corriger le chèque n° 1001' }));
    const dialog = screen.getByRole('dialog', { name: 'Corriger le chèque n° 1001' });
    const amount = within(dialog).getByRole('textbox', { name: 'Montant (€)' });
    await user.clear(amount);
    await user.type(amount, '54,00');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText(/Le montant d’un chèque enregistré ne se modifie pas \(45,00\s€ crédités\)/)).toBeInTheDocument();
    expect(amount).toHaveAttribute('aria-invalid', 'true');

    await user.clear(amount);
    await user.type(amount, '45,00');
    const bank = within(dialog).getByRole('textbox', { name: 'Banque' });
    await user.clear(bank);
    await user.type(bank, 'Banque Postale{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('cell', { name: 'Banque Postale' })).toBeInTheDocument();
  });
});
