import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, closedDialog, dialog, field, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = unknown>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const shot = (page: Page, name: string) => screenshot(page, `catalogue-${name}`);

/** A Mantine Select: open it, then pick the option as a person would. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const closed = (page: Page, name: string) => closedDialog(page, name, `catalogue-echec-${name}`);

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('catalogue', (dir) => ['--db', path.join(dir, 'jardin.paniers'), '--create']));
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('the catalogue in the browser, through the web harness', () => {
  it('creates a garden, two depots, a round reordered, a formula with a later price, and finds them after a restart', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('jardin.paniers').waitFor();

    // Jardins.
    await goTo(page, 'Dépôts & tournées');
    await page.getByRole('tab', { name: 'Jardins' }).click();
    await page.getByRole('button', { name: 'Nouveau jardin' }).click();
    let modal = await dialog(page, 'Nouveau jardin');
    await field(modal, 'Nom du jardin').fill('Pont-Scorff');
    await field(modal, 'Adresse').fill('Route de Cléguer, 56620 Pont-Scorff');
    await field(modal, 'Nom du jardin').press('Enter');
    await closed(page, 'Nouveau jardin');
    await page.getByRole('table', { name: 'Jardins' }).getByText('Pont-Scorff', { exact: true }).waitFor();

    // Dépôts: a bad e-mail stays on its field and nothing is saved; then the right one.
    await page.getByRole('tab', { name: 'Dépôts', exact: true }).click();
    await page.getByRole('button', { name: 'Nouveau dépôt' }).click();
    modal = await dialog(page, 'Nouveau dépôt');
    await field(modal, 'Nom du dépôt').fill('Quéven');
    await choose(page, modal, 'Jour de livraison', 'Mardi');
    await field(modal, 'Capacité').fill('40');
    await field(modal, 'Horaires de retrait').fill('17h00 – 19h00');
    await modal.getByLabel('Référent', { exact: true }).fill('Anne Le Goff');
    await field(modal, 'E-mail du référent').fill('anne@');
    await modal.getByRole('button', { name: 'Créer le dépôt' }).click();
    await expect.poll(() => field(modal, 'E-mail du référent').getAttribute('aria-invalid')).toBe('true');
    await modal.getByText('Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).').waitFor();
    await shot(page, '01-depot-erreur');
    expect(await api<unknown[]>('depot-list')).toEqual([]);
    await field(modal, 'E-mail du référent').fill('anne.legoff@example.fr');
    await field(modal, 'E-mail du référent').press('Enter');
    await closed(page, 'Nouveau dépôt');

    await page.getByRole('button', { name: 'Nouveau dépôt' }).click();
    modal = await dialog(page, 'Nouveau dépôt');
    await field(modal, 'Nom du dépôt').fill('Guidel');
    await choose(page, modal, 'Jour de livraison', 'Mardi');
    await modal.getByRole('button', { name: 'Créer le dépôt' }).click();
    await closed(page, 'Nouveau dépôt');
    const depotsTable = page.getByRole('table', { name: 'Dépôts' });
    await depotsTable.getByText('Guidel', { exact: true }).waitFor();
    await depotsTable.getByText('Quéven', { exact: true }).waitFor();
    await shot(page, '02-depots');

    // Tournées: create, add both depots, then move Guidel first with its arrow.
    await page.getByRole('tab', { name: 'Tournées' }).click();
    await page.getByRole('button', { name: 'Nouvelle tournée' }).click();
    modal = await dialog(page, 'Nouvelle tournée');
    await field(modal, 'Identifiant').fill('PS-MAR');
    await field(modal, 'Nom de la tournée').fill('Pont-Scorff – mardi');
    await choose(page, modal, 'Jour', 'Mardi');
    await shot(page, '03-nouvelle-tournee');
    await modal.getByRole('button', { name: 'Créer la tournée' }).click();
    await closed(page, 'Nouvelle tournée');
    const round = page.getByRole('article', { name: 'Tournée Pont-Scorff – mardi' });
    const stops = round.getByRole('list', { name: /Dépôts de la tournée/ });
    for (const depot of ['Quéven', 'Guidel']) {
      await field(round, 'Ajouter un dépôt à la tournée Pont-Scorff – mardi').click();
      await page.getByRole('option', { name: new RegExp(`^${depot} `) }).click();
      await stops.getByText(depot, { exact: true }).waitFor();
    }
    await expect.poll(() => stops.getByRole('listitem').allTextContents()).toEqual(['1.Quéven', '2.Guidel']);
    await round.getByRole('button', { name: 'Monter Guidel' }).click();
    await expect.poll(() => stops.getByRole('listitem').allTextContents()).toEqual(['1.Guidel', '2.Quéven']);
    await expect
      .poll(async () => (await api<{ depots: { name: string }[] }[]>('round-list'))[0]?.depots.map((d) => d.name))
      .toEqual(['Guidel', 'Quéven']);
    await shot(page, '04-tournee-reordonnee');

    // Paramètres → Formules: a formula at 10,50 € since last 1 January, then 11,00 € from next 1 January.
    const year = new Date().getFullYear();
    await goTo(page, 'Paramètres');
    await page.getByRole('tab', { name: 'Formules' }).click();
    await page.getByRole('button', { name: 'Nouvelle formule' }).click();
    modal = await dialog(page, 'Nouvelle formule');
    await field(modal, 'Nom de la formule').fill('Petit panier');
    await field(modal, 'Code').fill('PETIT');
    await field(modal, 'Prix par livraison').fill('10,50');
    await field(modal, 'Prix applicable à partir du').fill(`01/01/${year}`);
    await field(modal, 'Forfait trimestriel').fill('130');
    await modal.getByRole('checkbox', { name: 'Une semaine sur deux (semaines paires)' }).check();
    await shot(page, '05-nouvelle-formule');
    await modal.getByRole('button', { name: 'Créer la formule' }).click();
    await closed(page, 'Nouvelle formule');
    const formulas = page.getByRole('table', { name: 'Formules' });
    await formulas.getByText('10,50\u00a0€').waitFor();

    await page.getByRole('button', { name: 'Prix de Petit panier' }).click();
    modal = await dialog(page, 'Prix de la formule Petit panier');
    await field(modal, 'Nouveau prix à partir du').fill(`01/01/${year + 1}`);
    await field(modal, 'Nouveau prix par livraison').fill('11');
    await modal.getByRole('button', { name: 'Enregistrer le nouveau prix' }).click();
    await modal.getByText('à venir').waitFor();
    await shot(page, '06-historique-des-prix');
    await page.keyboard.press('Escape');
    await closed(page, 'Prix de la formule Petit panier');
    await formulas.getByText(`11,00\u00a0€ dès le 01/01/${year + 1}`).waitFor();
    await shot(page, '07-formules');

    // Restart the harness on the same file: everything is still there, the round in its order.
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--db', path.join(dataDir, 'jardin.paniers')]);
    expect((await api<{ name: string }[]>('garden-list')).map((g) => g.name)).toEqual(['Pont-Scorff']);
    expect(await api<unknown[]>('depot-list')).toEqual([
      expect.objectContaining({ name: 'Guidel', weekday: 2 }),
      expect.objectContaining({ name: 'Quéven', capacity: 40, referentEmail: 'anne.legoff@example.fr', pickupHours: '17h00 – 19h00' }),
    ]);
    expect(await api('round-list')).toEqual([
      expect.objectContaining({ code: 'PS-MAR', depots: [expect.objectContaining({ name: 'Guidel' }), expect.objectContaining({ name: 'Quéven' })] }),
    ]);
    expect(await api('formula-list')).toEqual([
      expect.objectContaining({
        code: 'PETIT',
        quarterlyFlatCents: 13000,
        frequencies: ['weekly', 'biweekly_even'],
        prices: [
          { validFrom: `${year}-01-01`, priceCents: 1050 },
          { validFrom: `${year + 1}-01-01`, priceCents: 1100 },
        ],
      }),
    ]);
    await page.goto(harness.url);
    await goTo(page, 'Dépôts & tournées');
    await page.getByRole('tab', { name: 'Tournées' }).click();
    await expect.poll(() => stops.getByRole('listitem').allTextContents()).toEqual(['1.Guidel', '2.Quéven']);

    expect(browser.problems).toEqual([]);
  });

  it('shows the demonstration catalogue (screenshots with full lists)', async () => {
    const { page } = browser;
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--demo', '--data-dir', dataDir]);
    await page.goto(harness.url);
    await goTo(page, 'Dépôts & tournées');
    await page.getByRole('table', { name: 'Dépôts' }).getByText('Lorient centre').waitFor();
    await shot(page, '10-demo-depots');
    await page.getByRole('button', { name: 'Modifier Quéven' }).click();
    await dialog(page, 'Modifier le dépôt Quéven');
    await shot(page, '11-demo-modifier-depot');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Tournées' }).click();
    await page.getByRole('article', { name: 'Tournée Riantec – vendredi' }).waitFor();
    await shot(page, '12-demo-tournees');
    await page.getByRole('tab', { name: 'Jardins' }).click();
    await page.getByRole('table', { name: 'Jardins' }).getByText('Riantec', { exact: true }).waitFor();
    await shot(page, '13-demo-jardins');

    await goTo(page, 'Paramètres');
    await page.getByRole('tab', { name: 'Formules' }).click();
    await page.getByRole('table', { name: 'Formules' }).getByText('Panier Découverte').waitFor();
    await shot(page, '14-demo-formules');
    // A price change reaching back over recorded deliveries: refused on the date field, nothing saved.
    const before = await api<{ code: string; prices: unknown[] }[]>('formula-list');
    await page.getByRole('button', { name: 'Prix de Petit panier' }).click();
    let modal = await dialog(page, 'Prix de la formule Petit panier');
    await field(modal, 'Nouveau prix à partir du').fill('01/01/2020');
    await field(modal, 'Nouveau prix par livraison').fill('13,00');
    await field(modal, 'Nouveau prix par livraison').press('Enter');
    await expect.poll(() => field(modal, 'Nouveau prix à partir du').getAttribute('aria-invalid')).toBe('true');
    await modal.getByText(/Des livraisons sont déjà enregistrées jusqu’au .* à l’ancien prix : le nouveau prix doit commencer après\./).waitFor();
    await shot(page, '15-demo-prix-refuse');
    expect(await api('formula-list')).toEqual(before);
    await page.keyboard.press('Escape');
    await closed(page, 'Prix de la formule Petit panier');

    await page.getByRole('button', { name: 'Modifier Panier fruits' }).click();
    modal = await dialog(page, 'Modifier la formule Panier fruits');
    await shot(page, '16-demo-modifier-formule');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Cotisations' }).click();
    await page.getByRole('switch', { name: /Date de bascule/ }).check();
    const example = page.getByText(/^Une adhésion prise le 15 octobre \d{4} couvre jusqu’au 31 décembre \d{4}\.$/);
    await example.scrollIntoViewIfNeeded();
    await shot(page, '17-demo-cotisations');
    await page.getByRole('tab', { name: 'Livraisons' }).click();
    await page.getByRole('switch', { name: 'Facturer les paniers non retirés' }).waitFor();
    await shot(page, '18-demo-livraisons');

    // Chromium logs the one refusal above (HTTP 422 from the backend) as a failed resource; nothing else.
    expect(browser.problems).toEqual(['Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
  });
});
