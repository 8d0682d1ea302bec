import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DashboardPage } from '../../../renderer/screens/Dashboard/Dashboard.page';
import { createPaymentsWorld, recordCheques } from '../../core/payments/payments-world';
import { renderWithBackend } from '../app-harness';
import { createDashboardWorld, now, renderDashboard, WhereAmI } from './dashboard-world';

describe('Tableau de bord → Aujourd’hui', () => {
  it('greets an empty database with its first steps, and no figure at all', async () => {
    await renderWithBackend(
      <>
        <DashboardPage now={now} />
        <WhereAmI />
      </>,
    );
    const steps = await screen.findByRole('region', { name: 'Premiers pas' });
    expect(within(steps).getByText(/aucun adhérent/)).toBeInTheDocument();
    const list = within(steps).getByRole('list', { name: 'Premières étapes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Renseignez l’association'),
      expect.stringContaining('Créez les jardins, les dépôts et les tournées'),
      expect.stringContaining('Créez les formules'),
      expect.stringContaining('Importez l’ancien fichier'),
      expect.stringContaining('Enregistrez les adhérents'),
    ]);
    // No zeros pretending to be data: neither the week's baskets nor a task list.
    expect(screen.queryByRole('region', { name: 'Paniers de la semaine' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'À faire' })).toBeNull();
    expect(screen.queryByText(/^0$/)).toBeNull();

    await userEvent.click(within(list).getByRole('button', { name: 'Importer l’ancien fichier' }));
    expect(screen.getByLabelText('Écran')).toHaveTextContent('settings - import');
  });

  it('shows this week’s baskets per formula and per garden, and leads from « à valider » to the week', async () => {
    const world = await createDashboardWorld();
    renderDashboard(world.backend);

    const week = await screen.findByRole('region', { name: 'Paniers de la semaine' });
    expect(within(week).getByText('Semaine 49 — du lundi 30 novembre au dimanche 6 décembre 2026')).toBeInTheDocument();
    expect(within(week).getByLabelText('Total : 4 paniers')).toHaveTextContent('4');
    const byFormula = within(week).getByRole('list', { name: 'Paniers par formule' });
    expect(within(byFormula).getAllByRole('listitem').map((i) => i.getAttribute('aria-label'))).toEqual(['Petit panier : 4']);
    const byGarden = within(week).getByRole('list', { name: 'Paniers par jardin' });
    expect(within(byGarden).getAllByRole('listitem').map((i) => i.getAttribute('aria-label'))).toEqual(['Pont-Scorff : 2', 'Riantec : 2']);

    const tasks = screen.getByRole('region', { name: 'À faire' });
    const open = within(tasks).getByRole('button', { name: /^Semaine du 30 novembre : 2 jours de livraison à valider \(4 paniers\).* : ouvrir la semaine$/ });
    await userEvent.click(open);
    expect(screen.getByLabelText('Écran')).toHaveTextContent('week 2026-12-01');
  });

  it('lists the money tasks with their amount, each leading to its screen', async () => {
    const w = await createPaymentsWorld();
    const payer = await w.payer({ lastName: 'Le Gall' });
    await recordCheques(w, payer, [{ number: '31', bank: 'La Banque Postale', amountCents: 4550, receivedOn: '2026-11-20', plannedDepositOn: '2026-12-01' }]);
    renderDashboard(w.backend);
    const tasks = await screen.findByRole('region', { name: 'À faire' });
    const line = within(tasks).getByText(/1 chèque à remettre en banque/);
    expect(line).toHaveTextContent('1 chèque à remettre en banque · 45,50 €');
    await userEvent.click(within(tasks).getByRole('button', { name: '1 chèque à remettre en banque : règlements' }));
    expect(screen.getByLabelText('Écran')).toHaveTextContent('payments');
  });
});
