import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MembershipPeriodForm } from '../../../renderer/settings/memberships/MembershipPeriodForm';
import { MembershipTypes } from '../../../renderer/settings/memberships/MembershipTypes';
import { renderWithBackend } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;
const now = () => new Date(2026, 11, 4, 10, 30);

function input(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByLabelText(label, { exact: false, selector: 'input' });
}

async function type(user: User, scope: HTMLElement, label: string, value: string) {
  const field = input(scope, label);
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

describe('Paramètres → Cotisations', () => {
  it('explains the period live with the billing rule, and saves the pivot date', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<MembershipPeriodForm readOnly={false} now={now} />);
    const form = await screen.findByRole('form', { name: 'Période d’adhésion' });
    // Calendar year, no pivot: what a fresh database holds.
    expect(await within(form).findByText('La période d’adhésion en cours va du 1er janvier 2026 au 31 décembre 2026.')).toBeInTheDocument();
    expect(within(form).getByText(/Sans date de bascule, toute adhésion finit avec la période en cours/)).toBeInTheDocument();

    await user.click(within(form).getByRole('switch', { name: /Date de bascule/ }));
    // 15 October is offered first, the usual pivot.
    expect(input(form, 'Bascule : jour')).toHaveValue('15');
    expect(within(form).getByText('Une adhésion prise le 14 octobre 2026 couvre jusqu’au 31 décembre 2026.')).toBeInTheDocument();
    expect(within(form).getByText('Une adhésion prise le 15 octobre 2026 couvre jusqu’au 31 décembre 2027.')).toBeInTheDocument();

    await type(user, form, 'Bascule : jour', '1');
    await user.click(input(form, 'Bascule : mois'));
    await user.click(await screen.findByRole('option', { name: 'Septembre' }));
    expect(within(form).getByText('Une adhésion prise le 31 août 2026 couvre jusqu’au 31 décembre 2026.')).toBeInTheDocument();
    expect(within(form).getByText('Une adhésion prise le 1er septembre 2026 couvre jusqu’au 31 décembre 2027.')).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Enregistrer la période' }));
    expect(await screen.findByText('Période d’adhésion enregistrée')).toBeInTheDocument();
    expect(await backend.call('membership-settings-get', {})).toEqual({ periodStartMonth: 1, periodStartDay: 1, pivotMonth: 9, pivotDay: 1 });
  });

  it('brings a start day beyond the 28th back to the 28th (same day every year) and explains that period', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<MembershipPeriodForm readOnly={false} now={now} />);
    const form = await screen.findByRole('form', { name: 'Période d’adhésion' });
    await type(user, form, 'Début de période : jour', '30');
    await user.click(input(form, 'Début de période : mois'));
    await user.click(await screen.findByRole('option', { name: 'Avril' }));
    expect(input(form, 'Début de période : jour')).toHaveValue('28');
    expect(within(form).getByText('La période d’adhésion en cours va du 28 avril 2026 au 27 avril 2027.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la période' }));
    expect(await screen.findByText('Période d’adhésion enregistrée')).toBeInTheDocument();
    expect(await backend.call('membership-settings-get', {})).toEqual({ periodStartMonth: 4, periodStartDay: 28, pivotMonth: null, pivotDay: null });
  });

  it('creates a membership type with its amount in euros, stored in cents', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<MembershipTypes readOnly={false} />);
    expect(await screen.findByText(/Aucune cotisation pour le moment/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nouvelle cotisation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle cotisation' });
    await type(user, dialog, 'Libellé', 'Cotisation solidaire');
    await type(user, dialog, 'Montant', 'cinq');
    await user.click(within(dialog).getByRole('button', { name: 'Créer la cotisation' }));
    expect(input(dialog, 'Montant')).toHaveAccessibleDescription(/« cinq » n'est pas un montant en euros/);
    expect(await backend.call('membership-type-list', {})).toEqual([]);

    await type(user, dialog, 'Montant', '5');
    await user.keyboard('{Enter}');
    const table = await screen.findByRole('table', { name: 'Cotisations' });
    expect(await within(table).findByText('Cotisation solidaire')).toBeInTheDocument();
    expect(within(table).getByText('5,00 €', { normalizer: (text) => text.replace(/\s+/g, ' ') })).toBeInTheDocument();
    expect(await backend.call('membership-type-list', {})).toEqual([expect.objectContaining({ label: 'Cotisation solidaire', amountCents: 500 })]);
  });
});
