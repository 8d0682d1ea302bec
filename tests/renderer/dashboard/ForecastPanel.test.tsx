import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createDashboardWorld, renderDashboard } from './dashboard-world';

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('Tableau de bord → Prévisions', () => {
  it('shows, from next Monday, each week’s baskets per formula, garden and delivery day with their totals', async () => {
    const world = await createDashboardWorld();
    // A closure of Port-Louis the week of 14 December: the forecast knows it.
    await world.backend.call('closure-create', { scope: 'depot', gardenId: null, depotId: world.depots.portLouis, fromDate: '2026-12-14', toDate: '2026-12-20', label: 'Marché de Noël' });
    renderDashboard(world.backend);
    await userEvent.click(await screen.findByRole('tab', { name: 'Prévisions' }));

    expect(screen.getByLabelText('À partir du')).toHaveValue('07/12/2026');
    expect(screen.getByLabelText('Semaines')).toHaveValue('8');
    const first = await screen.findByRole('table', { name: 'Prévision — Semaine 50 — du lundi 7 au dimanche 13 décembre 2026' });
    expect(within(first).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Formule', 'Mar. 8', 'Jeu. 10', 'Total']);
    const rows = within(first).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['Petit panier', '3', '1', '4'],
      ['Total de la semaine', '3', '1', '4'],
      ['Par jardin'],
      ['Pont-Scorff', '2', '–', '2'],
      ['Riantec', '1', '1', '2'],
    ]);
    const closed = screen.getByRole('table', { name: 'Prévision — Semaine 51 — du lundi 14 au dimanche 20 décembre 2026' });
    expect(cells(within(closed).getByRole('row', { name: /Total de la semaine/ }))).toEqual(['Total de la semaine', '3', '3']);
    expect(screen.getByText(/31 paniers sur 8 semaines/)).toBeInTheDocument();
  });
});
