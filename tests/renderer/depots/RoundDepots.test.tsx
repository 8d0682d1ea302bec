import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../core';
import { RoundList } from '../../../renderer/depots/RoundList/RoundList';
import { createDepot, createGarden } from '../../support/catalog';
import { renderWithBackend, type RecordedCall } from '../app-harness';
import { MountLater } from '../settings/mount-later';

interface RoundOut {
  id: number;
  depots: { id: number; name: string }[];
}

/** A Tuesday round « Pont-Scorff – mardi » through Pont-Scorff, Quéven, Guidel (in that order). */
async function seed(backend: Backend) {
  const garden = await createGarden(backend);
  const ids: Record<string, number> = {};
  for (const name of ['Pont-Scorff', 'Quéven', 'Guidel', 'Lanester']) ids[name] = await createDepot(backend, garden, { name });
  const round = (await backend.call('round-create', { code: 'PS-MAR', name: 'Pont-Scorff – mardi', weekday: 2, colour: '#2f9e44' })) as RoundOut;
  await backend.call('round-set-depots', { id: round.id, depotIds: [ids['Pont-Scorff'], ids['Quéven'], ids['Guidel']] });
  return { ids, round: round.id };
}

async function show(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
  return screen.findByRole('list', { name: 'Dépôts de la tournée Pont-Scorff – mardi, dans l’ordre de livraison' });
}

function shown(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

async function savedOrder(backend: Backend): Promise<string[]> {
  const rounds = (await backend.call('round-list', {})) as RoundOut[];
  return rounds[0]!.depots.map((depot) => depot.name);
}

const setDepots = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'round-set-depots').map((call) => call.input);

describe('Tournées → the ordered depots of a round', () => {
  it('moves a depot down with its arrow: sends the new order, shows it, and it is saved', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(
      <MountLater>
        <RoundList />
      </MountLater>,
    );
    const { ids, round } = await seed(backend);
    const list = await show(user);
    expect(shown(list)).toEqual(['1.Pont-Scorff', '2.Quéven', '3.Guidel']);
    expect(within(list).getByRole('button', { name: 'Monter Pont-Scorff' })).toBeDisabled();
    expect(within(list).getByRole('button', { name: 'Descendre Guidel' })).toBeDisabled();

    await user.click(within(list).getByRole('button', { name: 'Descendre Pont-Scorff' }));

    await waitFor(() => expect(shown(list)).toEqual(['1.Quéven', '2.Pont-Scorff', '3.Guidel']));
    expect(setDepots(calls)).toEqual([{ id: round, depotIds: [ids['Quéven'], ids['Pont-Scorff'], ids['Guidel']] }]);
    expect(await savedOrder(backend)).toEqual(['Quéven', 'Pont-Scorff', 'Guidel']);

    await user.click(within(list).getByRole('button', { name: 'Monter Guidel' }));
    await waitFor(() => expect(shown(list)).toEqual(['1.Quéven', '2.Guidel', '3.Pont-Scorff']));
    expect(await savedOrder(backend)).toEqual(['Quéven', 'Guidel', 'Pont-Scorff']);
  });

  it('moves a depot with the keyboard (↑ on its grip) and by drag and drop', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(
      <MountLater>
        <RoundList />
      </MountLater>,
    );
    await seed(backend);
    const list = await show(user);

    const grip = within(list).getByRole('button', { name: /^Déplacer Guidel/ });
    grip.focus();
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(shown(list)).toEqual(['1.Pont-Scorff', '2.Guidel', '3.Quéven']));
    expect(await savedOrder(backend)).toEqual(['Pont-Scorff', 'Guidel', 'Quéven']);

    // Drag Quéven (3rd) onto the first place.
    const dataTransfer = { setData: () => {}, effectAllowed: 'none', dropEffect: 'none' };
    fireEvent.dragStart(within(list).getByRole('button', { name: /^Déplacer Quéven/ }), { dataTransfer });
    const first = within(list).getAllByRole('listitem')[0]!;
    fireEvent.dragOver(first, { dataTransfer });
    fireEvent.drop(first, { dataTransfer });
    await waitFor(() => expect(shown(list)).toEqual(['1.Quéven', '2.Pont-Scorff', '3.Guidel']));
    expect(await savedOrder(backend)).toEqual(['Quéven', 'Pont-Scorff', 'Guidel']);
  });

  it('shows the backend’s refusal of a depot already delivered that day by another round, and keeps the saved order', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(
      <MountLater>
        <RoundList />
      </MountLater>,
    );
    const { ids } = await seed(backend);
    const other = (await backend.call('round-create', { code: 'PS-MAR2', name: 'Lanester – mardi', weekday: 2, colour: '#1971c2' })) as RoundOut;
    await backend.call('round-set-depots', { id: other.id, depotIds: [ids['Lanester']] });
    const list = await show(user);

    await user.click(screen.getByLabelText('Ajouter un dépôt à la tournée Pont-Scorff – mardi', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: /^Lanester/ }));

    const message = 'Le dépôt Lanester est déjà livré le mardi par la tournée Lanester – mardi.';
    expect(await within(screen.getByRole('article', { name: 'Tournée Pont-Scorff – mardi' })).findByText(message)).toBeInTheDocument();
    expect(list).toHaveAccessibleDescription(message);
    expect(shown(list)).toEqual(['1.Pont-Scorff', '2.Quéven', '3.Guidel']);
    expect(await savedOrder(backend)).toEqual(['Pont-Scorff', 'Quéven', 'Guidel']);
  });

  it('adds a depot at the end and moves it straight away: no click is lost while the first save runs', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(
      <MountLater>
        <RoundList />
      </MountLater>,
    );
    await seed(backend);
    const list = await show(user);
    await user.click(screen.getByLabelText('Ajouter un dépôt à la tournée Pont-Scorff – mardi', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: /^Lanester/ }));
    await user.click(within(list).getByRole('button', { name: 'Monter Lanester' }));
    await user.click(within(list).getByRole('button', { name: 'Monter Lanester' }));
    await waitFor(() => expect(shown(list)).toEqual(['1.Pont-Scorff', '2.Lanester', '3.Quéven', '4.Guidel']));
    await waitFor(async () => expect(await savedOrder(backend)).toEqual(['Pont-Scorff', 'Lanester', 'Quéven', 'Guidel']));
    expect(setDepots(calls)).toHaveLength(3);
  });

  it('removes a depot from the round', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(
      <MountLater>
        <RoundList />
      </MountLater>,
    );
    await seed(backend);
    const list = await show(user);
    await user.click(within(list).getByRole('button', { name: 'Retirer Quéven de la tournée' }));
    await waitFor(() => expect(shown(list)).toEqual(['1.Pont-Scorff', '2.Guidel']));
    expect(await savedOrder(backend)).toEqual(['Pont-Scorff', 'Guidel']);
  });
});
