import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../core';
import { ImportPanel } from '../../../renderer/settings/import/ImportPanel';
import { createTestBackend } from '../../support/core';
import { csvBytes } from '../../support/spreadsheets';
import { renderAgainst } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;

const HEADER = ['N° adhérent', 'Civilité', 'Nom', 'Prénom', 'Adresse', 'CP', 'Ville', 'Tél.', 'Courriel', 'Solde au 10/04'];
const GOOD = [
  ['101', 'Mme', 'Le Goff', 'Anne', '3 rue des Lilas', '56620', 'Pont-Scorff', '02 97 32 10 10', 'anne.legoff@example.fr', '30,00'],
  ['102', 'M.', 'Morvan', 'Ewen', '8 route de Lorient', '56680', 'Riantec', '', 'ewen.morvan@example.fr', '-12,50'],
  ['103', 'M.', 'Tanguy', 'Yann', '1 place de l’Église', '56680', 'Riantec', '06 11 22 33 44', '', '0,00'],
];

function file(rows: string[][], name = 'adherents.csv'): File {
  return new File([csvBytes([HEADER, ...rows], { encoding: 'windows-1252' }) as Uint8Array<ArrayBuffer>], name, { type: 'text/csv' });
}

async function render() {
  const { backend } = await createTestBackend();
  const view = renderAgainst(backend, <ImportPanel readOnly={false} />);
  return { backend, ...view };
}

async function chooseFile(user: User, picked: File) {
  await user.upload(screen.getByLabelText('Fichier à importer'), picked);
  await screen.findByText(/lignes sous l’en-tête/);
}

async function typeCutover(user: User, day: string) {
  const input = screen.getByLabelText('Date de reprise des comptes', { exact: false, selector: 'input' });
  await user.clear(input);
  await user.type(input, day);
}

async function toPreview(user: User) {
  await user.click(screen.getByRole('button', { name: 'Suivant : les colonnes' }));
  await user.click(await screen.findByRole('button', { name: 'Vérifier le fichier' }));
}

const subscriberCount = async (backend: Backend) => ((await backend.call('subscriber-list', {})) as { total: number }).total;

