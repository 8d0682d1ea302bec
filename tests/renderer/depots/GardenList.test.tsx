import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GardenList } from '../../../renderer/depots/GardenList/GardenList';
import { createDepot, createGarden } from '../../support/catalog';
import { renderWithBackend } from '../app-harness';
import { MountLater } from '../settings/mount-later';

describe('Jardins', () => {
  it('creates and renames a garden from the keyboard', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(<GardenList />);
    await user.click(await screen.findByRole('button', { name: 'Nouveau jardin' }));
    let dialog = await screen.findByRole('dialog', { name: 'Nouveau jardin' });
    await waitFor(() => expect(within(dialog).getByLabelText(/Nom du jardin/, { selector: 'input' })).toHaveFocus());
    await user.keyboard('Riantec{Enter}');
    const table = await screen.findByRole('table', { name: 'Jardins' });
    expect(await within(table).findByText('Riantec')).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Modifier Riantec' }));
    dialog = await screen.findByRole('dialog', { name: 'Modifier le jardin Riantec' });
    const name = within(dialog).getByLabelText(/Nom du jardin/, { selector: 'input' });
    await user.clear(name);
    await user.type(name, 'Riantec – Kerdurand{Enter}');
    expect(await within(table).findByText('Riantec – Kerdurand')).toBeInTheDocument();
    expect(await backend.call('garden-list', {})).toEqual([expect.objectContaining({ name: 'Riantec – Kerdurand' })]);
  });

  it('says which depots keep a garden from being archived', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(
      <MountLater>
        <GardenList />
      </MountLater>,
    );
    const garden = await createGarden(backend, 'Pont-Scorff');
    await createDepot(backend, garden, { name: 'Quéven' });
    await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
    await user.click(await screen.findByRole('button', { name: 'Archiver Pont-Scorff' }));
    expect(await screen.findByText('Jardin non archivé')).toBeInTheDocument();
    expect(screen.getByText(/Ce jardin sert encore 1 dépôt\(s\) \(Quéven\) : archivez-les ou rattachez-les à un autre jardin d’abord\./)).toBeInTheDocument();
    expect(await backend.call('garden-list', {})).toEqual([expect.objectContaining({ archivedAt: null })]);
  });
});
