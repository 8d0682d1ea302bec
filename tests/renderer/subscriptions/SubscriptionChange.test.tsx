import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../core/subscriptions/subscriptions';
import { SubscriberPage } from '../../../renderer/subscribers/detail/SubscriberPage';
import { createDepot, createGarden, formulaFields, subscriberFields, subscriptionFields } from '../../support/catalog';
import { renderWithBackend } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;

/** The page mounts once the test has put its data in the backend. */
const gate = { open: () => {} };
function Gate() {
  const [open, setOpen] = useState(false);
  gate.open = () => setOpen(true);
  return open ? <SubscriberPage id={1} readOnly={false} onBack={() => {}} /> : null;
}

async function setup() {
  const view = await renderWithBackend(<Gate />);
  const { backend } = view;
  const garden = await createGarden(backend);
  const ploemeur = await createDepot(backend, garden, { name: 'Ploemeur' });
  const lanester = await createDepot(backend, garden, { name: 'Lanester' });
  const formula = ((await backend.call('formula-create', formulaFields())) as { id: number }).id;
  const subscriber = ((await backend.call('subscriber-create', subscriberFields())) as { id: number }).id;
  const sub = (await backend.call('subscription-create', subscriptionFields(subscriber, formula, ploemeur, { startDate: '2026-09-01' }))) as Subscription;
  act(() => gate.open());
  const card = await screen.findByRole('region', { name: 'Abonnement Petit panier' });
  return { ...view, card, chainId: sub.chainId, lanester };
}

async function typeInto(user: User, scope: HTMLElement, label: RegExp, value: string) {
  const field = within(scope).getByRole('textbox', { name: label });
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

async function choose(user: User, scope: HTMLElement, label: string, option: RegExp) {
  await user.click(within(scope).getByRole('combobox', { name: new RegExp(`^${label}`) }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('the subscription change dialogs', () => {
  it('a permanent change from a date creates a new version, shown in the history with its reason', async () => {
    const user = userEvent.setup();
    const { card, backend, chainId } = await setup();
    await user.click(within(card).getByRole('button', { name: 'Changement définitif' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changement définitif' });
    await typeInto(user, dialog, /^À partir du/, '05/01/2027');
    await typeInto(user, dialog, /^Motif/, 'Déménagement');
    await choose(user, dialog, 'Dépôt', /^Lanester/);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le changement' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Changement définitif' })).not.toBeInTheDocument());
    const history = within(card).getByLabelText('Historique de l’abonnement');
    expect(await within(history).findByText('Changement définitif à partir du 5 janvier 2027')).toBeInTheDocument();
    expect(within(history).getByText('Dépôt : Ploemeur → Lanester — motif : Déménagement')).toBeInTheDocument();
    expect(within(history).getByText('Début le 1 septembre 2026')).toBeInTheDocument();
    const saved = (await backend.call('subscription-get', { chainId })) as Subscription;
    expect(saved.versions.map((v) => [v.startDate, v.endDate, v.depotName])).toEqual([
      ['2026-09-01', '2027-01-04', 'Ploemeur'],
      ['2027-01-05', null, 'Lanester'],
    ]);
  });

  it('an overlapping temporary change shows the backend’s message on the dates, and nothing is added', async () => {
    const user = userEvent.setup();
    const { card, backend, chainId, lanester, calls } = await setup();
    await backend.call('subscription-temporary-change', { chainId, fromDate: '2027-01-05', toDate: '2027-01-18', depotId: lanester, formulaId: null, reason: 'Vacances' });
    await user.click(within(card).getByRole('button', { name: 'Changement temporaire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changement temporaire' });
    await typeInto(user, dialog, /^Du/, '12/01/2027');
    await typeInto(user, dialog, /^Au \(inclus\)/, '25/01/2027');
    await choose(user, dialog, 'Dépôt pendant la période', /^Lanester/);
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le changement' }));

    const from = within(dialog).getByRole('textbox', { name: /^Du/ });
    await waitFor(() => expect(from).toHaveAttribute('aria-invalid', 'true'));
    expect(from).toHaveAccessibleDescription('Un changement temporaire couvre déjà du 05/01/2027 au 18/01/2027 : les périodes ne peuvent pas se chevaucher.');
    expect(screen.getByRole('dialog', { name: 'Changement temporaire' })).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'subscription-temporary-change')).toHaveLength(1);
    const saved = (await backend.call('subscription-get', { chainId })) as Subscription;
    expect(saved.temporaryChanges.map((t) => [t.fromDate, t.toDate])).toEqual([['2027-01-05', '2027-01-18']]);
  });

  it('refuses an empty period before asking the backend', async () => {
    const user = userEvent.setup();
    const { card, calls } = await setup();
    await user.click(within(card).getByRole('button', { name: 'Changement temporaire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changement temporaire' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le changement' }));
    const from = within(dialog).getByRole('textbox', { name: /^Du/ });
    await waitFor(() => expect(from).toHaveAttribute('aria-invalid', 'true'));
    expect(from).toHaveAccessibleDescription('Date de début invalide.');
    expect(calls.filter((c) => c.method === 'subscription-temporary-change')).toHaveLength(0);
  });
});
