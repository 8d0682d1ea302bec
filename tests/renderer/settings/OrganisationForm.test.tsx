import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OrganisationForm } from '../../../renderer/settings/organisation/OrganisationForm';
import { renderWithBackend } from '../app-harness';

const GOOD = {
  'Nom de l’association': 'Jardin de Cocagne du Blavet',
  SIRET: '73282932000074',
  IBAN: 'FR76 3000 6000 0112 3456 7890 189',
  BIC: 'AGRIFRPP882',
  'Identifiant créancier SEPA (ICS)': 'FR72ZZZ123456',
};

async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const input = screen.getByLabelText(label, { exact: false, selector: 'input, textarea' });
    await user.clear(input);
    await user.click(input);
    await user.paste(value); // one change event per field: typing key by key re-renders the form for nothing
  }
}

function updates(calls: { method: string }[]) {
  return calls.filter((call) => call.method === 'organisation-update');
}

describe('Paramètres → Organisation', () => {
  it('puts a bad IBAN’s error on the IBAN field and sends nothing', async () => {
    const user = userEvent.setup();
    const { calls, backend } = await renderWithBackend(<OrganisationForm readOnly={false} onSaved={() => {}} />);
    await screen.findByLabelText('IBAN', { exact: false, selector: 'input' });
    await fill(user, { ...GOOD, IBAN: 'FR76 3000 6000 0112 3456 7890 188' });
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));

    const iban = screen.getByLabelText('IBAN', { exact: false, selector: 'input' });
    expect(iban).toHaveAttribute('aria-invalid', 'true');
    expect(iban).toHaveAccessibleDescription(/IBAN invalide : la longueur ou la clé de contrôle ne correspond pas/);
    expect(screen.getByLabelText('BIC', { selector: 'input' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText('Paramètres non enregistrés')).toBeInTheDocument();
    expect(updates(calls)).toHaveLength(0);
    expect(await backend.call('organisation-get', {})).toMatchObject({ legalName: '', iban: '' });
  });

  it('saves good values, says so, and stores them normalised', async () => {
    const user = userEvent.setup();
    let saved = 0;
    const { calls, backend } = await renderWithBackend(<OrganisationForm readOnly={false} onSaved={() => saved++} />);
    await screen.findByLabelText('IBAN', { exact: false, selector: 'input' });
    await fill(user, GOOD);
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));

    expect(await screen.findByText('Paramètres enregistrés')).toBeInTheDocument();
    expect(updates(calls)).toHaveLength(1);
    expect(saved).toBe(1);
    expect(await backend.call('organisation-get', {})).toMatchObject({
      legalName: 'Jardin de Cocagne du Blavet',
      siret: '73282932000074',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP882',
      sepaCreditorId: 'FR72ZZZ123456',
    });
    // Shown back grouped by four, as on a RIB.
    expect(screen.getByLabelText('IBAN', { exact: false, selector: 'input' })).toHaveValue('FR76 3000 6000 0112 3456 7890 189');
  });

  it('saves with Ctrl+S from inside a field', async () => {
    const user = userEvent.setup();
    const { calls } = await renderWithBackend(<OrganisationForm readOnly={false} onSaved={() => {}} />);
    await screen.findByLabelText('IBAN', { exact: false, selector: 'input' });
    await fill(user, { 'Nom de l’association': 'Jardin du Blavet' });
    fireEvent.keyDown(screen.getByLabelText('Nom de l’association', { exact: false, selector: 'input' }), { key: 's', code: 'KeyS', ctrlKey: true });
    expect(await screen.findByText('Paramètres enregistrés')).toBeInTheDocument();
    expect(updates(calls)).toHaveLength(1);
  });

  it('shows the backend’s field errors on the fields it names', async () => {
    const user = userEvent.setup();
    const refusal = 'BIC : ce BIC ne correspond pas à la banque de l’IBAN.';
    const { calls } = await renderWithBackend(<OrganisationForm readOnly={false} onSaved={() => {}} />, {
      answer: (method) =>
        method === 'organisation-update'
          ? { error: { type: 'validation', message: refusal, fields: { bic: 'Ce BIC ne correspond pas à la banque de l’IBAN.' } } }
          : undefined,
    });
    await screen.findByLabelText('IBAN', { exact: false, selector: 'input' });
    await fill(user, GOOD);
    await user.click(screen.getByRole('button', { name: /Enregistrer/ }));

    await waitFor(() => expect(screen.getByLabelText('BIC', { selector: 'input' })).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('BIC', { selector: 'input' })).toHaveAccessibleDescription(/Ce BIC ne correspond pas à la banque/);
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(screen.queryByText('Paramètres enregistrés')).not.toBeInTheDocument();
    expect(updates(calls)).toHaveLength(1);
  });

  it('refuses to save in read-only mode', async () => {
    const { calls } = await renderWithBackend(<OrganisationForm readOnly onSaved={() => {}} />);
    const name = await screen.findByLabelText('Nom de l’association', { exact: false, selector: 'input' });
    expect(name).toBeDisabled();
    expect(screen.getByRole('button', { name: /Enregistrer/ })).toBeDisabled();
    fireEvent.keyDown(name, { key: 's', code: 'KeyS', ctrlKey: true });
    expect(await screen.findByText(/lecture seule/)).toBeInTheDocument();
    expect(updates(calls)).toHaveLength(0);
  });
});
