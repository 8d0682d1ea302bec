import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createInvoicingWorld } from '../../core/invoicing/invoicing-world';
import { subscriptionFields } from '../../support/catalog';
import { createWorld } from '../../support/world';
import { renderWeek } from './week-harness';

/** Five subscribers over three depots and two days; one of them absent on Tuesday 8 December. */
async function smallWeek() {
  const world = await createWorld();
  await world.subscribe(world.depots.ploemeur, {}, { lastName: 'Abgrall', firstName: 'Anne' });
  const absent = await world.subscribe(world.depots.ploemeur, {}, { lastName: 'Bihan', firstName: 'Bruno' });
  await world.subscribe(world.depots.guidel, { quantity: 2 }, { lastName: 'Cadic', firstName: 'Claire' });
  await world.subscribe(world.depots.riantec, {}, { lastName: 'Daniel', firstName: 'David' });
  await world.subscribe(world.depots.portLouis, {}, { lastName: 'Ezanno', firstName: 'Émilie' });
  await world.backend.call('cancellation-create', { chainId: absent, fromDate: '2026-12-08', toDate: '2026-12-08', reason: 'En vacances', confirmLate: false });
  return world;
}

function row(table: HTMLElement, header: string): string[] {
  const th = within(table).getByRole('rowheader', { name: header });
  return [...th.closest('tr')!.querySelectorAll('td')].map((td) => td.textContent ?? '');
}

