import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Subscriber } from '../../../core/subscribers/subscribers';
import { SubscriberForm } from '../../../renderer/subscribers/form/SubscriberForm';
import { renderWithBackend } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;

function input(label: string | RegExp): HTMLElement {
  return screen.getByRole('textbox', { name: typeof label === 'string' ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`) : label });
}

async function fill(user: User, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const field = input(label);
    await user.clear(field);
    await user.click(field);
    await user.paste(value);
  }
}

const ANNE = { Prénom: 'Anne', Nom: 'Le Goff', 'Code postal': '56100', Ville: 'Lorient', 'E-mail': 'anne.legoff@example.fr' };

function creations(calls: { method: string }[]) {
  return calls.filter((c) => c.method === 'subscriber-create' || c.method === 'subscriber-update');
}

describe('the subscriber form', () => {
  it('puts a bad IBAN and a missing signature date on their fields, and saves nothing', async () => {
    const user = userEvent.setup();
    let saved: Subscriber | null = null;
    const { calls, backend } = await renderWithBackend(<SubscriberForm subscriber={null} onClose={() => {}} onSaved={(s) => (saved = s)} />);
    await fill(user, { ...ANNE, IBAN: 'FR76 3000 6000 0112 3456 7890 188' });
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));

    const iban = input('IBAN');
    await waitFor(() => expect(iban).toHaveAttribute('aria-invalid', 'true'));
    expect(iban).toHaveAccessibleDescription(/IBAN invalide : la longueur ou la clé de contrôle ne correspond pas/);
    const signed = input('Date de signature du mandat');
    expect(signed).toHaveAttribute('aria-invalid', 'true');
    expect(signed).toHaveAccessibleDescription(/Indiquez la date de signature du mandat SEPA/);
    expect(input('BIC')).not.toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText('Fiche non enregistrée')).toBeInTheDocument();
    expect(creations(calls)).toHaveLength(0);
    expect(saved).toBeNull();
    expect(await backend.call('subscriber-list', {})).toMatchObject({ total: 0 });
  });

  it('asks for the first name of a person, and not of an organisation', async () => {
    const user = userEvent.setup();
    const { calls } = await renderWithBackend(<SubscriberForm subscriber={null} onClose={() => {}} onSaved={() => {}} />);
    await fill(user, { Nom: 'Épicerie solidaire' });
    await user.click(screen.getByRole('combobox', { name: 'Mode de règlement' }));
    await user.click(screen.getByRole('option', { name: 'Virement' }));
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));
    await waitFor(() => expect(input('Prénom')).toHaveAttribute('aria-invalid', 'true'));
    expect(input('Prénom')).toHaveAccessibleDescription(/Indiquez le prénom/);
    expect(creations(calls)).toHaveLength(0);

    await user.click(screen.getByText('Structure (association, entreprise…)'));
    expect(screen.queryByRole('textbox', { name: /^Prénom/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));
    await screen.findByText('Fiche enregistrée');
    expect(creations(calls)).toHaveLength(1);
  });

  it('saves a SEPA subscriber with a French date, stores the IBAN normalised and says which RUM it generated', async () => {
    const user = userEvent.setup();
    let saved: Subscriber | null = null;
    const { backend } = await renderWithBackend(<SubscriberForm subscriber={null} onClose={() => {}} onSaved={(s) => (saved = s)} />);
    await fill(user, { ...ANNE, IBAN: 'fr76 3000 6000 0112 3456 7890 189', 'Date de signature du mandat': '1/3/26' });
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));

    expect(await screen.findByText(/Fiche enregistrée\. Référence de mandat \(RUM\) générée : PAN-000001/)).toBeInTheDocument();
    expect(saved).toMatchObject({ iban: 'FR7630006000011234567890189', mandateRum: 'PAN-000001', mandateSignedOn: '2026-03-01' });
    expect(await backend.call('subscriber-get', { id: 1 })).toMatchObject({ lastName: 'Le Goff', iban: 'FR7630006000011234567890189' });
  });

  it('shows the backend’s refusal on the field it names (a RUM already used)', async () => {
    const user = userEvent.setup();
    const { calls, backend } = await renderWithBackend(<SubscriberForm subscriber={null} onClose={() => {}} onSaved={() => {}} />);
    await backend.call('subscriber-create', {
      kind: 'person', civility: '', firstName: 'Paul', lastName: 'Morvan', addressLine1: '', addressLine2: '', postcode: '', city: '', phone: '', phone2: '', phone3: '',
      email: '', birthDate: null, notes: '', isEmployee: false, isSupporter: false, membershipExempt: false, membershipTypeId: null, paymentMethod: 'sepa',
      iban: 'FR7630006000011234567890189', bic: '', mandateRum: 'RUM-42', mandateSignedOn: '2026-01-01',
    });
    await fill(user, { ...ANNE, IBAN: 'FR76 3000 6000 0112 3456 7890 189', 'Date de signature du mandat': '01/03/2026', 'Référence du mandat (RUM)': 'RUM-42' });
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));

    const rum = input('Référence du mandat (RUM)');
    await waitFor(() => expect(rum).toHaveAttribute('aria-invalid', 'true'));
    expect(rum).toHaveAccessibleDescription(/déjà celle de Morvan/);
    expect(creations(calls)).toHaveLength(1);
    expect(await backend.call('subscriber-list', {})).toMatchObject({ total: 1 });
  });
});