describe('Paramètres → Importer', () => {
  it('reads the French headers of an Excel CSV and proposes each column, with its first values', async () => {
    const user = userEvent.setup();
    await render();
    await chooseFile(user, file(GOOD));
    expect(screen.getByLabelText('Fichier choisi')).toHaveTextContent('adherents.csv');
    expect(screen.getByLabelText('Fichier choisi')).toHaveTextContent('3 lignes sous l’en-tête, 10 colonnes');
    await user.click(screen.getByRole('button', { name: 'Suivant : les colonnes' }));
    const table = await screen.findByRole('table', { name: 'Correspondance des colonnes' });
    const column = (label: string) => within(table).getByLabelText(`Colonne pour « ${label} »`, { selector: 'input' });
    expect(column('N° adhérent')).toHaveValue('N° adhérent');
    expect(column('Nom')).toHaveValue('Nom');
    expect(column('Code postal')).toHaveValue('CP');
    expect(column('Téléphone')).toHaveValue('Tél.');
    expect(column('E-mail')).toHaveValue('Courriel');
    expect(column('Solde')).toHaveValue('Solde au 10/04');
    expect(column('Dépôt')).toHaveValue('');
    const postcodeRow = column('Code postal').closest('tr')!;
    expect(postcodeRow).toHaveTextContent('56620 · 56680 · 56680');
  });

  it('lists both bad lines with their line and column, and imports nothing', async () => {
    const user = userEvent.setup();
    const { backend } = await render();
    const bad = [GOOD[0]!, ['102', 'M.', 'Morvan', 'Ewen', '', '56680', 'Riantec', '', 'ewen@', '-12,50'], ['103', 'M.', 'Tanguy', 'Yann', '', '56680', 'Riantec', '', '', 'douze']];
    await chooseFile(user, file(bad));
    await typeCutover(user, '10/04/2026');
    await toPreview(user);
    const problems = await screen.findByRole('table', { name: 'Problèmes du fichier' });
    const rows = within(problems).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent))).toEqual([
      ['3', 'Courriel'],
      ['4', 'Solde au 10/04'],
    ]);
    expect(rows[0]).toHaveTextContent('Adresse e-mail invalide');
    expect(rows[1]).toHaveTextContent('« douze » n’est pas un montant');
    expect(screen.getByText(/Rien ne sera importé tant que le fichier comporte des problèmes/)).toHaveTextContent('choisissez-le à nouveau');
    expect(screen.getByRole('button', { name: /^Importer/ })).toBeDisabled();
    expect(await subscriberCount(backend)).toBe(0);
  });

  it('asks for the cut-over date when the file has balances', async () => {
    const user = userEvent.setup();
    await render();
    await chooseFile(user, file(GOOD));
    await toPreview(user);
    const problems = await screen.findByRole('table', { name: 'Problèmes du fichier' });
    expect(problems).toHaveTextContent('indiquez la date de reprise des comptes');
    expect(screen.getByRole('button', { name: /^Importer/ })).toBeDisabled();
  });

  it('imports a good file, shows the counts and the opening balances, and keeps it in the history', async () => {
    const user = userEvent.setup();
    const { backend } = await render();
    await chooseFile(user, file(GOOD));
    await typeCutover(user, '10/04/2026');
    await toPreview(user);
    const figures = await screen.findByLabelText('Ce que l’import fera');
    expect(within(figures).getByText('Nouveaux adhérents').nextSibling).toHaveTextContent('3');
    const balances = screen.getByLabelText('Soldes à la reprise');
    expect(balances).toHaveTextContent('Soldes à la reprise du 10/04/2026 — à comparer avec l’ancien logiciel');
    expect(balances).toHaveTextContent(/Avances \(soldes positifs\)30,00\s€1 adhérent/);
    expect(balances).toHaveTextContent(/Dettes \(soldes négatifs\)12,50\s€1 adhérent/);
    await user.click(screen.getByRole('button', { name: 'Importer 3 lignes' }));
    expect(await screen.findByText('Import n° 1 terminé')).toBeInTheDocument();
    expect(screen.getByText(/3 nouveaux adhérents/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Voir les adhérents' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rapport (PDF)' })).toBeInTheDocument();
    expect(await subscriberCount(backend)).toBe(3);
    const history = within(screen.getByRole('region', { name: 'Historique des imports' }));
    await waitFor(() => expect(history.getByRole('table', { name: 'Imports' })).toHaveTextContent('adherents.csv'));
    expect(history.getByRole('button', { name: 'Rapport (CSV) de l’import n° 1' })).toBeInTheDocument();
  });

  it('warns that the same file was already imported, and offers to update the contact details only', async () => {
    const user = userEvent.setup();
    const { backend } = await render();
    await chooseFile(user, file(GOOD));
    await typeCutover(user, '10/04/2026');
    await toPreview(user);
    await user.click(await screen.findByRole('button', { name: 'Importer 3 lignes' }));
    await screen.findByText('Import n° 1 terminé');
    await user.click(screen.getByRole('button', { name: 'Importer un autre fichier' }));

    await chooseFile(user, file(GOOD));
    await typeCutover(user, '10/04/2026');
    await toPreview(user);
    expect(await screen.findByText('Ce fichier a déjà été importé')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importer 3 lignes' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Mettre à jour les coordonnées seulement/ }));
    const update = await screen.findByRole('button', { name: 'Mettre à jour les coordonnées' });
    await waitFor(() => expect(update).toBeEnabled());
    await user.click(update);
    expect(await screen.findByText('Import n° 2 terminé')).toBeInTheDocument();
    expect(await subscriberCount(backend)).toBe(3);
  });
});
