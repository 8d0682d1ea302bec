import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DepotList } from '../../../renderer/depots/DepotList/DepotList';
import { createBasics, createDepot, createGarden, subscriptionFields } from '../../support/catalog';
import { renderWithBackend } from '../app-harness';
import { MountLater } from '../settings/mount-later';

type User = ReturnType<typeof userEvent.setup>;

function input(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByLabelText(label, { exact: false, selector: 'input, textarea' });
}

async function type(user: User, scope: HTMLElement, label: string, value: string) {
  const field = input(scope, label);
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

async function choose(user: User, scope: HTMLElement, label: string, option: string) {
  await user.click(input(scope, label));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function openList(user: User) {
  await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
  await screen.findByRole('table', { name: 'Dépôts' });
}

const creates = (calls: { method: string }[]) => calls.filter((call) => call.method === 'depot-create');

describe('Dépôts → the depot form', () => {
  it('puts each mistake on its field, in French, and sends nothing', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(
      <MountLater>
        <DepotList />
      </MountLater>,
    );
    await createGarden(backend, 'Pont-Scorff');
    await openList(user);
    await user.click(await screen.findByRole('button', { name: 'Nouveau dépôt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau dépôt' });
    // The only garden is chosen already; the name field has the focus.
    expect(input(dialog, 'Jardin')).toHaveValue('Pont-Scorff');
    await waitFor(() => expect(input(dialog, 'Nom du dépôt')).toHaveFocus());

    await type(user, dialog, 'Nom du dépôt', 'Quéven');
    await type(user, dialog, 'Code postal', '5653');
    await type(user, dialog, 'E-mail du référent', 'anne@');
    await type(user, dialog, 'Téléphone du référent', 'abc');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le dépôt' }));

    const expected: Record<string, RegExp> = {
      'Jour de livraison': /Choisissez un jour de la semaine\./,
      'Code postal': /Le code postal compte 5 chiffres\./,
      'E-mail du référent': /Adresse e-mail invalide/,
      'Téléphone du référent': /Numéro de téléphone invalide/,
    };
    for (const [label, message] of Object.entries(expected)) {
      expect(input(dialog, label)).toHaveAttribute('aria-invalid', 'true');
      expect(input(dialog, label)).toHaveAccessibleDescription(message);
    }
    expect(input(dialog, 'Nom du dépôt')).not.toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText('Dépôt non enregistré')).toBeInTheDocument();
    expect(creates(calls)).toHaveLength(0);
    expect(await backend.call('depot-list', {})).toEqual([]);

    // Corrected: saved, the dialog closes, the depot is listed.
    await choose(user, dialog, 'Jour de livraison', 'Mardi');
    await type(user, dialog, 'Code postal', '56530');
    await type(user, dialog, 'E-mail du référent', 'anne@example.fr');
    await type(user, dialog, 'Téléphone du référent', '06 12 34 56 78');
    await type(user, dialog, 'Capacité', '35');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le dépôt' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouveau dépôt' })).not.toBeInTheDocument());
    expect(await within(screen.getByRole('table', { name: 'Dépôts' })).findByText('Quéven')).toBeInTheDocument();
    expect(await backend.call('depot-list', {})).toEqual([
      expect.objectContaining({ name: 'Quéven', weekday: 2, postcode: '56530', capacity: 35, referentEmail: 'anne@example.fr' }),
    ]);
  });

  it('shows the backend’s refusal on the field it names (a name already taken) and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(
      <MountLater>
        <DepotList />
      </MountLater>,
    );
    const garden = await createGarden(backend);
    await createDepot(backend, garden, { name: 'Quéven' });
    await openList(user);
    await user.click(await screen.findByRole('button', { name: 'Nouveau dépôt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau dépôt' });
    await type(user, dialog, 'Nom du dépôt', 'quéven');
    await choose(user, dialog, 'Jour de livraison', 'Jeudi');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le dépôt' }));

    await waitFor(() => expect(input(dialog, 'Nom du dépôt')).toHaveAttribute('aria-invalid', 'true'));
    expect(input(dialog, 'Nom du dépôt')).toHaveAccessibleDescription('Un dépôt actif s’appelle déjà « quéven ».');
    expect(screen.getByRole('dialog', { name: 'Nouveau dépôt' })).toBeInTheDocument();
    expect(creates(calls)).toHaveLength(1);
    expect(await backend.call('depot-list', {})).toHaveLength(1);
  });

  it('says why a depot with running subscriptions cannot be archived, and leaves it active', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(
      <MountLater>
        <DepotList />
      </MountLater>,
    );
    const basics = await createBasics(backend);
    await backend.call('subscription-create', subscriptionFields(basics.subscriber, basics.formula, basics.depot));
    await openList(user);
    await user.click(await screen.findByRole('button', { name: 'Autres actions pour Ploemeur' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Archiver' }));

    expect(await screen.findByText('Dépôt non archivé')).toBeInTheDocument();
    expect(screen.getByText(/Le dépôt Ploemeur a encore 1 abonnement\(s\) en cours : déplacez-les ou terminez-les avant de l’archiver\./)).toBeInTheDocument();
    expect(await backend.call('depot-get', { id: basics.depot })).toMatchObject({ archivedAt: null });
  });

  it('deletes a depot with no history after confirmation', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(
      <MountLater>
        <DepotList />
      </MountLater>,
    );
    const garden = await createGarden(backend);
    await createDepot(backend, garden, { name: 'Gâvres' });
    await openList(user);
    await user.click(await screen.findByRole('button', { name: 'Autres actions pour Gâvres' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Supprimer…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer le dépôt Gâvres ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect(await screen.findByText('Dépôt Gâvres supprimé')).toBeInTheDocument();
    expect(await backend.call('depot-list', { includeArchived: true })).toEqual([]);
    await waitFor(() => expect(screen.getByText(/Aucun dépôt pour le moment/)).toBeInTheDocument());
  });
});
