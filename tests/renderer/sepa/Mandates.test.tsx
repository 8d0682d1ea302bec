import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aprilInvoiced } from './sepa-harness';

const normalise = (text: string | null | undefined) => text?.replace(/\s/g, ' ');

describe('Prélèvements SEPA: the mandates', () => {
  it('counts the mandates by state, revokes one from its row, and shows its history after an IBAN change', async () => {
    const user = userEvent.setup();
    const w = await aprilInvoiced();
    w.render();
    await user.click(await screen.findByRole('tab', { name: 'Mandats' }));
    const table = await screen.findByRole('table', { name: 'Mandats' });
    expect(screen.getByRole('radio', { name: 'Tous (3)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Actifs (2)' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Révoqués (1)' })).toBeInTheDocument();
    expect(normalise(within(table).getByRole('row', { name: /Hélène Le Gall/ }).textContent)).toBe('Hélène Le GallRUM-0001FR76 3000 6000 0112 3456 7890 18902/01/2026jamais prélevéActif');

    await user.click(within(table).getByRole('button', { name: 'Actions pour le mandat de Hélène Le Gall' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Révoquer' }));
    const dialog = screen.getByRole('dialog', { name: 'Révoquer le mandat — Hélène Le Gall' });
    expect(within(dialog).getByLabelText(/Date de révocation/)).toHaveValue('04/12/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Révoquer le mandat' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Révoqués (2)' })).toBeInTheDocument());
    expect(within(screen.getByRole('table', { name: 'Mandats' })).getByRole('row', { name: /Hélène Le Gall/ })).toHaveTextContent('Révoqué le 04/12/2026');
    const preview = (await w.backend.call('sepa-batch-preview', { runId: w.runId })) as { excluded: { subscriberId: number; reason: string }[] };
    expect(preview.excluded.find((e) => e.subscriberId === w.who.legall)?.reason).toBe('Mandat révoqué le 04/12/2026.');

    // Filter on « Actifs », then change Morvan's IBAN: a bad one is refused on the field, a good one goes to the history.
    await user.click(screen.getByRole('radio', { name: 'Actifs (1)' }));
    const active = await screen.findByRole('table', { name: 'Mandats' });
    await waitFor(() => expect(within(active).getAllByRole('row')).toHaveLength(2));
    await user.click(within(active).getByRole('button', { name: 'Actions pour le mandat de Anne Morvan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Modifier (nouvel IBAN / nouveau mandat)' }));
    const amend = screen.getByRole('dialog', { name: 'Modifier le mandat — Anne Morvan' });
    const iban = within(amend).getByLabelText('IBAN');
    await user.clear(iban);
    await user.type(iban, 'FR76 1234{Enter}');
    await waitFor(() => expect(iban).toHaveAttribute('aria-invalid', 'true'));
    expect(iban).toHaveAccessibleDescription(/IBAN/);
    await user.clear(iban);
    await user.type(iban, 'FR76 3000 6000 0198 7654 3210 949{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Modifier le mandat — Anne Morvan' })).not.toBeInTheDocument());
    await user.click(within(screen.getByRole('table', { name: 'Mandats' })).getByRole('button', { name: 'Actions pour le mandat de Anne Morvan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Historique (1)' }));
    const history = await screen.findByRole('table', { name: 'Historique du mandat' });
    expect(history).toHaveTextContent('FR76 3000 6000 0112 3456 7890 189');
  });
});
