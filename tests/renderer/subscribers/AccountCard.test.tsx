import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccountCard } from '../../../renderer/subscribers/detail/AccountCard';
import { subscriberFields } from '../../support/catalog';
import { renderWithBackend } from '../app-harness';
import { MountLater } from '../settings/mount-later';

describe('the subscriber’s account on their page', () => {
  it('shows the balance and the dated entries, with the statement to print', async () => {
    const { backend } = await renderWithBackend(
      <MountLater>
        <AccountCard subscriberId={1} />
      </MountLater>,
    );
    await backend.call('subscriber-create', subscriberFields({ paymentMethod: 'cheque', iban: '', mandateSignedOn: null }));
    await backend.call('ledger-opening-balance-set', { subscriberId: 1, date: '2026-04-10', amountCents: 1500, label: 'Solde au 10 avril' });
    await userEvent.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
    const card = await screen.findByRole('region', { name: 'Compte' });
    expect(await within(card).findByText('En sa faveur : 15,00 €')).toBeInTheDocument();
    const row = within(card).getByRole('row', { name: /10\/04\/2026/ });
    expect(row).toHaveTextContent('Solde au 10 avril');
    expect(within(card).getByRole('button', { name: 'Imprimer le relevé' })).toBeEnabled();
  });
});
