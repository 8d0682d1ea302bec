import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PaymentSettingsForm } from '../../../renderer/settings/payments/PaymentSettingsForm';
import { renderWithBackend } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;

async function type(user: User, scope: HTMLElement, label: string, value: string) {
  const field = within(scope).getByLabelText(label, { selector: 'input' });
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
  return field;
}

describe('Paramètres → Règlements', () => {
  it('refuses a bad account number on its field and saves nothing', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(<PaymentSettingsForm readOnly={false} />);
    const form = await screen.findByRole('form', { name: 'Réglages des règlements' });
    const before = await backend.call('payment-settings-get', {});
    const bank = await type(user, form, 'Compte bancaire', '51A2');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(bank).toHaveAttribute('aria-invalid', 'true'));
    expect(bank).toHaveAccessibleDescription('Numéro de compte invalide : de 3 à 12 chiffres (exemple : 411000).');
    expect(bank).toHaveFocus();
    expect(await screen.findByText('Réglages des règlements non enregistrés')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'payment-settings-update')).toBe(false);
    expect(await backend.call('payment-settings-get', {})).toEqual(before);
  });

  it('saves the SEPA choices, a threshold typed in euros and a journal code', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<PaymentSettingsForm readOnly={false} />);
    const form = await screen.findByRole('form', { name: 'Réglages des règlements' });
    expect(within(form).getByText(/Le format actuel/)).toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: 'pain.008.001.02' }));
    expect(within(form).getByText(/L’ancien format/)).toBeInTheDocument();
    await user.click(within(form).getByRole('radio', { name: 'FRST (premier)' }));
    await type(user, form, 'Délai de pré-notification (jours)', '5');
    await type(user, form, 'Seuil de solde bas', '37,50');
    await type(user, form, 'Journal de banque', 'bq2');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Réglages des règlements enregistrés')).toBeInTheDocument();
    expect(await backend.call('payment-settings-get', {})).toMatchObject({
      prenotificationDays: 5,
      painVersion: '001.02',
      firstSequenceType: 'FRST',
      lowBalanceThresholdCents: 3750,
      journals: { bank: 'BQ2' },
    });
  });
});
