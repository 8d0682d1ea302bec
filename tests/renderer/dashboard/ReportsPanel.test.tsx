import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createDashboardWorld, renderDashboard } from './dashboard-world';

/** jsdom has no Blob URLs: keep what would have been downloaded, to read it. */
function captureDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  return blobs;
}

describe('Tableau de bord → Rapports', () => {
  it('shows the validated week’s depots and downloads the baskets per week as CSV', async () => {
    const world = await createDashboardWorld();
    await world.backend.call('delivery-close', { day: '2026-12-01', wholeWeek: true });
    const blobs = captureDownloads();
    renderDashboard(world.backend);
    await userEvent.click(await screen.findByRole('tab', { name: 'Rapports' }));

    // « 3 derniers mois » by default: from the first of October to today.
    expect(screen.getByLabelText('Du')).toHaveValue('01/10/2026');
    expect(screen.getByLabelText('Au')).toHaveValue('04/12/2026');
    expect(screen.getByRole('button', { name: '3 derniers mois' })).toHaveAttribute('aria-pressed', 'true');

    const baskets = await screen.findByRole('region', { name: 'Paniers livrés par semaine et par formule' });
    expect(within(baskets).getByLabelText('Paniers livrés sur la période')).toHaveTextContent('4 paniers livrés : Petit panier 4');
    const depots = within(screen.getByRole('region', { name: 'Dépôts' })).getByRole('table', { name: 'Dépôts sur la période' });
    const ploemeur = within(depots).getByRole('row', { name: /^Ploemeur/ });
    expect(within(ploemeur).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ploemeur', 'Pont-Scorff', '2', '2', '2', 'illimitée', '–']);

    await userEvent.click(within(baskets).getByRole('button', { name: 'Paniers livrés par semaine et par formule : exporter (CSV)' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0]!.text()).replace('\ufeff', '').trim().split('\r\n');
    expect(lines).toEqual(['Semaine;Lundi;Formule;Paniers livrés', '2026-W49;30/11/2026;Petit panier;4']);
  });

  it('says on the field when the period ends before it starts, and shows no figure', async () => {
    const world = await createDashboardWorld();
    renderDashboard(world.backend);
    await userEvent.click(await screen.findByRole('tab', { name: 'Rapports' }));
    await screen.findByRole('region', { name: 'Dépôts' });
    const to = screen.getByLabelText('Au');
    await userEvent.clear(to);
    await userEvent.type(to, '01/09/2026');
    expect(await screen.findByText('La fin de la période précède son début : choisissez une date de fin plus tardive.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Dépôts' })).toBeNull();
  });
});
