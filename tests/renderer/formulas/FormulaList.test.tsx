import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FormulaList } from '../../../renderer/formulas/FormulaList/FormulaList';
import { formulaFields } from '../../support/catalog';
import { renderWithBackend, type RecordedCall } from '../app-harness';
import { MountLater } from '../settings/mount-later';

type User = ReturnType<typeof userEvent.setup>;
// The backend's test clock says 4 December 2026; the screen's « today » agrees.
const now = () => new Date(2026, 11, 4, 10, 30);

function input(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByLabelText(label, { exact: false, selector: 'input, textarea' });
}

async function type(user: User, scope: HTMLElement, label: string, value: string) {
  const field = input(scope, label);
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

const callsTo = (calls: RecordedCall[], method: string) => calls.filter((call) => call.method === method);

function screenWithFormulas() {
  return (
    <MountLater>
      <FormulaList now={now} />
    </MountLater>
  );
}

describe('Paramètres → Formules', () => {
  it('lists a formula with its price today, VAT and quarterly amount in French', async () => {
    const user = userEvent.setup();
    const { backend } = await renderWithBackend(screenWithFormulas());
    await backend.call('formula-create', formulaFields({ availableFromMonth: 5, availableToMonth: 10, frequencies: ['weekly', 'biweekly_odd'] }));
    await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
    const table = await screen.findByRole('table', { name: 'Formules' });
    const row = (await within(table).findByText('Petit panier')).closest('tr')!;
    expect(row).toHaveTextContent('10,50 €');
    expect(row).toHaveTextContent('5,5 %');
    expect(row).toHaveTextContent('130,00 €');
    expect(row).toHaveTextContent('mai à octobre');
    expect(row).toHaveTextContent('hebdo, 1 sem. sur 2 (impaires)');
  });

  it('changes the price from a later date: sends it in cents, keeps the history, shows the coming price', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(screenWithFormulas());
    const formula = (await backend.call('formula-create', formulaFields())) as { id: number };
    await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
    await user.click(await screen.findByRole('button', { name: 'Prix de Petit panier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prix de la formule Petit panier' });
    await waitFor(() => expect(input(dialog, 'Nouveau prix à partir du')).toHaveFocus());

    // A typing mistake in each field: said on the field, nothing sent.
    await type(user, dialog, 'Nouveau prix à partir du', '31/02/2027');
    await type(user, dialog, 'Nouveau prix par livraison', 'onze euros');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le nouveau prix' }));
    expect(input(dialog, 'Nouveau prix à partir du')).toHaveAccessibleDescription(/La date « 31\/02\/2027 » n'existe pas\./);
    expect(input(dialog, 'Nouveau prix par livraison')).toHaveAccessibleDescription(/« onze euros » n'est pas un montant en euros/);
    expect(callsTo(calls, 'formula-price-set')).toHaveLength(0);

    await type(user, dialog, 'Nouveau prix à partir du', '1/1/2027');
    await type(user, dialog, 'Nouveau prix par livraison', '11');
    await user.keyboard('{Enter}');

    expect(await within(dialog).findByText('à venir')).toBeInTheDocument();
    expect(callsTo(calls, 'formula-price-set').map((call) => call.input)).toEqual([{ formulaId: formula.id, validFrom: '2027-01-01', priceCents: 1100 }]);
    expect(within(dialog).getByText('vendredi 1er janvier 2027').closest('tr')).toHaveTextContent('11,00 €');
    expect(within(dialog).getByText('jeudi 1er janvier 2026').closest('tr')).toHaveTextContent('10,50 €en vigueur');
    expect(await backend.call('formula-get', { id: formula.id })).toMatchObject({
      currentPriceCents: 1050,
      prices: [
        { validFrom: '2026-01-01', priceCents: 1050 },
        { validFrom: '2027-01-01', priceCents: 1100 },
      ],
    });
    await user.keyboard('{Escape}');
    const row = (await within(screen.getByRole('table', { name: 'Formules' })).findByText('Petit panier')).closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('11,00 € dès le 01/01/2027'));
  });

  it('puts the backend’s refusal of a date over recorded deliveries on the date field', async () => {
    const user = userEvent.setup();
    const refusal = 'Des livraisons sont déjà enregistrées jusqu’au 30/11/2026 à l’ancien prix : le nouveau prix doit commencer après.';
    const { backend } = await renderWithBackend(screenWithFormulas(), {
      answer: (method) => (method === 'formula-price-set' ? { error: { type: 'validation', message: refusal, fields: { validFrom: refusal } } } : undefined),
    });
    const formula = (await backend.call('formula-create', formulaFields())) as { id: number };
    await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
    await user.click(await screen.findByRole('button', { name: 'Prix de Petit panier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prix de la formule Petit panier' });
    await type(user, dialog, 'Nouveau prix à partir du', '01/11/2026');
    await type(user, dialog, 'Nouveau prix par livraison', '11,00');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le nouveau prix' }));

    await waitFor(() => expect(input(dialog, 'Nouveau prix à partir du')).toHaveAttribute('aria-invalid', 'true'));
    expect(input(dialog, 'Nouveau prix à partir du')).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(input(dialog, 'Nouveau prix par livraison')).toHaveValue('11,00');
    expect(await screen.findByText('Prix non enregistré')).toBeInTheDocument();
    expect(await backend.call('formula-get', { id: formula.id })).toMatchObject({ prices: [{ validFrom: '2026-01-01', priceCents: 1050 }] });
  });

  it('creates a formula, refusing first a missing price and no frequency on their fields', async () => {
    const user = userEvent.setup();
    const { backend, calls } = await renderWithBackend(screenWithFormulas());
    await user.click(screen.getByRole('button', { name: 'Afficher l’écran' }));
    await user.click(await screen.findByRole('button', { name: 'Nouvelle formule' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle formule' });
    expect(input(dialog, 'Prix applicable à partir du')).toHaveValue('04/12/2026');
    await type(user, dialog, 'Nom de la formule', 'Grand panier');
    await type(user, dialog, 'Code', 'GRAND');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Chaque semaine' }));
    await user.click(within(dialog).getByRole('button', { name: 'Créer la formule' }));

    expect(input(dialog, 'Prix par livraison')).toHaveAccessibleDescription(/Indiquez le prix par livraison/);
    expect(within(dialog).getByText('Proposez au moins une fréquence.')).toBeInTheDocument();
    expect(callsTo(calls, 'formula-create')).toHaveLength(0);

    await type(user, dialog, 'Prix par livraison', '19,90');
    await type(user, dialog, 'Forfait trimestriel', '240');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Une fois par mois' }));
    await user.click(within(dialog).getByRole('button', { name: 'Créer la formule' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouvelle formule' })).not.toBeInTheDocument());
    expect(await backend.call('formula-list', {})).toEqual([
      expect.objectContaining({ code: 'GRAND', quarterlyFlatCents: 24000, frequencies: ['monthly'], prices: [{ validFrom: '2026-12-04', priceCents: 1990 }] }),
    ]);
  });
});