describe('the Semaine screen', () => {
  it('groups a small week by day, round and depot, with the totals, and greys the cancelled basket', async () => {
    const user = userEvent.setup();
    const world = await smallWeek();
    renderWeek(world.backend);
    await screen.findByText('Semaine 49 — du lundi 30 novembre au dimanche 6 décembre 2026');
    await user.click(screen.getByRole('button', { name: 'Semaine suivante' }));
    await screen.findByText('Semaine 50 — du lundi 7 au dimanche 13 décembre 2026');

    const totals = await screen.findByRole('table', { name: 'Totaux de la semaine' });
    expect(row(totals, 'Total de la semaine')).toEqual(['5', '5']);
    expect(row(totals, 'Jardin Pont-Scorff')).toEqual(['3', '3']);
    expect(row(totals, 'Jardin Riantec')).toEqual(['2', '2']);
    expect(row(totals, 'mar. 8 · Tournée MAR-PS')).toEqual(['3', '3']);
    expect(row(totals, 'jeu. 10 · Tournée JEU')).toEqual(['1', '1']);
    expect(screen.getByText('Non comptés : 1 annulé.')).toBeInTheDocument();
    expect(screen.getByText(/Montant prévu des paniers à livrer/)).toHaveTextContent(/52,50\s€/);

    const tuesday = screen.getByRole('region', { name: 'Mardi 8 décembre' });
    expect(within(tuesday).getByText('4 paniers à livrer · 1 annulé ou fermé')).toBeInTheDocument();
    const round = within(tuesday).getByRole('region', { name: 'Tournée Tournée MAR-PS' });
    const depots = within(round).getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(depots).toEqual(['Dépôt Ploemeur', 'Dépôt Guidel']);

    const ploemeur = within(round).getByRole('table', { name: 'Paniers de Ploemeur, mardi 8 décembre' });
    const rows = within(ploemeur).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['Anne Abgrall', 'Bruno Bihan']);
    expect(rows[1]).toHaveAttribute('data-off', 'true');
    expect(within(rows[1]!).getByText('Annulé')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('En vacances')).toBeInTheDocument();
    // The depot's count is of due baskets only: Bruno's cancelled basket is not in it.
    expect(within(round).getByRole('region', { name: 'Dépôt Ploemeur' })).toHaveTextContent('1 panier · Petit panier 1');
    expect(within(round).getByRole('region', { name: 'Dépôt Guidel' })).toHaveTextContent('2 paniers · Petit panier 2');

    const thursday = screen.getByRole('region', { name: 'Jeudi 10 décembre' });
    expect(within(thursday).getByRole('table', { name: 'Paniers de Port-Louis, jeudi 10 décembre' })).toHaveTextContent('Émilie Ezanno');
  });

  it('says so when there is no subscription yet', async () => {
    const world = await createWorld();
    renderWeek(world.backend);
    expect(await screen.findByText('Aucun abonnement pour l’instant')).toBeInTheDocument();
  });

  it('shows a closure’s preview before saving it, and saves nothing when cancelled', async () => {
    const user = userEvent.setup();
    const world = await smallWeek();
    const { calls } = renderWeek(world.backend);
    await user.click(screen.getByRole('tab', { name: 'Fermetures' }));
    await screen.findByText('Aucune fermeture');
    await user.click(screen.getByRole('button', { name: 'Nouvelle fermeture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle fermeture' });
    await user.click(within(dialog).getByRole('radio', { name: 'Un jardin' }));
    await user.click(within(dialog).getByPlaceholderText('Choisissez le jardin'));
    await user.click(await screen.findByRole('option', { name: 'Pont-Scorff' }));
    await user.type(within(dialog).getByLabelText('Du', { exact: false }), '2026-12-07');
    await user.type(within(dialog).getByLabelText('Au', { exact: false }), '2026-12-13');
    await user.type(within(dialog).getByRole('textbox', { name: /Libellé/ }), 'Coupure de Pont-Scorff{Enter}');

    const preview = await within(dialog).findByLabelText('Aperçu de la fermeture');
    // Anne (1) and Claire (2); Bruno's basket was already cancelled, Riantec is untouched.
    expect(within(preview).getByText('Paniers retirés').nextSibling).toHaveTextContent('3');
    expect(within(preview).getByText('Non facturé').nextSibling).toHaveTextContent(/31,50\s€/);
    expect(within(preview).getByText('Adhérents').nextSibling).toHaveTextContent('2');
    expect(within(preview).getByText(/Dépôts :/).parentElement).toHaveTextContent('Dépôts : Guidel, Ploemeur');
    expect(within(preview).getByRole('table', { name: 'Adhérents concernés' })).toHaveTextContent('Anne Abgrall');
    expect(within(preview).getByRole('table', { name: 'Adhérents concernés' })).toHaveTextContent('a3@example.fr');
    expect(within(dialog).getByRole('button', { name: 'Enregistrer la fermeture' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouvelle fermeture' })).not.toBeInTheDocument());
    expect(calls.map((c) => c.method)).not.toContain('closure-create');
    expect(await world.backend.call('closure-list', {})).toEqual([]);
  });

  it('saves a closure only after its preview, then offers to export the affected subscribers', async () => {
    const user = userEvent.setup();
    const world = await smallWeek();
    renderWeek(world.backend);
    await user.click(screen.getByRole('tab', { name: 'Fermetures' }));
    await user.click(await screen.findByRole('button', { name: 'Nouvelle fermeture' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle fermeture' });
    await user.type(within(dialog).getByLabelText('Du', { exact: false }), '2026-12-10');
    await user.type(within(dialog).getByLabelText('Au', { exact: false }), '2026-12-10');
    // No label: the backend's French message on the field, nothing previewed or saved.
    await user.click(within(dialog).getByRole('button', { name: 'Voir l’effet' }));
    expect(await within(dialog).findByText(/Indiquez un libellé/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Libellé/ }), 'Inventaire');
    await user.click(within(dialog).getByRole('button', { name: 'Voir l’effet' }));
    await within(dialog).findByLabelText('Aperçu de la fermeture');
    // Changing a field after the preview asks for a new one before saving.
    await user.type(within(dialog).getByRole('textbox', { name: /Libellé/ }), ' annuel');
    expect(within(dialog).queryByRole('button', { name: 'Enregistrer la fermeture' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Voir l’effet' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Enregistrer la fermeture' }));
    const done = await screen.findByRole('dialog', { name: 'Fermeture enregistrée' });
    expect(within(done).getByText(/1 panier retiré, 1 adhérent concerné/)).toBeInTheDocument();
    expect(within(done).getByRole('button', { name: 'Exporter les adhérents concernés' })).toBeEnabled();
    expect(await world.backend.call('closure-list', {})).toMatchObject([{ label: 'Inventaire annuel', fromDate: '2026-12-10', target: 'Toute l’association' }]);
  });

  it('validates a past day, then corrects a record only with a reason, and shows the trail', async () => {
    const user = userEvent.setup();
    const world = await smallWeek();
    const { calls } = renderWeek(world.backend);
    const tuesday = await screen.findByRole('region', { name: 'Mardi 1 décembre' }, { timeout: 5000 });
    await user.click(within(tuesday).getByRole('button', { name: 'Valider la journée' }));
    const confirm = await screen.findByRole('dialog', { name: 'Valider la journée' });
    expect(confirm).toHaveTextContent('Valider le mardi 1 décembre : 5 paniers prévus deviennent des livraisons');
    await user.click(within(confirm).getByRole('button', { name: 'Valider' }));
    const records = await within(screen.getByRole('region', { name: 'Mardi 1 décembre' })).findByRole('table', { name: 'Livraisons enregistrées de Ploemeur' });
    expect(within(records).getAllByText('Livré')).toHaveLength(2);

    await user.click(within(records).getByRole('button', { name: 'Corriger la livraison de Anne Abgrall' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Marquer « Non retiré »' }));
    const dialog = await screen.findByRole('dialog', { name: 'Marquer « Non retiré »' });
    await user.type(within(dialog).getByRole('textbox', { name: /Corrigé par/ }), 'Marie');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer la correction' }));
    expect(await within(dialog).findByText('Indiquez la raison de la correction.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'delivery-correct')).toEqual([]);
    const saved = (await world.backend.call('delivery-records', { day: '2026-12-01' })) as { subscriberName: string }[];
    expect(saved.find((r) => r.subscriberName === 'Anne Abgrall')).toMatchObject({ status: 'delivered', corrections: [] });

    await user.type(within(dialog).getByRole('textbox', { name: /Raison/ }), 'Panier resté au dépôt{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Marquer « Non retiré »' })).not.toBeInTheDocument());
    const after = await screen.findByRole('table', { name: 'Livraisons enregistrées de Ploemeur' });
    await within(after).findByText('Non retiré');
    expect(within(after).getByText(/Corrigé le .* par Marie : Livré → Non retiré \(Panier resté au dépôt\)/)).toBeInTheDocument();

    // The name is remembered for the next correction of the session.
    await user.click(within(after).getByRole('button', { name: 'Corriger la livraison de Bruno Bihan' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Marquer « Non livré »' }));
    const next = await screen.findByRole('dialog', { name: 'Marquer « Non livré »' });
    expect(within(next).getByRole('textbox', { name: /Corrigé par/ })).toHaveValue('Marie');
  });
});

describe('a correction after invoicing', () => {
  it('proposes the matching credit note, and issues it when the office agrees', async () => {
    const user = userEvent.setup();
    const world = await createInvoicingWorld();
    const subscriber = await world.subscriber({ lastName: 'Abgrall', firstName: 'Anne' });
    await world.backend.call('subscription-create', subscriptionFields(subscriber, world.formulas.petit, world.depots.ploemeur, { startDate: '2026-11-01' }));
    await world.closeMonth('2026-11');
    const run = await world.prepare('2026-11');
    await world.issue(run.id);

    renderWeek(world.backend, { weekDay: '2026-11-03' });
    const records = await screen.findByRole('table', { name: 'Livraisons enregistrées de Ploemeur' }, { timeout: 5000 });
    await user.click(within(records).getByRole('button', { name: 'Corriger la livraison de Anne Abgrall' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Marquer « Non livré »' }));
    const dialog = await screen.findByRole('dialog', { name: 'Marquer « Non livré »' });
    await user.type(within(dialog).getByRole('textbox', { name: /Corrigé par/ }), 'Marie');
    await user.type(within(dialog).getByRole('textbox', { name: /Raison/ }), 'Oubli du chauffeur{Enter}');

    const offer = await screen.findByRole('dialog', { name: 'Émettre l’avoir correspondant ?' });
    expect(offer).toHaveTextContent('Ce panier figure sur la facture FA-2026-00001');
    await user.click(within(offer).getByRole('button', { name: 'Émettre l’avoir' }));
    await waitFor(async () => expect(await world.balance(subscriber)).toBe(-3 * 1050));
  });
});
