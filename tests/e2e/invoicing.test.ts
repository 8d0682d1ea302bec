import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../core/dates/dates';
import { monthLabel, previousMonth } from '../../renderer/invoicing/invoicing-text';
import { mondayOf, weekLabel } from '../../renderer/week/week-dates';
import { depotFields, formulaFields, subscriberFields, subscriptionFields } from '../support/catalog';
import { type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);

// The harness runs on the real clock: the month invoiced is the one before today's.
const month = previousMonth(new Date());
const firstDay = `${month}-01` as IsoDate;
const tuesdays: IsoDate[] = [];
for (let day = firstDay; day.slice(0, 7) === month; day = addDays(day, 1)) if (new Date(`${day}T12:00:00`).getDay() === 2) tuesdays.push(day);
const mondays = [...new Set(tuesdays.map((day) => mondayOf(day)))];
const normalise = (text: string) => text.replace(/\s/g, ' ');

const PEOPLE = [
  ['Anne', 'Le Goff', 'sepa'],
  ['Bernard', 'Le Floch', 'sepa'],
  ['Chantal', 'Jégo', 'cheque'],
] as const;

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('invoicing', (dir) => ['--db', path.join(dir, 'facturation.paniers'), '--create', '--data-dir', dir]));

  await api('organisation-update', {
    ...(await api('organisation-get')),
    legalName: 'Jardin de Cocagne du Blavet',
    addressLine1: 'Route de Cléguer',
    postcode: '56620',
    city: 'Pont-Scorff',
    siret: '732 829 320 00074',
    vatStatus: 'liable',
  });
  const garden = (await api<{ id: number }>('garden-create', { name: 'Pont-Scorff', address: '' })).id;
  const depot = (await api<{ id: number }>('depot-create', depotFields(garden, { name: 'Ploemeur', weekday: 2, capacity: null }))).id;
  const round = await api<{ id: number }>('round-create', { code: 'PS-MAR', name: 'Pont-Scorff – mardi', weekday: 2, colour: '#2f9e44' });
  await api('round-set-depots', { id: round.id, depotIds: [depot] });
  const formula = (await api<{ id: number }>('formula-create', formulaFields({ priceFrom: addDays(firstDay, -60) }))).id;
  for (const [i, [firstName, lastName, paymentMethod]] of PEOPLE.entries()) {
    const payer = paymentMethod === 'sepa' ? { mandateRum: `RUM-00${i + 1}` } : { iban: '', mandateSignedOn: null };
    const subscriber = await api<{ id: number }>('subscriber-create', subscriberFields({ firstName, lastName, email: `adherent${i + 1}@example.fr`, paymentMethod, ...payer }));
    await api('subscription-create', subscriptionFields(subscriber.id, formula, depot, { startDate: firstDay }));
  }
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('the Facturation screen in Chromium, through the web harness', () => {
  it('shows the blockers, leads to the week to validate, prepares, reviews, issues and credits an invoice', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('facturation.paniers').waitFor();
    await goTo(page, 'Facturation');
    await page.getByText('Aucune facturation pour l’instant').waitFor();
    await screenshot(page, 'facturation-00-vide');

    // Last month's deliveries are not validated yet: the blockers say so, preparing is refused.
    await page.getByRole('button', { name: 'Nouvelle facturation' }).click();
    const newRun = page.getByRole('dialog', { name: 'Nouvelle facturation' });
    await expect(newRun.getByLabel('Mois à facturer').inputValue()).resolves.toBe(month);
    const blockers = newRun.getByRole('list', { name: 'Points à régler' });
    await blockers.waitFor();
    await expect(blockers.getByRole('listitem').count()).resolves.toBe(tuesdays.length);
    await expect(newRun.getByRole('button', { name: 'Préparer les factures' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'facturation-10-points-a-regler');

    // The first week from its link, in the Semaine screen; the others through the API, as a script would.
    await blockers.getByRole('button', { name: 'Valider la semaine' }).first().click();
    await page.getByRole('heading', { name: weekLabel(tuesdays[0]!) }).waitFor();
    await page.getByRole('button', { name: 'Valider la semaine' }).click();
    const confirm = page.getByRole('dialog', { name: 'Valider la semaine' });
    await confirm.getByRole('button', { name: 'Valider' }).click();
    await confirm.waitFor({ state: 'detached' });
    for (const monday of mondays.slice(1)) await api('delivery-close', { day: monday, wholeWeek: true });

    await goTo(page, 'Facturation');
    await page.getByRole('button', { name: 'Nouvelle facturation' }).click();
    await newRun.getByText(`Rien ne bloque la facturation de ${monthLabel(month)}`, { exact: false }).waitFor();
    await screenshot(page, 'facturation-11-rien-ne-bloque');
    await newRun.getByRole('button', { name: 'Préparer les factures' }).click();

    // The drafts: three invoices of one basket a Tuesday at 10,50 €.
    const total = 3 * tuesdays.length * 1050;
    const euros = (amount: number) => `${Math.floor(amount / 100)},${String(amount % 100).padStart(2, '0')} €`;
    await page.getByRole('heading', { level: 1, name: `Facturation de ${monthLabel(month)}` }).waitFor();
    const figures = page.getByLabel('Totaux de la facturation');
    await expect(figures.innerText().then(normalise)).resolves.toMatch(new RegExp(`FACTURES\\s+3\\s+TOTAL TTC\\s+${euros(total)}`));
    await expect(page.getByRole('table', { name: 'Par mode de règlement' }).innerText().then(normalise)).resolves.toContain('Chèque');
    await screenshot(page, 'facturation-20-brouillons', true);

    await page.getByRole('button', { name: 'Chantal Jégo', exact: true }).click();
    const draft = page.getByRole('dialog', { name: 'Facture en brouillon — Chantal Jégo' });
    const lines = draft.getByRole('table', { name: 'Lignes de la facture' });
    await lines.waitFor();
    await expect(lines.getByRole('row').count()).resolves.toBe(tuesdays.length + 1);
    await screenshot(page, 'facturation-21-brouillon-ouvert');
    await draft.getByRole('button', { name: 'Fermer' }).click();

    // Issue: the confirmation states the count and total; then the numbers, in name order (Jégo first).
    await page.getByRole('button', { name: 'Émettre les factures' }).click();
    const issue = page.getByRole('dialog', { name: 'Émettre les factures' });
    await expect(issue.innerText().then(normalise)).resolves.toContain(`Émettre 3 factures de ${monthLabel(month)}, pour un total de ${euros(total)} TTC ?`);
    await screenshot(page, 'facturation-30-confirmer-emission');
    await issue.getByRole('button', { name: 'Émettre 3 factures' }).click();
    const year = new Date().getFullYear();
    const invoices = page.getByRole('table', { name: 'Factures de la facturation' });
    await invoices.getByText(`FA-${year}-00003`).waitFor();
    await expect(invoices.getByRole('row', { name: /Chantal Jégo/ }).innerText()).resolves.toContain(`FA-${year}-00001`);
    await screenshot(page, 'facturation-31-emises', true);

    // The whole run in one PDF, downloaded as the web harness does.
    await page.getByRole('button', { name: 'Imprimer les factures' }).click();
    const ready = page.getByRole('dialog', { name: 'Factures prêtes' });
    await ready.getByText(/\.pdf/).waitFor();
    await expect(ready.innerText()).resolves.toMatch(/3 pages A4/);
    await screenshot(page, 'facturation-32-factures-pretes');
    const download = page.waitForEvent('download');
    await ready.getByRole('button', { name: 'Télécharger' }).click();
    const pdf = await readFile((await (await download).path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await ready.getByRole('button', { name: 'Fermer' }).click();

    // Back to the list, find the invoice by number, credit one basket.
    await page.getByRole('button', { name: 'Toutes les facturations' }).click();
    await page.getByRole('table', { name: 'Facturations' }).getByText('Émise').waitFor();
    await page.getByLabel('Rechercher une facture').fill(`FA-${year}-00001`);
    await page.getByRole('table', { name: 'Factures trouvées' }).getByRole('button', { name: `FA-${year}-00001` }).waitFor();
    await screenshot(page, 'facturation-33-liste-et-recherche');
    await page.getByRole('table', { name: 'Factures trouvées' }).getByRole('button', { name: `FA-${year}-00001` }).click();
    const issued = page.getByRole('dialog', { name: `Facture FA-${year}-00001 — Chantal Jégo` });
    await issued.getByRole('button', { name: 'Avoir' }).click();
    const credit = page.getByRole('dialog', { name: `Avoir sur la facture FA-${year}-00001` });
    await credit.getByLabel('Toute la facture').uncheck();
    await credit.getByRole('checkbox').nth(1).check();
    await credit.getByRole('button', { name: 'Émettre l’avoir' }).click();
    await credit.getByText('Indiquez la raison de l’avoir', { exact: false }).waitFor();
    await screenshot(page, 'facturation-40-avoir-sans-raison');
    await credit.getByLabel('Raison').fill('Panier non livré');
    await credit.getByLabel('Raison').press('Enter');
    await issued.getByText(`avoir AV-${year}-00001`, { exact: true }).waitFor();
    await screenshot(page, 'facturation-41-avoir-emis');
    await issued.getByRole('button', { name: `PDF de l’avoir AV-${year}-00001` }).click();
    await page.getByRole('dialog', { name: 'Avoir prêt' }).getByText(`avoir_AV-${year}-00001.pdf`).waitFor();
    await screenshot(page, 'facturation-42-avoir-pdf');
    const chantal = await api<{ subscriberId: number }[]>('invoice-search', { query: `FA-${year}-00001` });
    await expect(api<{ balanceCents: number }>('ledger-balance', { subscriberId: chantal[0]!.subscriberId })).resolves.toMatchObject({ balanceCents: -(tuesdays.length - 1) * 1050 });
    expect(browser.problems).toEqual([]);
  });
});
