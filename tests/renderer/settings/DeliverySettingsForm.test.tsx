import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeliverySettingsForm } from '../../../renderer/settings/deliveries/DeliverySettingsForm';
import { renderWithBackend } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;

function input(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByLabelText(label, { exact: false, selector: 'input' });
}

async function type(user: User, scope: HTMLElement, label: string, value: string) {
  const field = input(scope, label);
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

describe('Paramètres → Livraisons', () => {
  it('shows the backend’s refusal of an impossible hour on the hour field, and saves nothing', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<DeliverySettingsForm readOnly={false} />);
    const form = await screen.findByRole('form', { name: 'Réglages des livraisons' });
    const before = await backend.call('delivery-settings-get', {});
    await type(user, form, 'Heure limite', '25:00');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(input(form, 'Heure limite')).toHaveAttribute('aria-invalid', 'true'));
    expect(input(form, 'Heure limite')).toHaveAccessibleDescription(/Heure invalide \(exemple : 12:00\)\./);
    expect(await screen.findByText('Réglages des livraisons non enregistrés')).toBeInTheDocument();
    expect(await backend.call('delivery-settings-get', {})).toEqual(before);
  });

  it('says the deadline in words, accepts « 18h30 », and saves the three settings', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<DeliverySettingsForm readOnly={false} />);
    const form = await screen.findByRole('form', { name: 'Réglages des livraisons' });
    await type(user, form, 'Jours avant la livraison', '1');
    await type(user, form, 'Heure limite', '18h30');
    await user.tab();
    expect(input(form, 'Heure limite')).toHaveValue('18:30');
    expect(within(form).getByText('Pour un panier livré le mardi, l’adhérent peut l’annuler jusqu’au lundi à 18:30.')).toBeInTheDocument();
    const bill = within(form).getByRole('switch', { name: /^Facturer les paniers non retirés/ });
    const billedBefore = (bill as HTMLInputElement).checked;
    await user.click(bill);
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Réglages des livraisons enregistrés')).toBeInTheDocument();
    expect(await backend.call('delivery-settings-get', {})).toEqual({ cancelDeadlineDays: 1, cancelDeadlineTime: '18:30', billNotCollected: !billedBefore });
  });
});
