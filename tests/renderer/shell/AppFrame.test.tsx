import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppFrame } from '../../../renderer/shell/AppFrame';
import { renderWithBackend } from '../app-harness';

// Local times: the header shows the office's wall clock, whatever the machine's time zone.
const now = () => new Date(2026, 11, 4, 16, 5);

const NAV = [
  'Tableau de bord',
  'Adhérents',
  'Abonnements',
  'Dépôts & tournées',
  'Semaine',
  'Facturation',
  'Règlements',
  'Prélèvements SEPA',
  'Portail',
  'Paramètres',
];

describe('the application frame', () => {
  it('offers every destination in French, in the office’s order', async () => {
    await renderWithBackend(<AppFrame now={now} />);
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(NAV);
  });

  it('marks the current page in the navigation', async () => {
    // No screen is still to come: every destination has its page.
    const user = userEvent.setup();
    await renderWithBackend(<AppFrame now={now} />);
    await user.click(screen.getByRole('button', { name: 'Portail' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Portail' })).toBeInTheDocument();
    expect(screen.queryByText('Cet écran arrive dans une prochaine version')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Portail' })).toHaveAttribute('aria-current', 'page');
  });

  it('goes to a screen with Alt + its digit, by physical key (AZERTY gives « é » on Digit2)', async () => {
    await renderWithBackend(<AppFrame now={now} />);
    fireEvent.keyDown(document.documentElement, { key: 'é', code: 'Digit2', altKey: true });
    expect(screen.getByRole('heading', { level: 1, name: 'Adhérents' })).toBeInTheDocument();
    fireEvent.keyDown(document.documentElement, { key: 'à', code: 'Digit0', altKey: true });
    expect(screen.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeInTheDocument();
  });

  it('shows the open file and the time of the last save in the header', async () => {
    await renderWithBackend(<AppFrame now={now} />, {
      status: { file: '/données/jardin.paniers', lastSavedAt: new Date(2026, 11, 4, 14, 32).toISOString() },
    });
    const header = screen.getByRole('banner');
    expect(within(header).getByText('jardin.paniers')).toBeInTheDocument();
    expect(within(header).getByText('Enregistré à 14:32')).toBeInTheDocument();
  });

  it('says when nothing was saved yet, and the date when the last save was another day', async () => {
    const first = await renderWithBackend(<AppFrame now={now} />);
    expect(within(screen.getByRole('banner')).getByText('Aucune modification depuis l’ouverture')).toBeInTheDocument();
    first.unmount();
    await renderWithBackend(<AppFrame now={now} />, { status: { lastSavedAt: new Date(2026, 11, 2, 9, 7).toISOString() } });
    expect(within(screen.getByRole('banner')).getByText('Enregistré le 2 décembre 2026 à 09:07')).toBeInTheDocument();
  });

  it('explains read-only mode and who holds the file', async () => {
    await renderWithBackend(<AppFrame now={now} />, { status: { readOnly: true, lockHolder: 'Marie (BUREAU-2, processus 1234)' } });
    expect(within(screen.getByRole('banner')).getByText('Lecture seule')).toBeInTheDocument();
    const alert = screen.getByRole('alert', { name: 'Base ouverte en lecture seule' });
    expect(alert).toHaveTextContent('Base ouverte en lecture seule');
    expect(alert).toHaveTextContent('Marie (BUREAU-2, processus 1234) utilise déjà cette base');
    expect(screen.queryByText(/Enregistré à/)).not.toBeInTheDocument();
  });

  it('lists the keyboard shortcuts in the help window (F1)', async () => {
    await renderWithBackend(<AppFrame now={now} />);
    fireEvent.keyDown(document.documentElement, { key: 'F1', code: 'F1' });
    const dialog = await screen.findByRole('dialog', { name: 'Aide : raccourcis clavier' });
    expect(within(dialog).getByText('Enregistrer le formulaire affiché')).toBeInTheDocument();
    expect(within(dialog).getByText('Aller à « Prélèvements SEPA »')).toBeInTheDocument();
  });
});

describe('Electron menu commands', () => {
  it('opens the help window on « Aide › Raccourcis clavier »', async () => {
    const { MENU_EVENT } = await import('../../../core/bridge');
    await renderWithBackend(<AppFrame now={now} />);
    act(() => {
      window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: 'shortcuts' }));
    });
    expect(await screen.findByRole('dialog', { name: 'Aide : raccourcis clavier' })).toBeInTheDocument();
  });
});
