import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, fromLocalDate } from '../../core/dates/dates';
import { depotFields, formulaFields, subscriberFields, subscriptionFields } from '../support/catalog';
import { type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, closedDialog, dialog, field, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = unknown>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('subscriber-payments', (dir) => ['--db', path.join(dir, 'jardin.paniers'), '--create']));
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('payments on the subscriber’s page, in the browser', () => {
  it('shows the low-balance alert, the account with its actions and the cheques, and records a transfer', async () => {
    const today = fromLocalDate(new Date());
    // A cheque payer with a weekly basket, a small credit, a transfer and cheques handed in advance.
    const garden = await api<{ id: number }>('garden-create', { name: 'Pont-Scorff', address: '' });
    const depot = await api<{ id: number }>('depot-create', depotFields(garden.id, { name: 'Ploemeur', weekday: 2, capacity: null }));
    const round = await api<{ id: number }>('round-create', { code: 'MAR', name: 'Tournée du mardi', weekday: 2, colour: '#2f9e44' });
    await api('round-set-depots', { id: round.id, depotIds: [depot.id] });
    const formula = await api<{ id: number }>('formula-create', formulaFields());
    const anne = await api<{ id: number }>('subscriber-create', subscriberFields({ firstName: 'Anne', lastName: 'Le Goff', paymentMethod: 'cheque', iban: '', mandateSignedOn: null }));
    await api('subscription-create', subscriptionFields(anne.id, formula.id, depot.id, { startDate: addDays(today, -60) }));
    await api('payment-record', { subscriberId: anne.id, method: 'cash', amountCents: 1000, date: addDays(today, -20) });
    await api('cheque-record', {
      subscriberId: anne.id,
      cheques: [0, 1, 2].map((i) => ({ number: `123456${i}`, bank: 'Crédit Agricole', amountCents: 4550, receivedOn: addDays(today, -10), plannedDepositOn: addMonths(addDays(today, -10), i) })),
    });
    await api('refund-record', { subscriberId: anne.id, method: 'transfer', amountCents: 13650, reference: 'RBT-1' });

    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('jardin.paniers').waitFor();
    await goTo(page, 'Adhérents');
    await page.getByLabel('Rechercher un adhérent').fill('le goff');
    await page.getByRole('row', { name: /Ouvrir la fiche de LE GOFF Anne/ }).click();
    const alerts = page.getByRole('region', { name: 'Alertes de règlement' });
    await alerts.getByText(/Solde prévu au .* demandez de nouveaux chèques/).waitFor();
    await page.getByRole('table', { name: 'Chèques' }).waitFor();
    await screenshot(page, 'adherent-reglements', true);

    const account = page.getByRole('region', { name: 'Compte' });
    await account.getByRole('button', { name: 'Enregistrer un règlement' }).click();
    const payment = await dialog(page, 'Enregistrer un règlement');
    await field(payment, 'Montant').fill('42,50');
    await field(payment, 'Référence du virement').fill('VIR-2026-118');
    await screenshot(page, 'adherent-reglement-virement');
    await payment.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await closedDialog(page, 'Enregistrer un règlement', 'adherent-echec-reglement');
    await account.getByRole('row', { name: /Virement VIR-2026-118/ }).waitFor();

    await account.getByRole('button', { name: 'Enregistrer des chèques' }).click();
    const cheques = await dialog(page, 'Enregistrer des chèques');
    await field(cheques, 'Chèque 1 — numéro').fill('880001');
    await field(cheques, 'Chèque 1 — banque').fill('CMB');
    await field(cheques, 'Chèque 1 — montant').fill('45,50');
    await cheques.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await cheques.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await cheques.getByRole('button', { name: 'chaque trimestre' }).click();
    await screenshot(page, 'adherent-cheques-dialogue');
    await cheques.getByRole('button', { name: 'Enregistrer les 3 chèques' }).click();
    await closedDialog(page, 'Enregistrer des chèques', 'adherent-echec-cheques');
    await page.getByRole('table', { name: 'Chèques' }).getByRole('row', { name: /880003/ }).waitFor();
    await screenshot(page, 'adherent-reglements-apres', true);
    expect(await api<{ balanceCents: number }>('ledger-balance', { subscriberId: anne.id })).toMatchObject({ balanceCents: 1000 + 4250 + 13650 });
  });
});
