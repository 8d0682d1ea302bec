import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubscriberPage } from '../../../renderer/subscribers/detail/SubscriberPage';
import { createPaymentsWorld, recordCheques, type PaymentsWorld } from '../../core/payments/payments-world';
import { TEST_NOW } from '../../support/core';
import { renderAgainst } from '../app-harness';

type User = ReturnType<typeof userEvent.setup>;

// The dialogs default their dates to the renderer's today: the same day as the backend's clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(TEST_NOW));
});
afterEach(() => vi.useRealTimers());

const CHEQUE = { paymentMethod: 'cheque', iban: '', mandateSignedOn: null };

function openPage(w: PaymentsWorld, id: number) {
  return renderAgainst(w.backend, <SubscriberPage id={id} readOnly={false} onBack={() => {}} />);
}

const field = (scope: HTMLElement, name: string) => within(scope).getByRole('textbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}( \\*)?$`) });

async function typeInto(user: User, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.type(input, text);
}

async function account() {
  return screen.findByRole('region', { name: 'Compte' });
}

describe('payments on the subscriber’s page', () => {
  it('records a transfer, and refuses one without its reference on the reference field', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const id = await w.payer({ firstName: 'Anne', lastName: 'Le Goff' });
    const { calls } = openPage(w, id);
    await user.click(await within(await account()).findByRole('button', { name: 'Enregistrer un règlement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer un règlement' });
    expect(field(dialog, 'Date du règlement')).toHaveValue('04/12/2026');
    await typeInto(user, field(dialog, 'Montant (€)'), '42,50');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le règlement' }));

    const reference = field(dialog, 'Référence du virement');
    await waitFor(() => expect(reference).toHaveAttribute('aria-invalid', 'true'));
    expect(reference).toHaveAccessibleDescription(/Indiquez la référence du virement \(telle qu’elle figure sur le relevé bancaire\)/);
    expect(await w.balance(id)).toBe(0);

    await typeInto(user, reference, 'VIR-2026-118');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le règlement' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Enregistrer un règlement' })).not.toBeInTheDocument());
    const card = await account();
    expect(await within(card).findByText('En sa faveur : 42,50 €')).toBeInTheDocument();
    expect(within(card).getByRole('row', { name: /Virement VIR-2026-118/ })).toHaveTextContent('04/12/2026');
    expect(await w.balance(id)).toBe(4250);
    expect(calls.filter((c) => c.method === 'payment-record')).toHaveLength(2);
  });

  it('records three postdated cheques in one dialog, monthly, with a backend refusal on the second line’s number first', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const other = await w.payer({ lastName: 'Morvan' });
    await recordCheques(w, other, [{ number: '1234568', bank: 'Crédit Agricole', amountCents: 1000 }]);
    const id = await w.payer({ firstName: 'Anne', lastName: 'Le Goff' });
    openPage(w, id);
    await user.click(await within(await account()).findByRole('button', { name: 'Enregistrer des chèques' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer des chèques' });
    expect(field(dialog, 'Chèque 1 — tireur')).toHaveValue('Anne Le Goff');
    await typeInto(user, field(dialog, 'Chèque 1 — numéro'), '1234567');
    await typeInto(user, field(dialog, 'Chèque 1 — banque'), 'Crédit Agricole');
    await typeInto(user, field(dialog, 'Chèque 1 — montant'), '45,50');
    await typeInto(user, field(dialog, 'Chèque 1 — remise prévue le'), '05/01/2027');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter une ligne' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter une ligne' }));
    expect(field(dialog, 'Chèque 3 — numéro')).toHaveValue('1234569');
    await user.click(within(dialog).getByRole('button', { name: 'chaque mois' }));
    expect(field(dialog, 'Chèque 3 — remise prévue le')).toHaveValue('05/03/2027');
    expect(within(dialog).getByText('3 chèques · 136,50 €')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les 3 chèques' }));
    const second = field(dialog, 'Chèque 2 — numéro');
    await waitFor(() => expect(second).toHaveAttribute('aria-invalid', 'true'));
    expect(second).toHaveAccessibleDescription(/Chèque 2 : le chèque n° 1234568 \(Crédit Agricole\) est déjà enregistré, reçu le 04\/12\/2026 pour Test Morvan/);
    expect(field(dialog, 'Chèque 1 — numéro')).not.toHaveAttribute('aria-invalid', 'true');
    expect(await w.balance(id)).toBe(0);

    await typeInto(user, second, '7654321');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer les 3 chèques' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Enregistrer des chèques' })).not.toBeInTheDocument());
    const cheques = await screen.findByRole('table', { name: 'Chèques' });
    await waitFor(() => expect(within(cheques).getAllByRole('row')).toHaveLength(4));
    expect(
      within(cheques)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent?.replace(/\s/g, ' ')),
    ).toEqual([
      '1234569Crédit Agricole45,50 €05/03/2027En attente',
      '7654321Crédit Agricole45,50 €05/02/2027En attente',
      '1234567Crédit Agricole45,50 €05/01/2027En attente',
    ]);
    expect(await within(await account()).findByText('En sa faveur : 136,50 €')).toBeInTheDocument();
    expect(await w.balance(id)).toBe(13650);
  });

  it('refuses a refund above the credit on the amount, then refunds the credit', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const id = await w.payer();
    await w.call('payment-record', { subscriberId: id, amountCents: 1500, method: 'cash', date: '2026-12-01' });
    openPage(w, id);
    await user.click(await within(await account()).findByRole('button', { name: 'Rembourser l’avance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rembourser l’avance' });
    const amount = field(dialog, 'Montant (€)');
    expect(amount).toHaveValue('15,00');
    await typeInto(user, amount, '20');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le remboursement' }));
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    expect(amount).toHaveAccessibleDescription(/Le remboursement \(20,00\s€\) dépasse l’avoir de l’adhérent \(15,00\s€\) ; indiquez au plus 15,00\s€/);
    expect(await w.balance(id)).toBe(1500);

    await typeInto(user, amount, '15');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le remboursement' }));
    const card = await account();
    expect(await within(card).findByText('Solde nul')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Rembourser l’avance' })).not.toBeInTheDocument();
  });

  it('cancels a transfer with a reason: a reversal entry, and no more « Annuler » on it', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const id = await w.payer();
    await w.call('payment-record', { subscriberId: id, amountCents: 3000, method: 'transfer', reference: 'VIR-77', date: '2026-12-02' });
    await recordCheques(w, id, [{ number: '555', bank: 'La Poste', amountCents: 2000 }]);
    openPage(w, id);
    const card = await account();
    const transfer = await within(card).findByRole('row', { name: /Virement VIR-77/ });
    // A cheque is undone as « impayé » on the cheques screen, not here.
    expect(within(within(card).getByRole('row', { name: /Chèque La Poste n° 555/ })).queryByRole('button', { name: 'Annuler' })).not.toBeInTheDocument();
    await user.click(within(transfer).getByRole('button', { name: 'Annuler' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annuler ce règlement ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler le règlement' }));
    const reason = field(dialog, 'Motif de l’annulation');
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    await typeInto(user, reason, 'saisi sur le mauvais adhérent');
    await user.click(within(dialog).getByRole('button', { name: 'Annuler le règlement' }));

    expect(await within(card).findByRole('row', { name: /Annulation : Virement VIR-77 \(saisi sur le mauvais adhérent\)/ })).toHaveTextContent('-30,00 €');
    await waitFor(() => expect(within(within(card).getByRole('row', { name: /^02\/12\/2026 Virement VIR-77/ })).queryByRole('button', { name: 'Annuler' })).not.toBeInTheDocument());
    expect(await w.balance(id)).toBe(2000);
  });

  it('warns of a cheque payer’s low balance, and the warning goes once cheques are recorded', async () => {
    const user = userEvent.setup();
    const w = await createPaymentsWorld();
    const id = await w.subscriberOf(await w.subscribe(w.depots.ploemeur, {}, { ...CHEQUE, lastName: 'Bas' }));
    await w.call('payment-record', { subscriberId: id, amountCents: 3200, method: 'cash', date: '2026-12-01' });
    openPage(w, id);
    const alerts = await screen.findByRole('region', { name: 'Alertes de règlement' });
    // Four Tuesdays at 10,50 € still to come in December 2026: 32,00 − 42,00.
    expect(within(alerts).getByText('Solde prévu au 31/12/2026 : 10,00 € à régler (seuil 50,00 €) — demandez de nouveaux chèques (trimestre : 130,00 €).')).toBeInTheDocument();

    await user.click(within(await account()).getByRole('button', { name: 'Enregistrer des chèques' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer des chèques' });
    await typeInto(user, field(dialog, 'Chèque 1 — numéro'), '880001');
    await typeInto(user, field(dialog, 'Chèque 1 — banque'), 'CMB');
    await typeInto(user, field(dialog, 'Chèque 1 — montant'), '130');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le chèque' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Alertes de règlement' })).not.toBeInTheDocument());
  });
});
